/// Where an order is in its life, in IB's words. IB: `orderStatus.status`.
///
/// `sent` and `rejected` are ibterm's own: the order was handed to the client and no word has
/// come back yet; IB refused the order (an error that ends it, such as 200 or 201) and will not
/// work it.
public enum OrderStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Handed to the client; the gateway has not answered yet (ibterm's own state).
    case sent = "Sent"
    /// IB: `ApiPending`.
    case apiPending = "ApiPending"
    /// IB: `PendingSubmit`: sent, not yet acknowledged by the destination.
    case pendingSubmit = "PendingSubmit"
    /// IB: `PreSubmitted`: accepted, held (for example a stop waiting for its trigger).
    case preSubmitted = "PreSubmitted"
    /// IB: `Submitted`: working at the destination.
    case submitted = "Submitted"
    /// IB: `PendingCancel`: a cancel was sent and is not yet confirmed.
    case pendingCancel = "PendingCancel"
    /// IB: `ApiCancelled`: cancelled before it reached the destination.
    case apiCancelled = "ApiCancelled"
    /// IB: `Cancelled`.
    case cancelled = "Cancelled"
    /// IB: `Filled`.
    case filled = "Filled"
    /// IB: `Inactive`: rejected or not working (see the message that came with it).
    case inactive = "Inactive"
    /// IB refused the order with an error that ends it (ibterm's own state; IB reports the
    /// error, and sometimes `Inactive` or `Cancelled` after it).
    case rejected = "Rejected"

    /// Parses IB's status text (case-insensitive); `nil` for a word IB added later.
    public init?(ibText: String) {
        let lowered = ibText.lowercased()
        guard let match = OrderStatus.allCases.first(where: { $0.rawValue.lowercased() == lowered }) else { return nil }
        self = match
    }

    /// Whether the order may still trade (and so can be cancelled, and makes quitting ask).
    public var isWorking: Bool {
        switch self {
        case .sent, .apiPending, .pendingSubmit, .preSubmitted, .submitted, .pendingCancel: true
        case .apiCancelled, .cancelled, .filled, .inactive, .rejected: false
        }
    }

    /// Whether the order is finished and will not change again.
    public var isFinal: Bool { !isWorking }
}
