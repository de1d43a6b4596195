import Vocabulary


/// The order ticket: open, edit, review, send once, back out.
extension DashboardState {
    /// The facts the ticket checks for `symbol`, taken from the state at `now`.
    public func ticketContext(for symbol: String, excluding orderID: Int? = nil) -> TicketContext {
        let tracked = quotes.tracked(symbol)
        let tick = contracts[symbol].flatMap { FixedDecimal(checkedRounding: $0.minimumTick) } ?? FixedDecimal(raw: 1_000_000)
        return TicketContext(
            quote: tracked?.quote,
            quoteFreshness: quotes.freshness(of: symbol, at: instant)?.state ?? .noData,
            connection: ordersGoThroughPortal ? .connected : connection.state,
            accountKind: connection.accountKind ?? .live,
            allowLive: config.allowLive,
            netLiquidation: accountValues.netLiquidation.flatMap(FixedDecimal.init(checkedRounding:)),
            position: positions[symbol]?.holding.quantity ?? 0,
            minimumTick: tick,
            limits: config.ticketLimits,
            otherWorkingOrders: workingOrders
                .filter { $0.symbol == symbol && $0.orderID != orderID }
                .map { "#\($0.orderID) \($0.side.rawValue) \($0.remaining) \($0.orderType.rawValue)\($0.limitPrice.map { " \($0.formatted(minimumFractionDigits: 2))" } ?? "")" })
    }

    /// Why no order can be placed right now, whatever the ticket says: this screen takes no
    /// orders (`DashboardConfig/ordersRefusal`), the connection is not usable, the account is live without `allow_live`, or no order id has arrived yet.
    public var placementRefusal: TicketRefusal? {
        if let reason = config.ordersRefusal {
            return TicketRefusal(.ordersNotTakenHere, field: .connection, reason)
        }
        guard connection.state.isUsable || ordersGoThroughPortal else {
            return TicketRefusal(.connectionNotUsable, field: .connection,
                "Connection is \(connection.state.rawValue); orders cannot be sent until it is connected.")
        }
        if connection.accountKind != .paper && !config.allowLive {
            let account = connection.account ?? "unknown"
            return TicketRefusal(.liveAccountNotAllowed, field: .account,
                "Account \(account) is live and allow_live is off in the configuration; orders are refused.")
        }
        guard nextOrderID != nil || ordersGoThroughPortal else {
            return TicketRefusal(.connectionNotUsable, field: .connection,
                "The gateway has not sent the next order id yet; try again in a moment.")
        }
        return nil
    }

    mutating func openTicket(_ side: OrderSide) -> [DashboardEffect] {
        guard let symbol = selectedSymbol else {
            note(.nothingToDo, "No symbol selected", "Select a symbol to open the order ticket on it.")
            return []
        }
        var ticket = OrderTicket(side: side, symbol: symbol, orderType: .limit)
        let quote = quotes.tracked(symbol)?.quote
        if let price = side == .buy ? (quote?.ask ?? quote?.last) : (quote?.bid ?? quote?.last), price > 0 {
            ticket.limitPriceText = FixedDecimal(checkedRounding: price)?.formatted(fractionDigits: 2) ?? ""
        }
        // From the positions pane, b and s start from the position's size.
        if interface.focusedPane == .positions, let held = positions[symbol]?.holding.quantity.magnitude.wholeValue, held > 0 {
            ticket.quantityText = "\(held)"
        }
        return showTicket(ticket)
    }

    /// Opens the ticket from a parsed command line, already in review when it passes.
    mutating func openReviewedTicket(_ ticket: OrderTicket) -> [DashboardEffect] {
        let effects = showTicket(ticket)
        return effects + reviewTicket()
    }

    /// Shows `ticket`, replacing any open one; requests quotes for a symbol nothing subscribes
    /// yet, so that the ticket gets a reference quote.
    mutating func showTicket(_ ticket: OrderTicket, focus: TicketInputField = .quantity) -> [DashboardEffect] {
        var effects = closeTicket()
        self.ticket = TicketEditor(ticket: ticket, focusedField: focus)
        setOverlay(.ticket)
        let symbol = ticket.symbol
        if quotes.tracked(symbol) == nil && !watchlist.contains(symbol) {
            ticketOnlySymbol = symbol
            effects += [.requestContractDetails(symbol: symbol), subscribeEffect(for: symbol)]
        }
        return effects
    }

