import Dashboard

/// One watchlist line: prices formatted by the caller, the change's direction, and the quote's
/// freshness with its age.
public struct WatchlistLine: Hashable, Sendable {
    /// The symbol.
    public var symbol: String
    /// Bid, ask and last (nil when unknown).
    public var bid: String?, ask: String?, last: String?
    /// Change since the previous close, and the same in percent.
    public var change: Figure, changePercent: Figure
    /// Today's volume.
    public var volume: String?
    /// The quote's freshness.
    public var state: Freshness
    /// Time since the last update, formatted (`47 s`); nil to show the state word alone.
    public var age: String?

    /// Creates a row.
    public init(
        symbol: String, bid: String?, ask: String?, last: String?, change: Figure = .missing,
        changePercent: Figure = .missing, volume: String? = nil, state: Freshness, age: String? = nil
    ) {
        self.symbol = symbol
        self.bid = bid
        self.ask = ask
        self.last = last
        self.change = change
        self.changePercent = changePercent
        self.volume = volume
        self.state = state
        self.age = age
    }
}
