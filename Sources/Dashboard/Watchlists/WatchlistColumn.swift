/// A column the watchlist pane can show, named in the config (`[watchlist] columns`) and in
/// `:sort` by its raw value.
///
/// The freshness mark and the state word with its age are not columns: every row shows them.
public enum WatchlistColumn: String, CaseIterable, Sendable, Hashable, Codable {
    /// The symbol.
    case symbol
    /// The size at the bid (IB tick 0).
    case bidSize = "bid_size"
    /// The best bid (tick 1).
    case bid
    /// The best ask (tick 2).
    case ask
    /// The size at the ask (tick 3).
    case askSize = "ask_size"
    /// The last trade (tick 4).
    case last
    /// Last (or midpoint) minus the previous close (tick 9).
    case change = "chg"
    /// `change` as a percentage of the previous close.
    case changePercent = "chg_pct"
    /// The day's open (tick 14).
    case open
    /// The day's high (tick 6).
    case high
    /// The day's low (tick 7).
    case low
    /// The day's volume (tick 8).
    case volume
    /// The session's sparkline (per-minute closes); sorted by the session's move in percent.
    case spark
    /// The position held in the symbol (signed quantity).
    case position

    /// Every column in the order the dashboard shows them when the config names none.
    public static let standard: [WatchlistColumn] = [
        .symbol, .bidSize, .bid, .ask, .askSize, .last, .change, .changePercent, .open, .high, .low, .volume,
        .spark, .position,
    ]

    /// The column a config or `:sort` word names: the raw value (`chg_pct`) or a short spelling
    /// (`chg%`, `pos`, `vol`, `sparkline`), in any case.
    public init?(name: String) {
        let word = name.lowercased()
        if let column = WatchlistColumn(rawValue: word) {
            self = column
            return
        }
        switch word {
        case "chg%", "change%", "pct": self = .changePercent
        case "change": self = .change
        case "pos": self = .position
        case "vol": self = .volume
        case "sparkline", "trend": self = .spark
        case "bidsize", "bid_sz": self = .bidSize
        case "asksize", "ask_sz": self = .askSize
        case "sym": self = .symbol
        default: return nil
        }
    }

    /// Whether a plain `:sort COLUMN` sorts this column largest first (every number) rather than
    /// A to Z (the symbol).
    public var sortsDescendingFirst: Bool { self != .symbol }
}

/// The order the watchlist is shown in: by one column, one way.
public struct WatchlistSort: Sendable, Hashable {
    /// The column sorted by.
    public var column: WatchlistColumn
    /// Largest (or Z) first.
    public var descending: Bool

    /// Creates a sort.
    public init(_ column: WatchlistColumn, descending: Bool) {
        self.column = column
        self.descending = descending
    }

    /// The words the pane's title shows: `chg_pct desc`.
    public var label: String { "\(column.rawValue) \(descending ? "desc" : "asc")" }

    /// The sort `S` moves to after `current` among `columns`: each column in its first direction
    /// (`sortsDescendingFirst`), then the other, then the next column; after the last, none.
    public static func next(after current: WatchlistSort?, columns: [WatchlistColumn]) -> WatchlistSort? {
        guard let first = columns.first else { return nil }
        guard let current, let index = columns.firstIndex(of: current.column) else {
            return WatchlistSort(first, descending: first.sortsDescendingFirst)
        }
        if current.descending == current.column.sortsDescendingFirst {
            return WatchlistSort(current.column, descending: !current.descending)
        }
        guard index + 1 < columns.count else { return nil }
        let next = columns[index + 1]
        return WatchlistSort(next, descending: next.sortsDescendingFirst)
    }
}
