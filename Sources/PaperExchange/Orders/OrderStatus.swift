/// An order's state, spelled as IB's orderStatus messages spell it.
public enum OrderStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Sent by the client, not yet acknowledged.
    case pendingSubmit = "PendingSubmit"
    /// A cancel was requested and is not yet confirmed.
    case pendingCancel = "PendingCancel"
    /// Accepted but not working at the exchange (simulated or untriggered stop orders).
    case preSubmitted = "PreSubmitted"
    /// Working at the exchange.
    case submitted = "Submitted"
    /// Cancelled by the API before it was acknowledged.
    case apiCancelled = "ApiCancelled"
    /// Cancelled (by request, global cancel or DAY expiry).
    case cancelled = "Cancelled"
    /// Completely filled.
    case filled = "Filled"
    /// Rejected or otherwise dead without a fill.
    case inactive = "Inactive"

    /// Whether an order in this state can still fill or be cancelled.
    public var isOpen: Bool {
        switch self {
        case .pendingSubmit, .pendingCancel, .preSubmitted, .submitted: true
        case .apiCancelled, .cancelled, .filled, .inactive: false
        }
    }
}
