import Vocabulary

/// The Client Portal failover: what the portal's reads change while the socket link is down.
extension DashboardState {
    mutating func portalEngaged(_ engaged: Bool) {
        guard var failover = portal, failover.isEngaged != engaged else { return }
        changed = true
        if engaged {
            failover.engagedAt = instant
            failover.readAt = failover.readAt.filter { $0.key == .session }
            portal = failover
            // The gateway's P&L stream ended with the socket link: its last figures are not
            // drawn as the gateway's; P&L is computed from the portal's positions and polled
            // quotes until the socket link is back and the gateway reports again.
            accountPnL = nil
            for symbol in Array(positions.keys) { positions[symbol]?.holding.gatewayPnL = nil }
            refreshPnL()
            note(.portalFailover, "Socket link down: reading from the Client Portal (REST)",
                 "Account values, positions and orders now come from the Client Portal at \(failover.portal), each shown with REST and the age of its last read. Quotes are polled snapshots, shown POLLED with their age: never live.",
                 action: "Nothing to do: the socket link is retried by itself, and the portal stands by again once it is back.")
        } else {
            failover.engagedAt = nil
            failover.readAt = failover.readAt.filter { $0.key == .session }
            failover.failure = nil
            portal = failover
            note(.portalFailover, "Socket link back: the Client Portal stands by",
                 "Account values, positions, orders and quotes come from the socket link again; quotes turn live only when fresh ticks arrive.",
                 action: "Nothing to do.")
        }
    }

    /// Every position read over the portal: each listed one is applied, and one on screen the
    /// portal does not list is closed (the portal lists every open position).
    mutating func receivePortalPositions(_ updates: [PositionUpdate]) -> [DashboardEffect] {
        guard portal?.isEngaged == true else { return [] }
        let listed = Set(updates.map { Watchlist.normalize($0.symbol) })
        for (symbol, record) in positions where !listed.contains(symbol) && record.holding.quantity != .zero {
            _ = receivePosition(PositionUpdate(account: record.account, symbol: symbol, quantity: .zero, averageCost: 0))
        }
        for update in updates { _ = receivePosition(update) }
        portal?.readAt[.positions] = instant
        portal?.failure = nil
        changed = true
        return []
    }

    mutating func portalFailed(_ reason: String) {
        guard var failover = portal, failover.failure != reason else { return }
        failover.failure = reason
        portal = failover
        changed = true
        guard failover.isEngaged else {
            note(.portalFailover, "The Client Portal does not answer: \(reason)",
                 "The portal at \(failover.portal) stands by for the socket link; while it fails, it cannot stand in if the socket link goes down.",
                 action: "Check that IB's Client Portal gateway (or ibterm engine's portal) runs and its session is authenticated; ibterm tries again every minute.")
            return
        }
        note(.portalFailover, "The Client Portal failed too: \(reason)",
             "With the socket link down, what the screen shows from REST is as old as its REST age says; nothing newer can be read until the portal or the socket link answers.",
             action: "Check that IB's Client Portal gateway (or ibterm engine's portal) runs and its session is authenticated.")
    }

    /// Whether orders and cancels go through the Client Portal: the socket link is down and
    /// the portal stands in for it (and this screen takes orders at all).
    public var ordersGoThroughPortal: Bool {
        !connection.state.isUsable && portal?.isEngaged == true && config.ordersRefusal == nil
    }

    /// The portal asks about an order: the question is shown to be answered (Enter, Esc).
    mutating func askPortalQuestion(_ question: PortalQuestion) {
        guard var order = orders[question.orderID] else { return }
        _ = order.recordStatus(order.status, note: "The Client Portal asks (\(question.messageID)): \(question.text)", at: now)
        orders[question.orderID] = order
        if interface.overlay == .ticket { ticket = nil }
        setOverlay(.confirm(.portalQuestion(question)))
        changed = true
    }

    mutating func answerPortalQuestion(_ question: PortalQuestion, confirmed: Bool) -> [DashboardEffect] {
        if var order = orders[question.orderID] {
            _ = order.recordStatus(order.status, note: confirmed ? "Confirmed to the Client Portal" : "Declined to the Client Portal", at: now)
            orders[question.orderID] = order
        }
        changed = true
        return [.answerPortalQuestion(replyID: question.replyID, confirmed: confirmed)]
    }

    /// The portal took an order: it moves to the portal's id and takes its status.
    mutating func portalOrderPlaced(orderID: Int, portalOrderID: Int, status: OrderStatus) -> [DashboardEffect] {
        var effects = renumberOrders(
            from: [orderID], to: [portalOrderID], why: "the Client Portal numbers the orders it takes", by: "the Client Portal")
        if let order = orders[portalOrderID] {
            effects += receiveOrderStatus(OrderStatusReport(
                orderID: portalOrderID, status: status, filled: order.filled, remaining: order.remaining))
        }
        return effects
    }
}

extension DashboardState {
    /// Sends the reviewed ticket through the Client Portal: one order (brackets and exit pairs
    /// need the socket link), under a screen id until the portal numbers it; its questions are
    /// asked here as they come.
    mutating func sendTicketThroughPortal(_ review: OrderReview, editor: inout TicketEditor) -> [DashboardEffect] {
        guard review.orders.count == 1 else {
            refuseTicket(TicketRefusal(.connectionNotUsable, field: .connection,
                "Brackets and exit pairs need the socket link; while the Client Portal stands in, send a single order."), editor: &editor)
            return []
        }
        let orderID = nextPortalOrderID
        nextPortalOrderID -= 1
        let instruction = review.orders[0].instruction
        editor.sentOrderID = orderID
        editor.refusal = nil
        ticket = editor
        orders[orderID] = TrackedOrder(orderID: orderID, instruction: instruction, at: now)
        var entry = JournalEntry.orderSent(instruction, orderID: orderID, at: now)
        entry.text = "sent through the Client Portal (the socket link was down)"
            + (review.quoteOverridden ? "; on the trader's override of a reference quote that was \(review.quoteFreshness.badge)" : "")
        note(.orderSent, "Order \(orderID) sent through the Client Portal",
             "\(instruction.summary) was handed to the Client Portal (the socket link is down). It takes the portal's order id once the portal has it; the portal may ask questions first.",
             requestID: orderID)
        return [.placeOrderOnPortal(orderID: orderID, instruction), .journal(entry)]
    }
}
