import Vocabulary

/// The order ticket: a state machine from editing, through review, to one send.
///
/// ### Purpose
/// The ticket holds what the trader typed (as text, so that "12abc" can be refused with a
/// message instead of being impossible to represent). `review(in:)` validates it against a
/// `TicketContext` and moves to `.reviewing`; `send(in:)` validates again with the facts at
/// send time and moves to `.sent`, exactly once per review. Changing any field returns the
/// ticket to `.editing` and withdraws a quote override.
///
/// A reference quote that is not live (stale, delayed, frozen, halted, no data) refuses
/// review until the trader calls `overrideQuoteFreshness()`, the explicit override step.
public struct OrderTicket: Sendable, Hashable {
    /// Where the ticket is in its life.
    public enum Phase: Sendable, Hashable {
        /// The trader is filling the ticket in.
        case editing
        /// The ticket passed validation; the review is shown and awaits confirmation.
        case reviewing(OrderReview)
        /// The order of the last review was handed out for sending.
        case sent(OrderInstruction)
    }

    /// The symbol.
    public var symbol: String { didSet { invalidate() } }
    /// Buy or sell.
    public var side: OrderSide { didSet { invalidate() } }
    /// The order type.
    public var orderType: OrderType { didSet { invalidate() } }
    /// The quantity as typed.
    public var quantityText: String { didSet { invalidate() } }
    /// The limit price as typed (limit and stop-limit orders).
    public var limitPriceText: String { didSet { invalidate() } }
    /// The stop price as typed (stop and stop-limit orders).
    public var stopPriceText: String { didSet { invalidate() } }
    /// The time in force.
    public var timeInForce: TimeInForce { didSet { invalidate() } }
    /// A trailing stop's distance as typed: an amount (`1.50`) or a percentage (`1%`).
    public var trailText: String = "" { didSet { invalidate() } }
    /// A trailing stop-limit's limit offset as typed.
    public var limitOffsetText: String = "" { didSet { invalidate() } }
    /// What goes with the order: nothing, a bracket, or (instead of it) an exit pair.
    public var attachment: TicketAttachment = .none { didSet { invalidate() } }
    /// The take-profit as typed: a price, or an offset from the entry (`+2.00`).
    public var takeProfitText: String = "" { didSet { invalidate() } }
    /// The stop-loss as typed: a price, or an offset from the entry (`-1.50`).
    public var stopLossText: String = "" { didSet { invalidate() } }
    /// The working order this ticket modifies, or `nil` for a new order. Fixed when the
    /// ticket opens (only its `filled` follows the order): symbol, side and order type of a
    /// modification do not change.
    public internal(set) var amending: OrderAmendment?
    /// The current phase.
    public private(set) var phase: Phase = .editing
    /// Whether the trader has overridden a non-live reference quote for this edit.
    public private(set) var quoteOverrideAcknowledged = false

    /// Creates a ticket in the editing phase.
    public init(
        side: OrderSide, symbol: String, quantityText: String = "", orderType: OrderType = .limit,
        limitPriceText: String = "", stopPriceText: String = "", timeInForce: TimeInForce = .day,
        amending: OrderAmendment? = nil
    ) {
        self.amending = amending
        self.side = side
        self.symbol = symbol
        self.quantityText = quantityText
        self.orderType = orderType
        self.limitPriceText = limitPriceText
        self.stopPriceText = stopPriceText
        self.timeInForce = timeInForce
    }

    /// A ticket that modifies the working order `amendment.orderID`, prefilled with what the
    /// order is now.
    public init(amending amendment: OrderAmendment) {
        let original = amendment.original
        self.init(
            side: original.side, symbol: original.symbol, quantityText: "\(original.quantity)",
            orderType: original.orderType,
            limitPriceText: original.limitPrice?.formatted(minimumFractionDigits: 2) ?? "",
            stopPriceText: original.stopPrice?.formatted(minimumFractionDigits: 2) ?? "",
            timeInForce: original.timeInForce, amending: amendment)
    }

    /// The review, when the ticket is in the reviewing phase.
    public var review: OrderReview? {
        if case .reviewing(let review) = phase { return review }
        return nil
    }

    /// The explicit override step: accept a reference quote that is not live (stale, delayed,
    /// frozen, halted or without data) for this edit of the ticket.
    public mutating func overrideQuoteFreshness() {
        quoteOverrideAcknowledged = true
    }

    /// Validates the ticket and moves to review.
    /// - Throws: `TicketRefusal` naming the first field that fails.
    @discardableResult
    public mutating func review(in context: TicketContext) throws(TicketRefusal) -> OrderReview {
        let review = try validate(in: context)
        phase = .reviewing(review)
        return review
    }

    /// Sends the reviewed order: validates again with the facts at send time and moves to
    /// `.sent`. A second call for the same review is refused (`alreadySent`).
    /// - Throws: `TicketRefusal` when not reviewing, already sent, or no longer valid.
    public mutating func send(in context: TicketContext) throws(TicketRefusal) -> OrderInstruction {
        try sendReview(in: context).instruction
    }

    /// Sends the reviewed orders (`OrderReview.orders`: the order, or its whole group) as
    /// `send(in:)` does, returning the review as validated at send time.
    public mutating func sendReview(in context: TicketContext) throws(TicketRefusal) -> OrderReview {
        switch phase {
        case .editing:
            throw TicketRefusal(.notInReview, field: .ticket, "Review the order before sending it.")
        case .sent:
            throw TicketRefusal(.alreadySent, field: .ticket, "This order was already sent; edit the ticket to send another.")
        case .reviewing(let reviewed):
            let current = try validate(in: context)
            guard current.instruction == reviewed.instruction, current.orders == reviewed.orders else {
                phase = .editing
                throw TicketRefusal(.notInReview, field: .ticket, "The order changed since review; review it again.")
            }
            phase = .sent(current.instruction)
            return current
        }
    }

    /// Returns to editing (keeping the fields), for example when the trader presses Escape on the
    /// review.
    public mutating func edit() {
        invalidate()
    }

    private mutating func invalidate() {
        phase = .editing
        quoteOverrideAcknowledged = false
    }
}
