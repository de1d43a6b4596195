/// The ordered list of symbols the watchlist pane shows.
///
/// Symbols are upper case, unique, and kept in the trader's order. Editing returns whether
/// anything changed, so the reducer knows whether to emit subscribe or unsubscribe effects.
public struct Watchlist: Sendable, Hashable {
    /// The symbols, top to bottom.
    public private(set) var symbols: [String]

    /// Creates a watchlist from `symbols`, upper-casing them and dropping blanks and repeats.
    public init(_ symbols: [String] = DashboardConfig.defaultWatchlist) {
        self.symbols = []
        for symbol in symbols { add(symbol) }
    }

    /// The number of symbols.
    public var count: Int { symbols.count }

    /// Whether `symbol` (in any case) is on the list.
    public func contains(_ symbol: String) -> Bool {
        symbols.contains(Watchlist.normalize(symbol))
    }

    /// The position of `symbol`, if it is on the list.
    public func index(of symbol: String) -> Int? {
        symbols.firstIndex(of: Watchlist.normalize(symbol))
    }

    /// Appends `symbol` at the bottom; returns `false` if it is blank or already present.
    @discardableResult
    public mutating func add(_ symbol: String) -> Bool {
        let normalized = Watchlist.normalize(symbol)
        guard !normalized.isEmpty, !symbols.contains(normalized) else { return false }
        symbols.append(normalized)
        return true
    }

    /// Removes `symbol`; returns `false` if it was not on the list.
    @discardableResult
    public mutating func remove(_ symbol: String) -> Bool {
        guard let index = index(of: symbol) else { return false }
        symbols.remove(at: index)
        return true
    }

    /// Moves the symbol at `index` one place up (towards the top); returns its new index, or
    /// `nil` if it cannot move.
    public mutating func moveUp(at index: Int) -> Int? {
        guard index > 0, index < symbols.count else { return nil }
        symbols.swapAt(index, index - 1)
        return index - 1
    }

    /// Moves the symbol at `index` one place down; returns its new index, or `nil` if it
    /// cannot move.
    public mutating func moveDown(at index: Int) -> Int? {
        guard index >= 0, index < symbols.count - 1 else { return nil }
        symbols.swapAt(index, index + 1)
        return index + 1
    }

    /// The canonical form of a symbol: trimmed of spaces, upper case.
    public static func normalize(_ symbol: String) -> String {
        String(symbol.filter { !$0.isWhitespace }).uppercased()
    }

    /// Whether `symbol` looks like a ticker: starts with a letter, then letters, digits, `.`,
    /// `-` or `/`, at most 24 characters.
    public static func isValidSymbol(_ symbol: String) -> Bool {
        let normalized = normalize(symbol)
        guard let first = normalized.first, first.isASCII, first.isLetter, normalized.count <= 24 else { return false }
        return normalized.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "./-".contains($0)) }
    }
}
