/// Which fields of a ``Quote`` changed in a ``MarketEvent``, so a server sends TICK_PRICE and
/// TICK_SIZE only for those.
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

    /// Every field.
    public static let all: QuoteFields = [
        .bid, .ask, .last, .bidSize, .askSize, .lastSize, .volume, .high, .low, .close, .open,
    ]
}
