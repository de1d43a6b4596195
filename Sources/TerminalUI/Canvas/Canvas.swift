/// A grid of styled cells that views draw into and backends present.
///
/// Every drawing operation clips to the canvas (and to an optional rectangle) and never traps,
/// at any size down to 0x0. Wide characters take two cells; overwriting either half of one
/// blanks the other half, so the grid never holds half a character.
public struct Canvas: Hashable, Sendable {
    /// The canvas size in cells.
    public private(set) var size: Size
    /// The cells, row by row.
    private var cells: [Cell]

    /// Creates a canvas of `size` filled with `fill`.
    public init(size: Size, fill: Cell = .blank) {
        self.size = size
        var blank = fill
        blank.width = 1
        self.cells = Array(repeating: blank, count: size.area)
    }

    /// The whole canvas as a rectangle at the origin.
    public var bounds: Rect { Rect(size: size) }

    /// The cell at `point`, or nil outside the canvas.
    public func cell(at point: Point) -> Cell? {
        guard bounds.contains(point) else { return nil }
        return cells[point.y * size.width + point.x]
    }

    /// The cell at column `x`, row `y`; a blank cell outside the canvas.
    public subscript(x: Int, y: Int) -> Cell {
        cell(at: Point(x: x, y: y)) ?? .blank
    }

    /// The cells of row `y` (empty outside the canvas).
    public func row(_ y: Int) -> ArraySlice<Cell> {
        guard y >= 0, y < size.height else { return [] }
        return cells[(y * size.width)..<((y + 1) * size.width)]
    }

    /// Puts `cell` at `point`, keeping wide characters whole: a wide cell also claims the cell
    /// to its right (or becomes a blank at the right edge), and overwriting half of an existing
    /// wide character blanks its other half. Points outside the canvas are ignored.
    public mutating func set(_ cell: Cell, at point: Point) {
        guard bounds.contains(point) else { return }
        var cell = cell
        if cell.width == 0 || (cell.width == 2 && point.x + 1 >= size.width) {
            cell.character = " "
            cell.width = 1
        }
        release(at: point)
        store(cell, at: point)
        if cell.width == 2 {
            let right = point.offset(dx: 1)
            release(at: right)
            store(Cell(" ", style: cell.style, role: cell.role, width: 0), at: right)
        }
    }

    /// Writes `text` from `point` rightwards on one row, clipped to `clip` (and the canvas).
    /// Control characters are shown as `?`; a wide character that does not fit whole is shown
    /// as a space. Returns the column after the text as far as it was laid out: layout stops at
    /// the clip's right edge, and on a row outside the clip nothing is laid out (`point.x`).
    @discardableResult
    public mutating func write(
        _ text: String, at point: Point, style: Style = .plain, role: ThemeRole? = nil, clip: Rect? = nil
    ) -> Int {
        let area = (clip ?? bounds).intersection(bounds)
        var x = point.x
        guard point.y >= area.y, point.y < area.maxY else { return x }
        // Printable ASCII (most of every frame) is one column and one cell per byte: laid out
        // without breaking the text into graphemes.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            for byte in text.utf8 {
                if x >= area.maxX { break }
                if x >= area.x {
                    set(Cell(scalar: Unicode.Scalar(byte), style: style, role: role), at: Point(x: x, y: point.y))
                }
                x += 1
            }
            return x
        }
        for character in text {
            var shown = character
            var width = DisplayWidth.of(character)
            if width == 0 {
                guard character.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
                else { continue }
                shown = "?"
                width = 1
            }
            if x >= area.maxX { break }
            let fitsLeft = x >= area.x
            let fitsRight = x + width <= area.maxX
            if fitsLeft && fitsRight {
                set(Cell(shown, style: style, role: role, width: UInt8(width)), at: Point(x: x, y: point.y))
            } else {
                for column in x..<(x + width) where column >= area.x && column < area.maxX {
                    set(Cell(" ", style: style, role: role), at: Point(x: column, y: point.y))
                }
            }
            x += width
        }
        return x
    }

    /// Fills every cell of `rect` (clipped) with `cell`; a wide `cell` is stored as a space.
    public mutating func fill(_ rect: Rect, with cell: Cell) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        var narrow = cell
        if narrow.width != 1 {
            narrow.character = " "
            narrow.width = 1
        }
        // Row by row: only the edges can split a wide character that reaches outside `rect`;
        // the cells in between are replaced whole (this runs for every pane of every frame).
        for y in area.y..<area.maxY {
            release(at: Point(x: area.x, y: y))
            release(at: Point(x: area.maxX - 1, y: y))
            let start = y * size.width
            for index in (start + area.x)..<(start + area.maxX) { cells[index] = narrow }
        }
    }

    /// Fills `rect` (clipped) with spaces in `style` and `role`.
    public mutating func fill(_ rect: Rect, style: Style, role: ThemeRole? = nil) {
        fill(rect, with: Cell(" ", style: style, role: role))
    }

    /// Changes the style and role of every cell in `rect` without touching the characters
    /// (used to highlight a selected row).
    public mutating func restyle(_ rect: Rect, style: Style, role: ThemeRole? = nil) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX {
                cells[y * size.width + x].style = style
                cells[y * size.width + x].role = role
            }
        }
    }

    /// Resets every cell to `cell`.
    public mutating func clear(to cell: Cell = .blank) {
        fill(bounds, with: cell)
    }

    /// Draws the outline of `rect` (clipped) with `glyphs`. Degenerate rectangles (one row or
    /// one column) draw what fits; an empty one draws nothing.
    public mutating func drawBox(_ rect: Rect, glyphs: BoxGlyphs, style: Style = .plain, role: ThemeRole? = nil) {
        guard !rect.isEmpty else { return }
        let right = rect.maxX - 1
        let bottom = rect.maxY - 1
        // Each glyph's cell is made once: the borders are redrawn every frame.
        func cell(_ character: Character) -> Cell {
            Cell(character, style: style, role: role, width: UInt8(max(1, DisplayWidth.of(character))))
        }
        let horizontal = cell(glyphs.horizontal)
        let vertical = cell(glyphs.vertical)
        for x in rect.x...right {
            set(horizontal, at: Point(x: x, y: rect.y))
            set(horizontal, at: Point(x: x, y: bottom))
        }
        for y in rect.y...bottom {
            set(vertical, at: Point(x: rect.x, y: y))
            set(vertical, at: Point(x: right, y: y))
        }
        set(cell(glyphs.topLeft), at: Point(x: rect.x, y: rect.y))
        set(cell(glyphs.topRight), at: Point(x: right, y: rect.y))
        set(cell(glyphs.bottomLeft), at: Point(x: rect.x, y: bottom))
        set(cell(glyphs.bottomRight), at: Point(x: right, y: bottom))
    }

    /// Stores a cell without any wide-character bookkeeping.
    private mutating func store(_ cell: Cell, at point: Point) {
        cells[point.y * size.width + point.x] = cell
    }

    /// Blanks the other half of a wide character that `point` is part of, so `point` can be
    /// overwritten on its own.
    private mutating func release(at point: Point) {
        guard let existing = cell(at: point) else { return }
        if existing.width == 0, let left = cell(at: point.offset(dx: -1)), left.width == 2 {
            store(Cell(" ", style: left.style, role: left.role), at: point.offset(dx: -1))
        } else if existing.width == 2, let right = cell(at: point.offset(dx: 1)), right.width == 0 {
            store(Cell(" ", style: right.style, role: right.role), at: point.offset(dx: 1))
        }
    }
}
