/// An order's status as ORDER_STATUS reports it.
public enum OrderStatus: Hashable, Sendable, CustomStringConvertible {
    /// Sent, not yet acknowledged.
    case pendingSubmit
    /// A cancel was sent, not yet confirmed.
    case pendingCancel
    /// Accepted, not yet at the exchange (simulated orders, paper, outside hours).
    case preSubmitted
    /// Working at the exchange.
    case submitted
    /// Accepted by the API, not yet by TWS.
    case apiPending
    /// Cancelled before TWS accepted it.
    case apiCancelled
    /// Cancelled.
    case cancelled
    /// Completely filled.
    case filled
    /// Not working: rejected, or waiting for a condition (see the reason).
    case inactive
    /// A status this client does not know, as sent.
    case other(String)

    /// Parses IB's spelling.
    public init(wire: String) {
        switch wire {
        case "PendingSubmit": self = .pendingSubmit
        case "PendingCancel": self = .pendingCancel
        case "PreSubmitted": self = .preSubmitted
        case "Submitted": self = .submitted
        case "ApiPending": self = .apiPending
        case "ApiCancelled": self = .apiCancelled
        case "Cancelled": self = .cancelled
        case "Filled": self = .filled
        case "Inactive": self = .inactive
        default: self = .other(wire)
        }
    }

    /// IB's spelling.
    public var description: String {
        switch self {
        case .pendingSubmit: "PendingSubmit"
        case .pendingCancel: "PendingCancel"
        case .preSubmitted: "PreSubmitted"
        case .submitted: "Submitted"
        case .apiPending: "ApiPending"
        case .apiCancelled: "ApiCancelled"
        case .cancelled: "Cancelled"
        case .filled: "Filled"
        case .inactive: "Inactive"
        case .other(let text): text
        }
    }

    /// Whether the order can no longer change: filled, cancelled or inactive.
    public var isFinal: Bool {
        switch self {
        case .filled, .cancelled, .apiCancelled, .inactive: true
        default: false
        }
    }
}
