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
    /// The zone the last good quote's time is written in (the dashboard's display zone).
    public var timeZone: DisplayTimeZone = .utc
    /// What the notice's request id stood for, as the dashboard knows it (its orders and
    /// quotes); else the notice's own context is used.
    public var request: RequestContext?

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

    /// `14:31:07 UTC (47 s ago)`, `14:31:07 UTC`, or `none received` when no quote ever came;
    /// the time in ``timeZone``, named.
    public var lastGoodQuoteDescription: String {
        guard let lastGoodQuote else { return "none received" }
        let time = TimeText.timeOfDayWithZone(lastGoodQuote, in: timeZone)
        guard let now else { return time }
        return "\(time) (\(AgeFormatter.format(now - lastGoodQuote)) ago)"
    }
}
