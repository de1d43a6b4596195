import Vocabulary

/// The ticket fields that take typed text, in the order Up/Down and Tab move through them.
public enum TicketInputField: String, Sendable, Hashable, CaseIterable {
    /// The quantity.
    case quantity
    /// The limit price.
    case limitPrice
    /// The stop price.
    case stopPrice

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
