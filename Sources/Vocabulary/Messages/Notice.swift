/// A message TWS sends through its error channel: a real error, a warning or a plain notice,
/// as the dashboard reads it and the paper exchange's faults raise it.
///
/// IB: `error(reqId, errorCode, errorString)` (inbound message 4, `ERR_MSG`). Broker messages are
/// values, not Swift errors; the dashboard's `MessageCatalog` says what each code means.
public struct Notice: Sendable, Hashable, Codable {
    /// IB's `NO_VALID_ID`: the notice concerns the whole session, not one request.
    public static let noRequestID = -1

    /// The request id, ticker id or order id the notice names, or `-1` for session notices.
    public var requestID: Int
    /// IB's message code.
    public var code: Int
    /// IB's own text (possibly localised; use it for details only, never to classify).
    public var text: String
    /// What the request id stood for, when whoever made the request said (the client's
    /// subscriptions and pending requests); the dashboard also knows its own orders and quotes.
    public var context: RequestContext?

    /// Creates a notice.
    public init(requestID: Int = Notice.noRequestID, code: Int, text: String = "", context: RequestContext? = nil) {
        self.requestID = requestID
        self.code = code
        self.text = text
        self.context = context
    }

    /// Whether the notice concerns the whole session rather than one request.
    public var isSessionWide: Bool { requestID == Notice.noRequestID }
}
