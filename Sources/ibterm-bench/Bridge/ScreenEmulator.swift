/// The screen a terminal shows after the bytes a program wrote to it: enough of an xterm
/// (`TERM=xterm-256color`) to follow what ncurses writes, for reading a child dashboard's cells
/// back as text. Attributes and colours are skipped; only characters and their places are kept.
///
/// Handled: printable UTF-8 (one cell each), CR, LF, BS, TAB; ESC 7/8, D, M, E, c, charset
/// selections, OSC strings; CSI cursor moves (`H f A B C D E F G \` d`), erases (`J K X`),
/// insert and delete (`@ P L M`), scrolling (`S T`, `r` the scroll region), repeat (`b`),
/// insert mode (`4h`/`4l`), save and restore (`s u`). Other sequences are read and ignored.
/// Which rows changed since ``takeChangedRows()`` is kept, so a reader looks only at those.
struct ScreenEmulator {
    let columns: Int
    let rows: Int
    private var cells: [[Unicode.Scalar]]
    private var row = 0
    private var column = 0
    private var wrapPending = false
    private var top = 0
    private var bottom: Int
    private var saved = (row: 0, column: 0)
    private var insertMode = false
    private var lastPrinted: Unicode.Scalar = " "
    private var changed: Set<Int> = []

    private enum State {
        case ground
        case escape
        case csi
        case osc
        case oscEscape
        case charset
    }
    private var state = State.ground
    private var parameters: [UInt8] = []
    private var utf8: [UInt8] = []
    private var utf8Needed = 0

