/// One row of the watchlist pane, resolved at the state's current time.
public struct WatchlistRow: Sendable, Hashable {
    /// The symbol.
    public var symbol: String
    /// The last known values (empty until the first tick; kept when stale).
    public var quote: WatchedQuote
    /// How far the values can be trusted, with the age.
    public var freshness: QuoteFreshness
    /// Last price (or midpoint) minus the previous close, when both are known.
    public var change: Double?
    /// `change` as a percentage of the previous close.
    public var changePercent: Double?

    /// Creates a row, computing the day change from the quote.
    public init(symbol: String, quote: WatchedQuote, freshness: QuoteFreshness) {
        self.symbol = symbol
        self.quote = quote
        self.freshness = freshness
        let price = quote.last ?? quote.midpoint
        if let price, let close = quote.close, close > 0 {
            change = price - close
            changePercent = (price - close) / close * 100
        }
    }
}
