import Vocabulary

/// The ticket fields that take typed text, in the order they are drawn and Up/Down and Tab
/// move through them.
public enum TicketInputField: String, Sendable, Hashable, CaseIterable {
    /// The quantity (whole shares, or `$5000` to size by money).
    case quantity
    /// The stop price (drawn before the limit, as a stop-limit reads: stop, then limit).
    case stopPrice
    /// The limit price.
    case limitPrice
    /// A trailing stop's distance: an amount (`1.50`) or a percentage (`1%`).
    case trail
    /// A trailing stop-limit's limit offset from the stop.
    case limitOffset
    /// A bracket's or exit pair's take-profit: a price, or an offset from the entry (`+2.00`).
    case takeProfit
    /// A bracket's or exit pair's stop-loss: a price, or an offset from the entry (`-1.50`).
    case stopLoss

    /// Whether the field applies to `orderType` with `attachment` (an exit pair has no entry
    /// order, so only its quantity, take-profit and stop-loss).
    public func applies(to orderType: OrderType, attachment: TicketAttachment = .none) -> Bool {
        let entry = attachment != .ocaExit
        switch self {
        case .quantity: return true
        case .limitPrice: return entry && orderType.needsLimitPrice
        case .stopPrice: return entry && orderType.needsStopPrice
        case .trail: return entry && orderType.isTrailing
        case .limitOffset: return entry && orderType == .trailLimit
        case .takeProfit, .stopLoss: return attachment != .none
        }
    }

    /// Whether the field applies to `ticket`.
    public func applies(to ticket: OrderTicket) -> Bool {
        applies(to: ticket.orderType, attachment: ticket.attachment)
    }

    /// The `TicketField` a refusal names for this input.
    public var ticketField: TicketField {
        switch self {
        case .quantity: .quantity
        case .limitPrice: .limitPrice
        case .stopPrice: .stopPrice
        case .trail: .trail
        case .limitOffset: .limitOffset
        case .takeProfit: .takeProfit
        case .stopLoss: .stopLoss
        }
    }
}
