import Vocabulary

/// A change to one quote, as the client reports it after decoding ticks.
///
/// Every field is optional: a tick carries one or a few of them, and IB's "no value" sentinels
/// arrive here as `nil`. Prices and sizes are the live tick types or their delayed twins (IB tick
/// types 1–9 and 14/15, or 66–76 when delayed); the client maps both to these fields.
@dynamicMemberLookup
public struct QuoteUpdate: Sendable, Hashable, Codable {
    /// The symbol the subscription is for (the client maps the ticker id to it).
    public var symbol: String
    /// The values the tick carries (`nil`: not carried): bid (IB tick 1 / delayed 66), ask
    /// (2 / 67), last (4 / 68), bid size (0 / 69), ask size (3 / 70), last size (5 / 71), volume
    /// (8 / 74), high (6 / 72), low (7 / 73), close (9 / 75), open (14 / 76). Read through:
    /// `update.bid`.
    public var values: QuoteValues
    /// The data type TWS says it serves for this request (IB `marketDataType` callback), if this
    /// update carries it.
    public var marketDataType: MarketDataType?
    /// The trading-halt indicator (IB generic tick 49, "halted"): 0 not halted, above 0 halted.
    public var haltedValue: Double?
    /// The time of the last trade as IB reports it (IB tick 45, or 88 on a delayed line), if this
    /// update carries it. A wall-clock time from the exchange: on a delayed line, how far it lies
    /// behind the moment it was read is the delay shown (`QuoteFreshness/delay`).
    public var lastTradeTime: Timestamp?

    /// Creates an update; pass only the fields the tick carries.
    public init(
        symbol: String,
        bid: Double? = nil, ask: Double? = nil, last: Double? = nil,
        bidSize: FixedDecimal? = nil, askSize: FixedDecimal? = nil, lastSize: FixedDecimal? = nil,
        volume: FixedDecimal? = nil, high: Double? = nil, low: Double? = nil, close: Double? = nil,
        open: Double? = nil, marketDataType: MarketDataType? = nil, haltedValue: Double? = nil
    ) {
        self.init(symbol: symbol, values: QuoteValues(
            bid: bid, ask: ask, last: last, bidSize: bidSize, askSize: askSize, lastSize: lastSize,
            volume: volume, high: high, low: low, close: close, open: open),
            marketDataType: marketDataType, haltedValue: haltedValue)
    }

    /// Creates an update carrying `values`.
    public init(
        symbol: String, values: QuoteValues, marketDataType: MarketDataType? = nil, haltedValue: Double? = nil,
        lastTradeTime: Timestamp? = nil
    ) {
        self.symbol = symbol
        self.values = values
        self.marketDataType = marketDataType
        self.haltedValue = haltedValue
        self.lastTradeTime = lastTradeTime
    }

    /// One of the values the update carries.
    @inlinable
    public subscript<Value>(dynamicMember field: WritableKeyPath<QuoteValues, Value>) -> Value {
        get { values[keyPath: field] }
        set { values[keyPath: field] = newValue }
    }

    /// Whether the update carries market data (a price, size or volume), which is what makes a
    /// quote fresh. A bare data-type or halt notification is not a tick of data.
    public var carriesMarketData: Bool {
        !values.isEmpty
    }
}
