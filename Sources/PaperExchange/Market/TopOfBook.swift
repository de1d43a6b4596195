import Vocabulary

/// The current market of one instrument: what TWS streams as ticks for a reqMktData line.
///
/// Prices are on the instrument's tick grid. Sizes are in shares, base-currency units or
/// contracts; the server divides stock sizes by 100 where IB does.
public struct TopOfBook: Sendable, Hashable, Codable {
    /// The contract id this quote belongs to.
    public var conId: Int
    /// Best bid price; always below ``ask``.
    public var bid: FixedDecimal
    /// Best ask (offer) price.
    public var ask: FixedDecimal
    /// Size displayed at the bid.
    public var bidSize: Int
    /// Size displayed at the ask.
    public var askSize: Int
    /// Last trade price; `nil` for instruments without trades (IDEALPRO FX).
    public var last: FixedDecimal?
    /// Size of the last trade; 0 before the first trade.
    public var lastSize: Int
    /// Volume traded this session.
    public var volume: Int
    /// First trade price of the session (or first midpoint for FX), `nil` before it.
    public var open: FixedDecimal?
    /// Session high, `nil` before the first trade.
    public var high: FixedDecimal?
    /// Session low, `nil` before the first trade.
    public var low: FixedDecimal?
    /// Previous session's close.
    public var close: FixedDecimal
    /// When the quote last changed.
    public var time: Timestamp

    /// Creates a quote.
    public init(
        conId: Int, bid: FixedDecimal, ask: FixedDecimal, bidSize: Int, askSize: Int,
        last: FixedDecimal?, lastSize: Int, volume: Int, open: FixedDecimal?, high: FixedDecimal?,
        low: FixedDecimal?, close: FixedDecimal, time: Timestamp
    ) {
        self.conId = conId
        self.bid = bid
        self.ask = ask
        self.bidSize = bidSize
        self.askSize = askSize
        self.last = last
        self.lastSize = lastSize
        self.volume = volume
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.time = time
    }

    /// The mark used for valuing positions: the last trade when there is one inside or at the
    /// touch, otherwise the midpoint rounded down to the 10^-8 grid.
    public var markPrice: FixedDecimal {
        if let last, last >= bid, last <= ask { return last }
        return midpoint
    }

    /// `(bid + ask) / 2`.
    public var midpoint: FixedDecimal {
        FixedDecimal(raw: (bid.raw + ask.raw) / 2)
    }
}
