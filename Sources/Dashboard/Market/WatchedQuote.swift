import Vocabulary

/// The last known values of one instrument's quote, merged from every update received.
///
/// A quote keeps its last values when it goes stale; whether they may be trusted is the
/// business of its `QuoteFreshness`, never of the numbers themselves.
@dynamicMemberLookup
public struct WatchedQuote: Sendable, Hashable {
    /// The instrument's symbol.
    public var symbol: String
    /// Its values (`quote.bid`, `quote.volume`, ... read through to them).
    public var values = QuoteValues()

    /// Creates an empty quote for `symbol`.
    public init(symbol: String) {
        self.symbol = symbol
    }

    /// One of the quote's values.
    @inlinable
    public subscript<Value>(dynamicMember field: WritableKeyPath<QuoteValues, Value>) -> Value {
        get { values[keyPath: field] }
        set { values[keyPath: field] = newValue }
    }

    /// Merges the fields an update carries, keeping the others.
    public mutating func merge(_ update: QuoteUpdate) {
        values.merge(update.values)
    }

    /// Whether `update` carries a value that differs from the one shown (a field it leaves
    /// `nil` is no change). A tick that repeats every value it carries is no news.
    public func isChanged(by update: QuoteUpdate) -> Bool {
        values.isChanged(by: update.values)
    }

    /// The midpoint of bid and ask when both are present and positive.
    public var midpoint: Double? {
        guard let bid = values.bid, let ask = values.ask, bid > 0, ask > 0 else { return nil }
        return (bid + ask) / 2
    }

    /// The price to mark positions and orders against: the midpoint, else the last trade, else
    /// the previous close.
    public var referencePrice: Double? {
        midpoint ?? values.last ?? values.close
    }
}
