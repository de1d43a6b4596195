import Vocabulary

/// What the dashboard knows about the request a notice names, used to word the explanation.
public struct MessageContext: Sendable, Hashable {
    /// The symbol of the quote or order the notice names.
    public var symbol: String?
    /// When the last good (live) quote for that symbol arrived, if ever.
    public var lastGoodQuote: Timestamp?
    /// The current time, to say how old the last good quote is.
    public var now: Timestamp?
    /// Whether the notice answers a change to a working order (not a new order).
    public var isModification: Bool
    /// Whether the user asked for the cancel a 202 reports.
    public var cancelRequestedByUser: Bool

    /// Creates a context; every field is optional.
    public init(
        symbol: String? = nil, lastGoodQuote: Timestamp? = nil, now: Timestamp? = nil,
        isModification: Bool = false, cancelRequestedByUser: Bool = false
    ) {
        self.symbol = symbol
        self.lastGoodQuote = lastGoodQuote
        self.now = now
        self.isModification = isModification
        self.cancelRequestedByUser = cancelRequestedByUser
    }

    /// `14:31:07 UTC (47 s ago)`, `14:31:07 UTC`, or `none received` when no quote ever came.
    public var lastGoodQuoteDescription: String {
        guard let lastGoodQuote else { return "none received" }
        guard let now else { return TimeText.timeOfDayUTC(lastGoodQuote) }
        return "\(TimeText.timeOfDayUTC(lastGoodQuote)) (\(AgeFormatter.format(now - lastGoodQuote)) ago)"
    }
}