    init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
        bottom = rows - 1
        cells = Array(repeating: Array(repeating: " ", count: columns), count: rows)
    }

    /// A row's text, one character per cell.
    func line(_ index: Int) -> String {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: cells[index])
        return String(text)
    }

    /// A row's cells.
    func cells(row index: Int) -> [Unicode.Scalar] {
        cells[index]
    }

    /// The cells of row `index` from `from` up to (not including) `to`.
    func text(row index: Int, from: Int, to: Int) -> String {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: cells[index][max(0, from)..<min(columns, max(from, to))])
        return String(text)
    }

    /// The rows written, erased or moved since the last call.
    mutating func takeChangedRows() -> Set<Int> {
        defer { changed.removeAll(keepingCapacity: true) }
        return changed
    }

    /// Applies bytes written to the terminal (a sequence may be split across calls).
    mutating func feed<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes { feed(byte) }
    }

    private mutating func feed(_ byte: UInt8) {
        switch state {
        case .ground: ground(byte)
        case .escape: escape(byte)
        case .csi:
            if byte >= 0x40 && byte <= 0x7E {
                state = .ground
                csi(final: byte)
            } else {
                parameters.append(byte)
            }
        case .osc:
            if byte == 0x07 { state = .ground } else if byte == 0x1B { state = .oscEscape }
        case .oscEscape:
            state = byte == 0x5C ? .ground : .osc
        case .charset:
            state = .ground
        }
    }

    private mutating func ground(_ byte: UInt8) {
        if utf8Needed > 0 {
            if byte & 0xC0 == 0x80 {
                utf8.append(byte)
                utf8Needed -= 1
                if utf8Needed == 0 {
                    var decoder = UTF8()
                    var iterator = utf8.makeIterator()
                    if case let .scalarValue(scalar) = decoder.decode(&iterator) { put(scalar) } else { put("?") }
                }
                return
            }
            utf8Needed = 0
        }
        switch byte {
        case 0x1B: state = .escape
        case 0x0D: column = 0; wrapPending = false
        case 0x0A, 0x0B, 0x0C: lineFeed()
        case 0x08: if column > 0 { column -= 1 }; wrapPending = false
        case 0x09: column = min(columns - 1, (column / 8 + 1) * 8); wrapPending = false
        case 0x00..<0x20, 0x7F: break
        case 0x20..<0x7F: put(Unicode.Scalar(byte))
        case 0xC0..<0xE0: utf8 = [byte]; utf8Needed = 1
        case 0xE0..<0xF0: utf8 = [byte]; utf8Needed = 2
        case 0xF0..<0xF8: utf8 = [byte]; utf8Needed = 3
        default: break
        }
    }

    private mutating func escape(_ byte: UInt8) {
        state = .ground
        switch byte {
        case UInt8(ascii: "["): state = .csi; parameters.removeAll(keepingCapacity: true)
        case UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "_"), UInt8(ascii: "^"): state = .osc
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "#"): state = .charset
        case UInt8(ascii: "7"): saved = (row, column)
        case UInt8(ascii: "8"): (row, column) = saved; wrapPending = false
        case UInt8(ascii: "D"): lineFeed()
        case UInt8(ascii: "E"): column = 0; lineFeed()
        case UInt8(ascii: "M"): reverseIndex()
        case UInt8(ascii: "c"): self = ScreenEmulator(columns: columns, rows: rows); changed = Set(0..<rows)
        default: break
        }
    }

    private mutating func put(_ scalar: Unicode.Scalar) {
        if wrapPending {
            column = 0
            lineFeed()
        }
        if insertMode {
            cells[row].insert(scalar, at: column)
            cells[row].removeLast()
        } else {
            cells[row][column] = scalar
        }
        changed.insert(row)
        lastPrinted = scalar
        if column == columns - 1 { wrapPending = true } else { column += 1 }
    }

    private mutating func lineFeed() {
        wrapPending = false
        if row == bottom { scroll(up: 1) } else if row < rows - 1 { row += 1 }
    }

    private mutating func reverseIndex() {
        wrapPending = false
        if row == top { scroll(down: 1) } else if row > 0 { row -= 1 }
    }

    private var blank: [Unicode.Scalar] { Array(repeating: " ", count: columns) }

    private mutating func scroll(up count: Int) {
        let count = min(count, bottom - top + 1)
        guard count > 0 else { return }
        cells.removeSubrange(top..<(top + count))
        cells.insert(contentsOf: Array(repeating: blank, count: count), at: bottom - count + 1)
        changed.formUnion(top...bottom)
    }

    private mutating func scroll(down count: Int) {
        let count = min(count, bottom - top + 1)
        guard count > 0 else { return }
        cells.removeSubrange((bottom - count + 1)...bottom)
        cells.insert(contentsOf: Array(repeating: blank, count: count), at: top)
        changed.formUnion(top...bottom)
    }

    private mutating func erase(row index: Int, from: Int, to: Int) {
        let from = max(0, from), to = min(columns, to)
        guard from < to else { return }
        for cell in from..<to { cells[index][cell] = " " }
        changed.insert(index)
    }

    private mutating func csi(final: UInt8) {
        var text = parameters
        let isPrivate = text.first.map { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "=") } ?? false
        if isPrivate { text.removeFirst() }
        let values = text.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false).map { field -> Int? in
            field.isEmpty ? nil : Int(String(decoding: field.filter { $0 >= 0x30 && $0 <= 0x39 }, as: UTF8.self))
        }
        func value(_ index: Int, _ fallback: Int) -> Int {
            guard index < values.count, let value = values[index], value != 0 || fallback == 0 else { return fallback }
            return value
        }
        if isPrivate { return }
        let n = value(0, 1)
        switch final {
        case UInt8(ascii: "H"), UInt8(ascii: "f"):
            row = min(rows - 1, max(0, value(0, 1) - 1)); column = min(columns - 1, max(0, value(1, 1) - 1)); wrapPending = false
        case UInt8(ascii: "A"): row = max(row >= top ? top : 0, row - n); wrapPending = false
        case UInt8(ascii: "B"): row = min(row <= bottom ? bottom : rows - 1, row + n); wrapPending = false
        case UInt8(ascii: "C"): column = min(columns - 1, column + n); wrapPending = false
        case UInt8(ascii: "D"): column = max(0, column - n); wrapPending = false
        case UInt8(ascii: "E"): row = min(rows - 1, row + n); column = 0; wrapPending = false
        case UInt8(ascii: "F"): row = max(0, row - n); column = 0; wrapPending = false
        case UInt8(ascii: "G"), UInt8(ascii: "`"): column = min(columns - 1, max(0, n - 1)); wrapPending = false
        case UInt8(ascii: "d"): row = min(rows - 1, max(0, n - 1)); wrapPending = false
        case UInt8(ascii: "J"):
            switch value(0, 0) {
            case 0:
                erase(row: row, from: column, to: columns)
                for index in (row + 1)..<rows { erase(row: index, from: 0, to: columns) }
            case 1:
                for index in 0..<row { erase(row: index, from: 0, to: columns) }
                erase(row: row, from: 0, to: column + 1)
            default:
                for index in 0..<rows { erase(row: index, from: 0, to: columns) }
            }
        case UInt8(ascii: "K"):
            switch value(0, 0) {
            case 0: erase(row: row, from: column, to: columns)
            case 1: erase(row: row, from: 0, to: column + 1)
            default: erase(row: row, from: 0, to: columns)
            }
        case UInt8(ascii: "X"): erase(row: row, from: column, to: column + n)
        case UInt8(ascii: "@"):
            let count = min(n, columns - column)
            cells[row].insert(contentsOf: Array(repeating: " ", count: count), at: column)
            cells[row].removeLast(count)
            changed.insert(row)
        case UInt8(ascii: "P"):
            let count = min(n, columns - column)
            cells[row].removeSubrange(column..<(column + count))
            cells[row].append(contentsOf: Array(repeating: " ", count: count))
            changed.insert(row)
        case UInt8(ascii: "L"), UInt8(ascii: "M"):
            guard row >= top, row <= bottom else { break }
            let region = (top, bottom)
            top = row
            if final == UInt8(ascii: "L") { scroll(down: n) } else { scroll(up: n) }
            (top, bottom) = region
            column = 0
        case UInt8(ascii: "S"): scroll(up: n)
        case UInt8(ascii: "T"): scroll(down: n)
        case UInt8(ascii: "b"): for _ in 0..<min(n, columns * rows) { put(lastPrinted) }
        case UInt8(ascii: "r"):
            top = min(rows - 1, max(0, value(0, 1) - 1))
            bottom = min(rows - 1, max(top, value(1, rows) - 1))
            row = 0; column = 0; wrapPending = false
        case UInt8(ascii: "h"), UInt8(ascii: "l"):
            if values.contains(where: { $0 == 4 }) { insertMode = final == UInt8(ascii: "h") }
        case UInt8(ascii: "s"): saved = (row, column)
        case UInt8(ascii: "u"): (row, column) = saved; wrapPending = false
        default: break
        }
    }
}
