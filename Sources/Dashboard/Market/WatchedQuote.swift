import Vocabulary

/// The last known values of one instrument's quote, merged from every update received.
///
/// A quote keeps its last values when it goes stale; whether they may be trusted is the
/// business of its `QuoteFreshness`, never of the numbers themselves.
public struct WatchedQuote: Sendable, Hashable {
    /// The instrument's symbol.
    public var symbol: String
    /// Best bid.
    public var bid: Double?
    /// Best ask.
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

    /// Creates an empty quote for `symbol`.
    public init(symbol: String) {
        self.symbol = symbol
    }

    /// Merges the fields an update carries, keeping the others.
    public mutating func merge(_ update: QuoteUpdate) {
        bid = update.bid ?? bid
        ask = update.ask ?? ask
        last = update.last ?? last
        bidSize = update.bidSize ?? bidSize
        askSize = update.askSize ?? askSize
        lastSize = update.lastSize ?? lastSize
        volume = update.volume ?? volume
        high = update.high ?? high
        low = update.low ?? low
        close = update.close ?? close
    }

    /// Whether `update` carries a value that differs from the one shown (a field it leaves
    /// `nil` is no change). A tick that repeats every value it carries is no news.
    public func isChanged(by update: QuoteUpdate) -> Bool {
        func differs<Value: Equatable>(_ new: Value?, _ old: Value?) -> Bool { new != nil && new != old }
        return differs(update.bid, bid) || differs(update.ask, ask) || differs(update.last, last)
            || differs(update.bidSize, bidSize) || differs(update.askSize, askSize)
            || differs(update.lastSize, lastSize) || differs(update.volume, volume)
            || differs(update.high, high) || differs(update.low, low) || differs(update.close, close)
    }

    /// The midpoint of bid and ask when both are present and positive.
    public var midpoint: Double? {
        guard let bid, let ask, bid > 0, ask > 0 else { return nil }
        return (bid + ask) / 2
    }

    /// The price to mark positions and orders against: the midpoint, else the last trade, else
    /// the previous close.
    public var referencePrice: Double? {
        midpoint ?? last ?? close
    }
}
