import TWSSession
import TWSWire
import Vocabulary

/// One ERR_MSG from the gateway: an error, a warning or a status notice.
///
/// `id` names the request, ticker or order it concerns, or is -1 for the connection.
/// Data-farm codes (2103–2108, 2119, 2157, 2158) also carry the farm's state change.
///
/// The client also raises notices of its own: code 508 (IB's "bad message") when the gateway
/// sent a message ibterm could not read and skipped, with ``unreadable`` saying which.
public struct TWSNotice: Hashable, Sendable, CustomStringConvertible {
    /// The request, ticker or order id; -1 for the connection.
    public var id: Int
    /// IB's code, e.g. 354, 1100, 2104.
    public var code: Int
    /// IB's text.
    public var message: String
    /// JSON reasons for a rejected order (server version 166+), usually empty.
    public var advancedOrderRejectJson: String
    /// When the notice arrived.
    public var receivedAt: SessionInstant
    /// The farm state change this notice reported, for farm-status codes.
    public var farm: FarmTransition?
    /// For code 508: the message the client could not read and skipped (its id, name, area,
    /// the request, ticker or order it was about, why, and its raw fields).
    public var unreadable: UnreadableMessage?
    /// What the id stood for (an order, a subscription, a one-shot request; for id -1 a system
    /// notice), when the client knows.
    public var context: RequestContext?

    /// Creates a notice.
    public init(
        id: Int, code: Int, message: String, advancedOrderRejectJson: String = "",
        receivedAt: SessionInstant, farm: FarmTransition? = nil, unreadable: UnreadableMessage? = nil
    ) {
        self.id = id
        self.code = code
        self.message = message
        self.advancedOrderRejectJson = advancedOrderRejectJson
        self.receivedAt = receivedAt
        self.farm = farm
        self.unreadable = unreadable
    }

    /// IB's code for "bad message" (`EClientErrors.BAD_MESSAGE`), which the client raises for a
    /// message it could not read and skipped.
    public static let unreadableMessageCode = 508

    /// Whether the notice is informational rather than an error: farm and system status
    /// (2100–2199), "connectivity restored, data kept" (1102) and "displaying delayed data"
    /// (10167).
    public var isInformational: Bool {
        (2100...2199).contains(code) || code == 1102 || code == 10167
    }

    /// `code 354 (id 7): Requested market data is not subscribed.`
    public var description: String {
        id >= 0 ? "code \(code) (id \(id)): \(message)" : "code \(code): \(message)"
    }
}
