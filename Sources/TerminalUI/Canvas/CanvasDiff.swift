/// The cells that changed between two canvases, grouped into runs of adjacent changed cells on
/// one row: what a backend must print to turn the old frame into the new one.
public struct CanvasDiff: Hashable, Sendable {
    /// A horizontal stretch of changed cells.
    public struct Run: Hashable, Sendable {
        /// Where the run starts.
        public var origin: Point
        /// The new cells, left to right; continuation cells of wide characters included.
        public var cells: [Cell]

        /// Creates a run.
        public init(origin: Point, cells: [Cell]) {
            self.origin = origin
            self.cells = cells
        }

        /// The run's characters as the terminal shows them (continuations skipped).
        public var text: String {
            String(cells.filter { !$0.isContinuation }.map(\.character))
        }
    }

    /// The size of the new canvas.
    public var size: Size
    /// True when there was no comparable old frame (none, or a different size): every row is
    /// a run and the backend should clear the screen first.
    public var isFullRedraw: Bool
    /// The changed runs, top to bottom, left to right.
    public var runs: [Run]

    /// Compares `old` with `new`. A nil `old` or a size change yields a full redraw.
    /// A changed half of a wide character pulls the other half into the run, so a backend
    /// never prints half a character.
    public init(from old: Canvas?, to new: Canvas) {
        size = new.size
        runs = []
        guard let old, old.size == new.size else {
            isFullRedraw = true
            for y in 0..<new.size.height where new.size.width > 0 {
                runs.append(Run(origin: Point(x: 0, y: y), cells: Array(new.row(y))))
            }
            return
        }
        isFullRedraw = false
        let width = new.size.width
        // Rows are compared in place (slices of both canvases, no copies): this runs for
        // every frame the dashboard draws.
        var changed = [Bool](repeating: false, count: width)
        for y in 0..<new.size.height {
            let before = old.row(y)
            let after = new.row(y)
            // A row copied from the previous frame (a pane that was not redrawn) is the same
            // bytes: equal without a look at its cells. Bytes that differ are compared as cells.
            if Self.sameBytes(before, after) { continue }
            let b = before.startIndex
            let a = after.startIndex
            var any = false
            for x in 0..<width { changed[x] = false }
            for x in 0..<width where !Self.sameCell(before[b + x], after[a + x]) {
                any = true
                changed[x] = true
                if (after[a + x].isContinuation || before[b + x].isContinuation), x > 0 { changed[x - 1] = true }
                if (after[a + x].width == 2 || before[b + x].width == 2), x + 1 < width { changed[x + 1] = true }
            }
            guard any else { continue }
            var x = 0
            while x < width {
                guard changed[x] else {
                    x += 1
                    continue
                }
                let start = x
                while x < width, changed[x] { x += 1 }
                runs.append(Run(origin: Point(x: start, y: y), cells: Array(after[(a + start)..<(a + x)])))
            }
        }
    }

    /// Whether two rows hold the same bytes (then they hold equal cells; the converse need not
    /// hold, so a false answer only means "compare the cells").
    /// Whether two cells are equal: the same bytes (a cell holds no references, so equal bytes
    /// are equal cells) or, failing that, equal values.
    @inline(__always)
    static func sameCell(_ lhs: Cell, _ rhs: Cell) -> Bool {
        let sameBytes = withUnsafeBytes(of: lhs) { left in
            withUnsafeBytes(of: rhs) { right in
                var offset = 0
                while offset + 8 <= left.count {
                    if left.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                        != right.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
                    offset += 8
                }
                while offset < left.count {
                    if left[offset] != right[offset] { return false }
                    offset += 1
                }
                return true
            }
        }
        return sameBytes || lhs == rhs
    }

    static func sameBytes(_ lhs: ArraySlice<Cell>, _ rhs: ArraySlice<Cell>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.withUnsafeBytes { left in
            rhs.withUnsafeBytes { right in
                let count = left.count
                guard count == right.count else { return false }
                if left.baseAddress == right.baseAddress { return true }
                guard let l = left.baseAddress, let r = right.baseAddress else { return count == 0 }
                var offset = 0
                while offset + 8 <= count {
                    if l.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                        != r.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
                    offset += 8
                }
                while offset < count {
                    if l.load(fromByteOffset: offset, as: UInt8.self) != r.load(fromByteOffset: offset, as: UInt8.self) {
                        return false
                    }
                    offset += 1
                }
                return true
            }
        }
    }

    /// Whether nothing needs printing.
    public var isEmpty: Bool { runs.isEmpty }

    /// How many cells the runs hold.
    public var cellCount: Int { runs.reduce(0) { $0 + $1.cells.count } }
}
