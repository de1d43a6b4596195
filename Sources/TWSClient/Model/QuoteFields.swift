/// The fields of a ``Quote`` that one inbound message carried.
///
/// A quote stream yields the whole accumulated quote after every message; `carried` says which
/// part of it that message brought, so a consumer can map the change alone (a market-data-type
/// message brings no price, and must not look like a tick of data).
public struct QuoteFields: OptionSet, Hashable, Sendable {
    public let rawValue: UInt16
    /// Creates a set from its bits.
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// Best bid price.
    public static let bid = QuoteFields(rawValue: 1 << 0)
    /// Best ask price.
    public static let ask = QuoteFields(rawValue: 1 << 1)
    /// Last trade price.
    public static let last = QuoteFields(rawValue: 1 << 2)
    /// Bid size.
    public static let bidSize = QuoteFields(rawValue: 1 << 3)
    /// Ask size.
    public static let askSize = QuoteFields(rawValue: 1 << 4)
    /// Last trade size.
    public static let lastSize = QuoteFields(rawValue: 1 << 5)
    /// Day volume.
    public static let volume = QuoteFields(rawValue: 1 << 6)
    /// Day high.
    public static let high = QuoteFields(rawValue: 1 << 7)
    /// Day low.
    public static let low = QuoteFields(rawValue: 1 << 8)
    /// Previous close.
    public static let close = QuoteFields(rawValue: 1 << 9)
    /// Day open.
    public static let open = QuoteFields(rawValue: 1 << 10)
    /// The last trade's time.
    public static let lastTradeTime = QuoteFields(rawValue: 1 << 11)
    /// The market data type (live, frozen, delayed).
    public static let marketDataType = QuoteFields(rawValue: 1 << 12)

    /// The fields that are market data: a price, a size, the volume or the trade time. A message
    /// that carries none of them (a data-type change, a generic tick) is no evidence that data flows.
    public static let marketData: QuoteFields = [
        .bid, .ask, .last, .bidSize, .askSize, .lastSize, .volume, .high, .low, .close, .open, .lastTradeTime,
    ]

    /// Whether the set holds any market-data field.
    public var carriesMarketData: Bool { !isDisjoint(with: .marketData) }
}