    /// Closes the ticket, cancelling quotes requested only for it.
    mutating func closeTicket() -> [DashboardEffect] {
        ticket = nil
        if interface.overlay == .ticket { setOverlay(.none) }
        guard let symbol = ticketOnlySymbol else { return [] }
        ticketOnlySymbol = nil
        guard !watchlist.contains(symbol) else { return [] }
        return [releaseQuote(symbol)]
    }

    mutating func editTicket(_ intent: UserIntent) -> [DashboardEffect] {
        guard interface.overlay == .ticket, var editor = ticket else { return [] }
        switch intent {
        case .focusTicketField(let field):
            if field.applies(to: editor.ticket) { editor.focusedField = field }
        case .setOrderType(let type) where editor.ticket.amending != nil && type != editor.ticket.orderType:
            editor.refusal = TicketRefusal(.orderNotModifiable, field: .ticket,
                "A working order keeps its type; cancel it and place a new \(type.rawValue) order to change it.")
        case .setOrderType(let type):
            editor.ticket.orderType = type
            editor.refusal = nil
            editor.normalizeFocus()
        case .setTimeInForce(let tif):
            editor.ticket.timeInForce = tif
            editor.refusal = nil
        case .setTicketAttachment where editor.ticket.amending != nil:
            editor.refusal = TicketRefusal(.orderNotModifiable, field: .ticket,
                "A working order cannot gain attached orders; place a bracket or exit pair as a new ticket.")
        case .setTicketAttachment(let attachment):
            editor.ticket.attachment = attachment
            editor.refusal = nil
            editor.focusedField = attachment == .none ? editor.focusedField : .takeProfit
            editor.normalizeFocus()
        case .overrideQuoteFreshness:
            // An override given during review sends the ticket back through review, so the
            // review the trader confirms always shows the warning.
            if editor.ticket.review != nil { editor.ticket.edit() }
            editor.ticket.overrideQuoteFreshness()
            editor.refusal = nil
        default:
            return []
        }
        ticket = editor
        changed = true
        return []
    }

    /// Enter on the ticket: review when editing, send when reviewing, close once sent.
    mutating func submitTicket() -> [DashboardEffect] {
        guard let editor = ticket else { return [] }
        switch editor.ticket.phase {
        case .editing: return reviewTicket()
        case .reviewing: return sendTicket()
        case .sent:
            return closeTicket()
        }
    }

    mutating func reviewTicket() -> [DashboardEffect] {
        guard var editor = ticket else { return [] }
        changed = true
        if let refusal = placementRefusal {
            refuseTicket(refusal, editor: &editor)
            return []
        }
        let review: OrderReview
        do {
            review = try editor.ticket.review(in: ticketContext(for: editor.ticket.symbol, excluding: editor.ticket.amending?.orderID))
        } catch {
            refuseTicket(error, editor: &editor)
            return []
        }
        editor.refusal = nil
        // The review asks the gateway what the order would cost (a new order only: IB's
        // what-if is for placing).
        var effects: [DashboardEffect] = []
        if editor.ticket.amending != nil {
            editor.whatIf = .notAsked("not asked for a modification (IB's what-if is for new orders)")
        } else if ordersGoThroughPortal {
            editor.whatIf = .notAsked("not asked: the order goes through the Client Portal, which asks its own questions")
        } else {
            whatIfSerial += 1
            editor.whatIf = .pending(serial: whatIfSerial)
            effects.append(.requestWhatIf(serial: whatIfSerial, review.instruction))
        }
        ticket = editor
        return effects
    }

    /// The gateway's what-if for the review asked as `serial`; an answer for an older review
    /// (or a closed ticket) is dropped.
    mutating func receiveWhatIf(_ status: WhatIfStatus, serial: Int) -> [DashboardEffect] {
        guard var editor = ticket, editor.whatIf?.pendingSerial == serial, editor.ticket.review != nil else { return [] }
        editor.whatIf = status
        let sends = editor.sendsWhenWhatIfAnswers
        editor.sendsWhenWhatIfAnswers = false
        if case .refused(let reason) = status {
            editor.refusal = TicketRefusal(.whatIfRefused, field: .ticket, "IB would refuse this order: \(reason)")
        }
        ticket = editor
        changed = true
        if sends, case .refused = status { return [] }
        return sends ? sendTicket() : []
    }

