import Vocabulary

/// A notice explained for the trader: the catalog entry with its context filled in, plus IB's
/// own text for details such as a rejection reason or a farm name.
public struct ExplainedMessage: Sendable, Hashable, Codable {
    /// IB's message code.
    public var code: Int
    /// The request, ticker or order id the notice named (`-1` for the session).
    public var requestID: Int
    /// A short title.
    public var title: String
    /// What happened, in the trader's terms.
    public var explanation: String
    /// What to do.
    public var action: String
    /// How much it matters.
    public var severity: MessageSeverity
    /// The area it concerns.
    public var category: MessageCategory
    /// Whether the named request or order will produce nothing more.
    public var requestIsDead: Bool
    /// IB's own text, unchanged.
    public var ibText: String
    /// Whether the code is in the catalog.
    public var isKnown: Bool
    /// What the request id stood for (the order, the subscription, a system notice), when
    /// known: the message log and the journal name it.
    public var context: RequestContext?

    /// Creates an explained message.
    public init(
        code: Int, requestID: Int, title: String, explanation: String, action: String,
        severity: MessageSeverity, category: MessageCategory, requestIsDead: Bool,
        ibText: String, isKnown: Bool, context: RequestContext? = nil
    ) {
        self.context = context
        self.code = code
        self.requestID = requestID
        self.title = title
        self.explanation = explanation
        self.action = action
        self.severity = severity
        self.category = category
        self.requestIsDead = requestIsDead
        self.ibText = ibText
        self.isKnown = isKnown
    }
}
