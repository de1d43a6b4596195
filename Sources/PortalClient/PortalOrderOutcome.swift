import PortalAPI

/// How an order sent through the Client Portal ended: placed (IB's acknowledgements, one per
/// ticket), or not placed because a question about it was answered no.
public enum PortalOrderOutcome: Sendable, Equatable {
    /// Placed; `answered` are the questions answered yes on the way.
    case placed([OrderAcknowledgement], answered: [OrderReplyQuestion])
    /// Not placed: `question` was answered no (the gateway was told so, and dropped the order).
    case declined(OrderReplyQuestion)
}