    mutating func sendTicket() -> [DashboardEffect] {
        guard var editor = ticket else { return [] }
        changed = true
        if let refusal = placementRefusal {
            refuseTicket(refusal, editor: &editor)
            return []
        }
        if let amendment = editor.ticket.amending {
            if ordersGoThroughPortal {
                refuseTicket(TicketRefusal(.connectionNotUsable, field: .connection,
                    "Modifications need the socket link; while the Client Portal stands in, cancel the order and send a new one."), editor: &editor)
                return []
            }
            return sendModification(amendment, editor: &editor)
        }
        switch editor.whatIf {
        case .pending?:
            // Sent the moment the answer comes (unless IB refuses it); the review says so.
            editor.sendsWhenWhatIfAnswers = true
            ticket = editor
            return []
        case .refused(let reason)?:
            refuseTicket(TicketRefusal(.whatIfRefused, field: .ticket,
                "IB would refuse this order: \(reason) Edit it (Esc) or close the ticket."), editor: &editor)
            return []
        default:
            break
        }
        guard let review = finalReview(&editor) else { return [] }
        if ordersGoThroughPortal { return sendTicketThroughPortal(review, editor: &editor) }
        guard let orderID = nextOrderID else { return [] }  // placementRefusal covers this
        let group = Self.numbered(review.orders, from: orderID)
        nextOrderID = orderID + group.count
        editor.sentOrderID = orderID
        editor.refusal = nil
        ticket = editor
        var journal: [DashboardEffect] = []
        for order in group {
            orders[order.orderID] = TrackedOrder(orderID: order.orderID, instruction: order.instruction, at: now)
            orders[order.orderID]?.ownerClientID = connection.clientID
            var entry = JournalEntry.orderSent(order.instruction, orderID: order.orderID, at: now)
            // The override is on the record: which quote the trader accepted as it was.
            if review.quoteOverridden {
                entry.text = "sent on the trader's override of a reference quote that was \(review.quoteFreshness.badge)"
            }
            journal.append(.journal(entry))
        }
        if group.count == 1 {
            note(.orderSent, "Order \(orderID) sent", "\(review.instruction.summary) was handed to the gateway.", requestID: orderID)
            return [.placeOrder(orderID: orderID, group[0].instruction)] + journal
        }
        let ids = group.map { "\($0.orderID)" }.joined(separator: ", ")
        note(.orderSent, "Orders \(ids) sent",
             group.map { "#\($0.orderID) \($0.instruction.summary)" }.joined(separator: "; ") + " were handed to the gateway as one group.",
             requestID: orderID)
        return [.placeOrderGroup(group)] + journal
    }

    /// The review the ticket is sent on, checked again against the state now; `nil` (and the
    /// ticket refused, saying why) when it no longer passes.
    mutating func finalReview(_ editor: inout TicketEditor) -> OrderReview? {
        do {
            return try editor.ticket.sendReview(in: ticketContext(for: editor.ticket.symbol))
        } catch {
            refuseTicket(error, editor: &editor)
            return nil
        }
    }

    /// Numbers a review's orders from `first` and ties them together: a bracket's children
    /// name their parent and only the last order transmits the group (IB's rule, so nothing
    /// trades before the whole bracket is at the gateway); an exit pair shares one OCA group
    /// that reduces the other order as one fills.
    static func numbered(_ legs: [OrderLeg], from first: Int) -> [NumberedOrder] {
        guard legs.count > 1 else { return legs.map { NumberedOrder(orderID: first, instruction: $0.instruction) } }
        let isBracket = legs[0].role == .entry
        return legs.enumerated().map { index, leg in
            var instruction = leg.instruction
            let last = index == legs.count - 1
            if isBracket {
                instruction.link = OrderLink(parentOrderID: index == 0 ? nil : first, transmit: last)
            } else {
                instruction.link = OrderLink(transmit: true, ocaGroup: "ibterm-\(first)", ocaType: 3)
            }
            return NumberedOrder(orderID: first + index, instruction: instruction)
        }
    }

    /// Esc on the ticket: from review back to editing; from editing (or once sent) closed.
    mutating func backOutOfTicket() -> [DashboardEffect] {
        guard var editor = ticket else { return closeTicket() }
        if case .reviewing = editor.ticket.phase {
            editor.ticket.edit()
            ticket = editor
            changed = true
            return []
        }
        return closeTicket()
    }

    mutating func refuseTicket(_ refusal: TicketRefusal, editor: inout TicketEditor) {
        editor.refusal = refusal
        if let field = TicketInputField.allCases.first(where: { $0.ticketField == refusal.field }),
           field.applies(to: editor.ticket) {
            editor.focusedField = field
            // The refused text is wrong: the next character typed replaces it.
            editor.replacesOnType = true
        }
        ticket = editor
        note(.orderRefused, "Order not sent: \(refusal.field.rawValue)", refusal.message,
             action: "Fix the \(refusal.field.rawValue) and press Enter again.")
    }
}
