import Dashboard

/// One watchlist line: prices and sizes formatted by the caller, the change's direction, the
/// session's closes for the sparkline, the position held, and the quote's freshness with its
/// age.
public struct WatchlistLine: Hashable, Sendable {
    /// The symbol.
    public var symbol: String
    /// Bid, ask and last (nil when unknown).
    public var bid: String?, ask: String?, last: String?
    /// The sizes at the bid and at the ask.
    public var bidSize: String?, askSize: String?
    /// Change since the previous close, and the same in percent.
    public var change: Figure, changePercent: Figure
    /// The day's open, high and low.
    public var open: String?, high: String?, low: String?
    /// Today's volume.
    public var volume: String?
    /// The session's closes, oldest first, at most as many as the sparkline has cells.
    public var trend: [Double]
    /// Which way the session moved (the sparkline's colour).
    public var trendDirection: Direction
    /// The position held (signed quantity), nil when none.
    public var position: String?
    /// The quote's freshness.
    public var state: Freshness
    /// Time since the last update, formatted (`47 s`); nil to show the state word alone.
    public var age: String?
    /// Whether a fired alert flashes the row.
    public var isFlashing = false

    /// Creates a row.
    public init(
        symbol: String, bid: String?, ask: String?, last: String?, change: Figure = .missing,
        changePercent: Figure = .missing, volume: String? = nil, state: Freshness, age: String? = nil,
        bidSize: String? = nil, askSize: String? = nil, open: String? = nil, high: String? = nil,
        low: String? = nil, trend: [Double] = [], trendDirection: Direction = .flat, position: String? = nil
    ) {
        self.symbol = symbol
        self.bid = bid
        self.ask = ask
        self.last = last
        self.bidSize = bidSize
        self.askSize = askSize
        self.change = change
        self.changePercent = changePercent
        self.open = open
        self.high = high
        self.low = low
        self.volume = volume
        self.trend = trend
        self.trendDirection = trendDirection
        self.position = position
        self.state = state
        self.age = age
    }
}

extension WatchlistLine: FlashingRow {}
