import Vocabulary

/// Where an order is in its life as the dashboard shows it: IB's status (``OrderStatus``) plus
/// two states of ibterm's own.
///
/// `sent`: the order was handed to the client and no word has come back yet. `rejected`: IB
/// refused the order (an error that ends it, such as 200 or 201) and will not work it. Every
/// other case is IB's status of the same name; whether it is working or final is IB's
/// status's answer (``OrderStatus/isWorking``). Its raw value is the word the orders pane shows.
public enum OrderProgress: String, Sendable, Hashable, Codable, CaseIterable {
    /// Handed to the client; the gateway has not answered yet (ibterm's own state).
    case sent = "Sent"
    /// IB's ``OrderStatus/apiPending``.
    case apiPending = "ApiPending"
    /// IB's ``OrderStatus/pendingSubmit``.
    case pendingSubmit = "PendingSubmit"
    /// IB's ``OrderStatus/preSubmitted``.
    case preSubmitted = "PreSubmitted"
    /// IB's ``OrderStatus/submitted``.
    case submitted = "Submitted"
    /// IB's ``OrderStatus/pendingCancel``.
    case pendingCancel = "PendingCancel"
    /// IB's ``OrderStatus/apiCancelled``.
    case apiCancelled = "ApiCancelled"
    /// IB's ``OrderStatus/cancelled``.
    case cancelled = "Cancelled"
    /// IB's ``OrderStatus/filled``.
    case filled = "Filled"
    /// IB's ``OrderStatus/inactive``.
    case inactive = "Inactive"
    /// IB refused the order with an error that ends it (ibterm's own state; IB reports the
    /// error, and sometimes `Inactive` or `Cancelled` after it).
    case rejected = "Rejected"

    /// The progress IB's `status` reports; `nil` for a word IB added later
    /// (``OrderStatus/other(_:)``), which moves no order.
    public init?(_ status: OrderStatus) {
        switch status {
        case .apiPending: self = .apiPending
        case .pendingSubmit: self = .pendingSubmit
        case .preSubmitted: self = .preSubmitted
        case .submitted: self = .submitted
        case .pendingCancel: self = .pendingCancel
        case .apiCancelled: self = .apiCancelled
        case .cancelled: self = .cancelled
        case .filled: self = .filled
        case .inactive: self = .inactive
        case .other: return nil
        }
    }

    /// IB's status this progress is, or `nil` for ibterm's own `sent` and `rejected`.
    public var status: OrderStatus? {
        switch self {
        case .sent, .rejected: nil
        case .apiPending: .apiPending
        case .pendingSubmit: .pendingSubmit
        case .preSubmitted: .preSubmitted
        case .submitted: .submitted
        case .pendingCancel: .pendingCancel
        case .apiCancelled: .apiCancelled
        case .cancelled: .cancelled
        case .filled: .filled
        case .inactive: .inactive
        }
    }

    /// Whether the order may still trade (and so can be cancelled, and makes quitting ask):
    /// `sent`, or an IB status that is working.
    public var isWorking: Bool { status?.isWorking ?? (self == .sent) }

    /// Whether the order is finished and will not change again: `rejected`, or an IB status
    /// that is final.
    public var isFinal: Bool { status?.isFinal ?? (self == .rejected) }
}
