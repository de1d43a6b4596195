/// Which fields of a quote a change touched: the simulator's market event (so the gateway sends
/// TICK_PRICE and TICK_SIZE only for those) and the client's quote stream (which fields the
/// latest message carried, so a consumer maps the change alone).
public struct QuoteFields: OptionSet, Sendable, Hashable, Codable {
    /// The bit set.
    public var rawValue: UInt16

    /// Creates a set from its bits.
    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    /// Bid price (IB tick type 1).
    public static let bid = QuoteFields(rawValue: 1 << 0)
    /// Ask price (tick type 2).
    public static let ask = QuoteFields(rawValue: 1 << 1)
    /// Last trade price (tick type 4).
    public static let last = QuoteFields(rawValue: 1 << 2)
    /// Bid size (tick type 0).
    public static let bidSize = QuoteFields(rawValue: 1 << 3)
    /// Ask size (tick type 3).
    public static let askSize = QuoteFields(rawValue: 1 << 4)
    /// Last trade size (tick type 5).
    public static let lastSize = QuoteFields(rawValue: 1 << 5)
    /// Session volume (tick type 8).
    public static let volume = QuoteFields(rawValue: 1 << 6)
    /// Session high (tick type 6).
    public static let high = QuoteFields(rawValue: 1 << 7)
    /// Session low (tick type 7).
    public static let low = QuoteFields(rawValue: 1 << 8)
    /// Previous close (tick type 9).
    public static let close = QuoteFields(rawValue: 1 << 9)
    /// Session open (tick type 14).
    public static let open = QuoteFields(rawValue: 1 << 10)
    /// The last trade's time (tick type 45).
    public static let lastTradeTime = QuoteFields(rawValue: 1 << 11)
    /// The market data type (live, frozen, delayed): not market data itself.
    public static let marketDataType = QuoteFields(rawValue: 1 << 12)

    /// Every price, size and volume field.
    public static let all: QuoteFields = [
        .bid, .ask, .last, .bidSize, .askSize, .lastSize, .volume, .high, .low, .close, .open,
    ]

    /// The fields that are market data: a price, a size, the volume or the trade time. A message
    /// that carries none of them (a data-type change, a generic tick) is no evidence that data
    /// flows.
    public static let marketData: QuoteFields = all.union(.lastTradeTime)

    /// Whether the set holds any market-data field.
    public var carriesMarketData: Bool { !isDisjoint(with: .marketData) }
}
