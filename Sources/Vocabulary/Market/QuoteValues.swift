/// The values of one quote: prices, sizes and the day's figures, each `nil` until known.
///
/// One shape for the client's accumulated quote (TWSStreams' `Quote`), a change to a quote
/// (Dashboard's `QuoteUpdate`, where `nil` means "not carried") and the dashboard's watched
/// quote (`WatchedQuote`); they reach its fields through `@dynamicMemberLookup`
/// (`quote.bid`), so the list of fields is written once, here.
public struct QuoteValues: Hashable, Sendable, Codable {
    /// Best bid price.
    public var bid: Double?
    /// Best ask price.
    public var ask: Double?
    /// Last trade price.
    public var last: Double?
    /// Bid size.
    public var bidSize: FixedDecimal?
    /// Ask size.
    public var askSize: FixedDecimal?
    /// Last trade size.
    public var lastSize: FixedDecimal?
    /// Day volume.
    public var volume: FixedDecimal?
    /// Day high.
    public var high: Double?
    /// Day low.
    public var low: Double?
    /// Previous close.
    public var close: Double?
    /// Day open.
    public var open: Double?

    /// Creates values; pass the ones known (or carried).
    @inlinable
    public init(
        bid: Double? = nil, ask: Double? = nil, last: Double? = nil,
        bidSize: FixedDecimal? = nil, askSize: FixedDecimal? = nil, lastSize: FixedDecimal? = nil,
        volume: FixedDecimal? = nil, high: Double? = nil, low: Double? = nil, close: Double? = nil,
        open: Double? = nil
    ) {
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
        self.open = open
    }

    /// Whether no value is known (or carried).
    @inlinable
    public var isEmpty: Bool {
        bid == nil && ask == nil && last == nil && high == nil && low == nil && close == nil && open == nil
            && bidSize == nil && askSize == nil && lastSize == nil && volume == nil
    }

    /// Takes every value `change` carries, keeping the others.
    @inlinable
    public mutating func merge(_ change: QuoteValues) {
        bid = change.bid ?? bid
        ask = change.ask ?? ask
        last = change.last ?? last
        bidSize = change.bidSize ?? bidSize
        askSize = change.askSize ?? askSize
        lastSize = change.lastSize ?? lastSize
        volume = change.volume ?? volume
        high = change.high ?? high
        low = change.low ?? low
        close = change.close ?? close
        open = change.open ?? open
    }

    /// Whether `change` carries a value that differs from this one (a value it leaves `nil` is
    /// no change).
    @inlinable
    public func isChanged(by change: QuoteValues) -> Bool {
        func differs<Value: Equatable>(_ new: Value?, _ old: Value?) -> Bool { new != nil && new != old }
        return differs(change.bid, bid) || differs(change.ask, ask) || differs(change.last, last)
            || differs(change.bidSize, bidSize) || differs(change.askSize, askSize)
            || differs(change.lastSize, lastSize) || differs(change.volume, volume)
            || differs(change.high, high) || differs(change.low, low) || differs(change.close, close)
            || differs(change.open, open)
    }

    /// Only the values among `fields` (the others `nil`): what one message carried of a quote.
    @inlinable
    public func only(_ fields: QuoteFields) -> QuoteValues {
        QuoteValues(
            bid: fields.contains(.bid) ? bid : nil, ask: fields.contains(.ask) ? ask : nil,
            last: fields.contains(.last) ? last : nil,
            bidSize: fields.contains(.bidSize) ? bidSize : nil, askSize: fields.contains(.askSize) ? askSize : nil,
            lastSize: fields.contains(.lastSize) ? lastSize : nil, volume: fields.contains(.volume) ? volume : nil,
            high: fields.contains(.high) ? high : nil, low: fields.contains(.low) ? low : nil,
            close: fields.contains(.close) ? close : nil, open: fields.contains(.open) ? open : nil)
    }
}
