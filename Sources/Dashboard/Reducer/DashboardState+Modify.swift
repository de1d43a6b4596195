import Vocabulary

/// Modifying a working order: the ticket opens on it, the review shows old → new, and the
/// send places it again under the same id.
extension DashboardState {
    /// Which field the cursor starts in when a ticket modifies an order of `type`: the price
    /// a trader moves most (the stop of a stop or stop-limit, the limit of a limit), else the
    /// quantity.
    static func modifyFocus(for type: OrderType) -> TicketInputField {
        if type.needsStopPrice { return .stopPrice }
        if type.needsLimitPrice { return .limitPrice }
        return .quantity
    }

    /// `e` in the orders pane.
    mutating func modifySelectedOrder() -> [DashboardEffect] {
        guard interface.focusedPane == .orders, let order = selectedOrder else {
            note(.nothingToDo, "No order selected", "Select a working order in the orders pane to modify it.")
            return []
        }
        return openModification(of: order.orderID)
    }

    /// Opens the ticket on order `orderID`, with `edit` applied to one field when given (the
    /// `:modify ID qty|lmt|stp VALUE` line, which goes straight to review).
    mutating func openModification(of orderID: Int, edit: (field: TicketInputField, text: String)? = nil) -> [DashboardEffect] {
        let amendment: OrderAmendment
        switch modifiable(orderID) {
        case .success(let found): amendment = found
        case .failure(let refusal):
            note(.nothingToDo, "Order \(orderID) cannot be modified", refusal.message, requestID: orderID)
            return []
        }
        var ticket = OrderTicket(amending: amendment)
        var focus = Self.modifyFocus(for: ticket.orderType)
        if let edit {
            guard edit.field.applies(to: ticket) else {
                note(.commandFailed, "Order \(orderID) has no \(edit.field.ticketField.rawValue)",
                     "Order \(orderID) is \(ticket.orderType.rawValue); its \(edit.field.ticketField.rawValue) cannot be set. Cancel it and place a new order to change its type.",
                     requestID: orderID)
                return []
            }
            focus = edit.field
            var editor = TicketEditor(ticket: ticket)
            editor.setText(edit.text, of: edit.field)
            ticket = editor.ticket
        }
        var effects = showTicket(ticket, focus: focus)
        if edit != nil { effects += reviewTicket() }
        return effects
    }

    /// The amendment for order `orderID`, or why it cannot be modified from here.
    func modifiable(_ orderID: Int) -> Result<OrderAmendment, TicketRefusal> {
        guard let order = orders[orderID] else {
            return .failure(TicketRefusal(.orderNotModifiable, field: .ticket, "There is no order \(orderID)."))
        }
        guard order.isWorking else {
            return .failure(TicketRefusal(.orderNotModifiable, field: .ticket,
                "Order \(orderID) (\(order.summary)) is \(order.status.rawValue); only a working order can be modified."))
        }
        guard order.isThisClient else {
            let owner = order.ownerClientID.map { "client id \($0)" } ?? "TWS or another client"
            return .failure(TicketRefusal(.orderNotModifiable, field: .ticket,
                "Order \(orderID) was placed by \(owner); IB lets only the client that placed an order modify it. Modify it there, or cancel it (c) and place a new one."))
        }
        guard !order.cancelRequested else {
            return .failure(TicketRefusal(.orderNotModifiable, field: .ticket,
                "A cancel of order \(orderID) is pending; it cannot be modified."))
        }
        guard let quantity = order.quantity.wholeValue, let filled = order.filled.wholeValue else {
            return .failure(TicketRefusal(.orderNotModifiable, field: .ticket,
                "Order \(orderID) has a fractional quantity (\(order.quantity)); the ticket trades whole shares."))
        }
        let original = OrderInstruction(
            side: order.side, quantity: quantity, symbol: order.symbol, orderType: order.orderType,
            limitPrice: order.limitPrice, stopPrice: order.stopPrice, timeInForce: order.timeInForce)
        return .success(OrderAmendment(orderID: orderID, original: original, filled: filled))
    }

    /// Sends a reviewed modification: checks the order is still working and still below the
    /// new total, then places it again under its id.
    mutating func sendModification(_ amendment: OrderAmendment, editor: inout TicketEditor) -> [DashboardEffect] {
        let orderID = amendment.orderID
        if case .failure(let refusal) = self.modifiable(orderID) {
            refuseTicket(refusal, editor: &editor)
            return []
        }
        // What filled since the ticket opened counts: the new total must stay above it.
        var current = editor.ticket
        if let filled = orders[orderID]?.filled.wholeValue, filled > amendment.filled {
            current.amending?.filled = filled
        }
        let instruction: OrderInstruction
        do {
            instruction = try current.send(in: ticketContext(for: current.symbol, excluding: orderID))
        } catch {
            editor.ticket = current
            refuseTicket(error, editor: &editor)
            return []
        }
        editor.ticket = current
        editor.sentOrderID = orderID
        editor.refusal = nil
        ticket = editor
        let changes = amendment.changes(to: instruction).map { "\($0.field) \($0.old) → \($0.new)" }.joined(separator: ", ")
        if var order = orders[orderID] {
            order.recordStatus(order.status, note: "Modify sent: \(changes)", at: now)
            orders[orderID] = order
        }
        note(.orderSent, "Modify of order \(orderID) sent",
             "\(changes) for \(instruction.summary) was handed to the gateway under the same id; the Orders pane shows the new values once IB confirms them.",
             requestID: orderID)
        return [.modifyOrder(orderID: orderID, instruction),
                .journal(.orderSent(instruction, orderID: orderID, modifies: true, at: now))]
    }
}
