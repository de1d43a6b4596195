import Vocabulary

/// A change to one quote, as the client reports it after decoding ticks.
///
/// Every field is optional: a tick carries one or a few of them, and IB's "no value" sentinels
/// arrive here as `nil`. Prices and sizes are the live tick types or their delayed twins (IB tick
/// types 1–9 and 14/15, or 66–76 when delayed); the client maps both to these fields.
public struct QuoteUpdate: Sendable, Hashable {
    /// The symbol the subscription is for (the client maps the ticker id to it).
    public var symbol: String
    /// Best bid (IB tick 1 / delayed 66).
    public var bid: Double?
    /// Best ask (IB tick 2 / delayed 67).
    public var ask: Double?
    /// Last trade price (IB tick 4 / delayed 68).
    public var last: Double?
    /// Bid size (IB tick 0 / delayed 69).
    public var bidSize: FixedDecimal?
    /// Ask size (IB tick 3 / delayed 70).
    public var askSize: FixedDecimal?
    /// Last trade size (IB tick 5 / delayed 71).
    public var lastSize: FixedDecimal?
    /// Day volume (IB tick 8 / delayed 74).
    public var volume: FixedDecimal?
    /// Day high (IB tick 6 / delayed 72).
    public var high: Double?
    /// Day low (IB tick 7 / delayed 73).
    public var low: Double?
    /// Previous close (IB tick 9 / delayed 75).
    public var close: Double?
    /// The data type TWS says it serves for this request (IB `marketDataType` callback), if this
    /// update carries it.
    public var marketDataType: MarketDataType?
    /// The trading-halt indicator (IB generic tick 49, "halted"): 0 not halted, above 0 halted.
    public var haltedValue: Double?

    /// Creates an update; pass only the fields the tick carries.
    public init(
        symbol: String,
        bid: Double? = nil, ask: Double? = nil, last: Double? = nil,
        bidSize: FixedDecimal? = nil, askSize: FixedDecimal? = nil, lastSize: FixedDecimal? = nil,
        volume: FixedDecimal? = nil, high: Double? = nil, low: Double? = nil, close: Double? = nil,
        marketDataType: MarketDataType? = nil, haltedValue: Double? = nil
    ) {
        self.symbol = symbol
        self.bid = bid
        self.ask = ask
        self.last = last
        self.bidSize = bidSize
        self.askSize = askSize
        self.lastSize = lastSize
        self.volume = volume
        self.high = high
        self.low = low
        self.close = close
        self.marketDataType = marketDataType
        self.haltedValue = haltedValue
    }

    /// Whether the update carries market data (a price, size or volume), which is what makes a
    /// quote fresh. A bare data-type or halt notification is not a tick of data.
    public var carriesMarketData: Bool {
        [bid, ask, last, high, low, close].contains { $0 != nil }
            || [bidSize, askSize, lastSize, volume].contains { $0 != nil }
    }
}
