import Vocabulary

/// The ticket fields that take typed text, in the order they are drawn and Up/Down and Tab
/// move through them.
public enum TicketInputField: String, Sendable, Hashable, CaseIterable {
    /// The quantity.
    case quantity
    /// The stop price (drawn before the limit, as a stop-limit reads: stop, then limit).
    case stopPrice
    /// The limit price.
    case limitPrice

    /// Whether the field applies to `orderType`.
    public func applies(to orderType: OrderType) -> Bool {
        switch self {
        case .quantity: true
        case .limitPrice: orderType.needsLimitPrice
        case .stopPrice: orderType.needsStopPrice
        }
    }

    /// The `TicketField` a refusal names for this input.
    public var ticketField: TicketField {
        switch self {
        case .quantity: .quantity
        case .limitPrice: .limitPrice
        case .stopPrice: .stopPrice
        }
    }
}
