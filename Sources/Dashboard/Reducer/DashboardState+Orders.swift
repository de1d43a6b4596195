import Vocabulary


/// Order reports from the gateway: open orders, status changes, executions, commissions.
extension DashboardState {
    mutating func receiveOpenOrder(_ report: OpenOrderSnapshot) -> [DashboardEffect] {
        let status = OrderProgress(report.status)
        // IB: once a client saw another client's order ids, its own new ids must exceed them.
        if let next = nextOrderID, report.orderID >= next { nextOrderID = report.orderID + 1 }
        guard var order = orders[report.orderID] else {
            var record = TrackedOrder(
                orderID: report.orderID, symbol: Watchlist.normalize(report.symbol), side: report.side,
                quantity: report.quantity, orderType: report.orderType, limitPrice: report.limitPrice,
                stopPrice: report.stopPrice, timeInForce: report.timeInForce, status: status ?? .submitted, at: now)
            record.ownerClientID = report.ownerClientID
            record.isThisClient = report.isThisClient
            record.permID = report.permID
            record.parentID = report.parentID
            record.ocaGroup = report.ocaGroup
            record.trailing = report.trailing
            orders[report.orderID] = record
            changed = true
            return [.journal(.statusChange(
                orderID: report.orderID, status: report.status.ibText, filled: 0,
                remaining: report.quantity, at: now))]
        }
        let before = order
        // A modification shows in the lifecycle once IB lists the order with its new values.
        let modified = OrderAmendment.changes(
            from: (order.quantity, order.limitPrice, order.stopPrice, order.timeInForce),
            to: (report.quantity, report.limitPrice, report.stopPrice, report.timeInForce))
        if !modified.isEmpty, order.status.isWorking {
            order.recordStatus(order.status, note: "Modified: " + modified.map { "\($0.field) \($0.old) → \($0.new)" }.joined(separator: ", "), at: now)
        }
        order.quantity = report.quantity
        order.limitPrice = report.limitPrice
        order.stopPrice = report.stopPrice
        order.timeInForce = report.timeInForce
        if let owner = report.ownerClientID { order.ownerClientID = owner }
        // Placed here under the id in use (an id the dashboard moved away from, after a 326,
        // is another client's now), or reported as this client's.
        order.isThisClient = (order.placedHere && (order.ownerClientID == nil || order.ownerClientID == connection.clientID))
            || report.isThisClient
        if let permID = report.permID { order.permID = permID }
        if let parent = report.parentID { order.parentID = parent }
        if let group = report.ocaGroup { order.ocaGroup = group }
        if let trailing = report.trailing { order.trailing = trailing }
        var effects: [DashboardEffect] = []
        // A listing taken before the order ended may arrive after its final status: a final
        // order does not go back to working.
        let regresses = order.status.isFinal && (status?.isWorking ?? false)
        // IB's Filled is the whole order: a listing may say so before the status that carries
        // the quantities, and the lifecycle must not show a fill of 0 on the way.
        let whole = status == .filled
        if let status, !regresses, !order.keepsRejection(over: status),
           order.recordStatus(status, filled: whole ? order.quantity : nil, remaining: whole ? 0 : nil, at: now) {
            effects.append(.journal(.statusChange(
                orderID: order.orderID, status: report.status.ibText, filled: order.filled,
                remaining: order.remaining, at: now)))
        }
        orders[report.orderID] = order
        if order != before { changed = true }
        return effects
    }

    mutating func receiveOrderStatus(_ report: OrderStatusReport) -> [DashboardEffect] {
        let journal = DashboardEffect.journal(.statusChange(
            orderID: report.orderID, status: report.status.ibText, filled: report.filled,
            remaining: report.remaining, reason: report.whyHeld, at: now))
        guard var order = orders[report.orderID] else {
            return [journal]
        }
        let status = OrderProgress(report.status) ?? order.status
        if let permID = report.permID, permID != 0 { order.permID = permID }
        guard !order.keepsRejection(over: status) else {
            orders[report.orderID] = order
            return [journal]
        }
        if let average = report.averageFillPrice, average > 0 { order.averageFillPrice = average }
        let note = report.whyHeld.flatMap { $0.isEmpty ? nil : "Held: \($0)" }
        let moved = order.recordStatus(status, filled: report.filled, remaining: report.remaining, note: note, at: now)
        orders[report.orderID] = order
        guard moved else { return [] }
        changed = true
        return [journal]
    }

