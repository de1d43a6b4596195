import Foundation

/// Reads the watchlist's Bid, Ask and Last cells back from a dashboard's terminal output:
/// replays the reads through a ``ScreenEmulator`` and, after each read, notes every price
/// cell of a symbol row that now shows another text, with the read's instant.
///
/// The header row (`Symbol … Bid … Ask … Last`) gives the columns: the symbol starts under
/// `Symbol`; a price is right-aligned under its header, so its cell is the run of non-spaces
/// that ends where the header ends.
struct WatchlistReader {
    /// A price cell that changed.
    struct Change: Sendable, Equatable {
        var symbol: String
        var field: PriceTickLog.Field
        var text: String
        var at: ContinuousClock.Instant
    }

    private struct Header {
        var row: Int
        var symbolStart: Int
        var ends: [PriceTickLog.Field: Int]
    }

    private var screen: ScreenEmulator
    private var header: Header?
    private let symbols: Set<String>
    private var shown: [String: [PriceTickLog.Field: String]] = [:]
    /// Symbol rows seen on screen.
    private(set) var visible: Set<String> = []
    private(set) var changes: [Change] = []

    init(columns: Int, rows: Int, symbols: Set<String>) {
        screen = ScreenEmulator(columns: columns, rows: rows)
        self.symbols = symbols
    }

    /// Replays one read.
    mutating func feed(_ bytes: [UInt8], at instant: ContinuousClock.Instant) {
        screen.feed(bytes)
        let rows = screen.takeChangedRows()
        if header == nil || rows.contains(header?.row ?? -1) { findHeader() }
        guard let header else { return }
        for row in rows.sorted() where row > header.row {
            let line = screen.cells(row: row)
            guard let symbol = Self.token(in: line, from: header.symbolStart), symbols.contains(symbol) else { continue }
            visible.insert(symbol)
            for (field, end) in header.ends {
                let text = Self.cell(in: line, endingAt: end)
                if shown[symbol]?[field] != text {
                    shown[symbol, default: [:]][field] = text
                    changes.append(Change(symbol: symbol, field: field, text: text, at: instant))
                }
            }
        }
    }

    private mutating func findHeader() {
        header = nil
        for row in 0..<screen.rows {
            let line = screen.cells(row: row)
            let text = String(String.UnicodeScalarView(line))
            guard let symbolRange = text.range(of: " Symbol ") else { continue }
            let symbolStart = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: symbolRange.lowerBound) + 1
            var ends: [PriceTickLog.Field: Int] = [:]
            for field in PriceTickLog.Field.allCases {
                guard let range = text.range(of: " \(field.header) ") ?? text.range(of: " \(field.header)│") else { continue }
                ends[field] = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.upperBound) - 1
            }
            guard !ends.isEmpty else { continue }
            header = Header(row: row, symbolStart: symbolStart, ends: ends)
            return
        }
    }

    /// The run of non-spaces starting at `start` (nil when the cell there is blank).
    static func token(in line: [Unicode.Scalar], from start: Int) -> String? {
        guard start < line.count, line[start] != " " else { return nil }
        var end = start
        while end < line.count, line[end] != " " { end += 1 }
        return String(String.UnicodeScalarView(line[start..<end]))
    }

    /// The run of non-spaces that ends just before `end` (empty when blank).
    static func cell(in line: [Unicode.Scalar], endingAt end: Int) -> String {
        guard end > 0, end <= line.count else { return "" }
        var start = end
        while start > 0, line[start - 1] != " " { start -= 1 }
        return String(String.UnicodeScalarView(line[start..<end]))
    }

    /// The price a cell shows and half its last digit's step (the rounding it may hide), nil
    /// when the cell holds no number.
    static func price(_ text: String) -> (value: Double, tolerance: Double)? {
        let digits = text.filter { $0 != "," }
        guard let value = Double(digits), value > 0 else { return nil }
        let decimals = digits.firstIndex(of: ".").map { digits.distance(from: $0, to: digits.endIndex) - 1 } ?? 0
        var step = 1.0
        for _ in 0..<decimals { step /= 10 }
        return (value, step / 2 + 1e-9)
    }
}
