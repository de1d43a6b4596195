/// A fault of the Client Portal API, which the portal server carries out when the gateway's
/// scenario (or a test) injects it.
public enum PortalFault: Sendable, Equatable, CustomStringConvertible {
    /// Stop listening: connections are refused.
    case down
    /// Listen again.
    case up
    /// Delay every answer by `milliseconds` (0: no delay).
    case slow(milliseconds: Int)
    /// The brokerage session expires now.
    case sessionExpired
    /// Another session takes the brokerage session.
    case competingSession

    /// The fault in words, for the log.
    public var description: String {
        switch self {
        case .down: "portal down"
        case .up: "portal up"
        case let .slow(milliseconds): milliseconds > 0 ? "portal slow: \(milliseconds) ms per answer" : "portal no longer slow"
        case .sessionExpired: "portal session expired"
        case .competingSession: "portal competing session"
        }
    }
}