    mutating func receiveExecution(_ report: FillReport) -> [DashboardEffect] {
        guard !executions.contains(where: { $0.executionID == report.executionID }) else { return [] }
        executions.append(ExecutionRecord(
            executionID: report.executionID, orderID: report.orderID, symbol: Watchlist.normalize(report.symbol),
            side: report.side, shares: report.shares, price: report.price, time: report.time ?? now))
        changed = true
        return [.journal(.execution(
            orderID: report.orderID, executionID: report.executionID, symbol: Watchlist.normalize(report.symbol),
            side: report.side, quantity: report.shares,
            price: FixedDecimal(checkedRounding: report.price) ?? 0, at: now))] + alertFill(report)
    }

    mutating func receiveCommission(executionID: String, commission: Double, realizedPnL: Double?) -> [DashboardEffect] {
        guard let index = executions.firstIndex(where: { $0.executionID == executionID }) else { return [] }
        executions[index].commission = commission
        executions[index].realizedPnL = realizedPnL
        changed = true
        return []
    }

    /// A completed order (filled, cancelled, rejected today): the order it ends, found by id
    /// or permanent id, takes its final status; an order not seen before is added, under its
    /// id when known, else under `-permID` (COMPLETED_ORDER carries no order id).
    mutating func receiveCompletedOrder(_ report: CompletedOrderReport) -> [DashboardEffect] {
        let key = report.orderID.flatMap { orders[$0] == nil ? nil : $0 }
            ?? orders.values.first(where: { $0.permID == report.permID })?.orderID
            ?? report.orderID ?? -report.permID
        var status = OrderProgress(report.status) ?? .cancelled
        var reason: String?
        if status == .inactive, report.completedStatus.lowercased().contains("reject") {
            status = .rejected
            reason = report.completedStatus
        }
        var order = orders[key] ?? TrackedOrder(
            orderID: key, symbol: Watchlist.normalize(report.symbol), side: report.side, quantity: report.quantity,
            orderType: report.orderType, limitPrice: report.limitPrice, stopPrice: report.stopPrice,
            timeInForce: report.timeInForce, status: status, at: now)
        let isNew = orders[key] == nil
        order.permID = report.permID
        if isNew {
            order.isThisClient = report.isThisClient
            order.ownerClientID = report.ownerClientID
        }
        if let reason, order.rejectReason == nil { order.rejectReason = reason }
        var effects: [DashboardEffect] = []
        let note = report.completedStatus.isEmpty ? nil : report.completedStatus
        if isNew {
            order.filled = report.filled
            order.remaining = 0
            order.lifecycle = [OrderStatusChange(time: now, status: status, filled: report.filled, remaining: 0, note: note)]
        } else if !order.keepsRejection(over: status), order.status != status || order.filled != report.filled {
            order.recordStatus(status, filled: report.filled, remaining: 0, note: note, at: now)
        }
        if isNew || orders[key] != order {
            effects.append(.journal(.statusChange(
                orderID: key, status: report.status.ibText, filled: order.filled,
                remaining: 0, reason: note, at: now)))
            orders[key] = order
            changed = true
        }
        return effects
    }

    /// The app could not cancel `orderID`: the order is no longer marked as being cancelled,
    /// and the log says why.
    mutating func receiveCancelRefused(orderID: Int, reason: String) -> [DashboardEffect] {
        if var order = orders[orderID] {
            order.cancelRequested = false
            order.recordStatus(order.status, note: "Cancel not sent: \(reason)", at: now)
            orders[orderID] = order
        }
        note(.cancelRefused, "Order \(orderID) not cancelled", reason, requestID: orderID)
        changed = true
        return []
    }
}
