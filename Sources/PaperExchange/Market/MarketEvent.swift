import Vocabulary

/// One change of one instrument's market, as returned by ``MarketSimulator/advance(to:)``.
public struct MarketEvent: Sendable, Hashable, Codable {
    /// The instrument that changed.
    public var conId: Int
    /// When it changed.
    public var time: Timestamp
    /// The fields whose values differ from the previous event for this instrument.
    public var changed: QuoteFields
    /// The whole quote after the change.
    public var quote: TopOfBook
    /// The trade printed by this change, if any (drives stops and resting limits).
    public var trade: Trade?

    /// Creates an event.
    public init(conId: Int, time: Timestamp, changed: QuoteFields, quote: TopOfBook, trade: Trade?) {
        self.conId = conId
        self.time = time
        self.changed = changed
        self.quote = quote
        self.trade = trade
    }
}

/// A simulated trade print on the tape.
public struct Trade: Sendable, Hashable, Codable {
    /// Trade price, on the tick grid.
    public var price: FixedDecimal
    /// Trade size in shares or contracts.
    public var size: Int

    /// Creates a trade.
    public init(price: FixedDecimal, size: Int) {
        self.price = price
        self.size = size
    }
}
