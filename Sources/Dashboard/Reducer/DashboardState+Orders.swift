import Foundation

/// Order reports from the gateway: open orders, status changes, executions, commissions.
extension DashboardState {
    mutating func receiveOpenOrder(_ report: OpenOrderReport) -> [DashboardEffect] {
        let status = OrderStatus(ibText: report.status)
        guard var order = orders[report.orderID] else {
            orders[report.orderID] = OrderRecord(
                orderID: report.orderID, symbol: Watchlist.normalize(report.symbol), side: report.side,
                quantity: report.quantity, orderType: report.orderType, limitPrice: report.limitPrice,
                stopPrice: report.stopPrice, timeInForce: report.timeInForce, status: status ?? .submitted, at: now)
            changed = true
            return [.journal(.statusChange(
                orderID: report.orderID, status: report.status, filled: 0,
                remaining: DashboardState.decimal(report.quantity), at: now))]
        }
        order.quantity = report.quantity
        order.limitPrice = report.limitPrice
        order.stopPrice = report.stopPrice
        order.timeInForce = report.timeInForce
        var effects: [DashboardEffect] = []
        if let status, order.recordStatus(status, at: now) {
            effects.append(.journal(.statusChange(
                orderID: order.orderID, status: report.status, filled: DashboardState.decimal(order.filled),
                remaining: DashboardState.decimal(order.remaining), at: now)))
        }
        orders[report.orderID] = order
        changed = true
        return effects
    }

    mutating func receiveOrderStatus(_ report: OrderStatusReport) -> [DashboardEffect] {
        let journal = DashboardEffect.journal(.statusChange(
            orderID: report.orderID, status: report.status, filled: DashboardState.decimal(report.filled),
            remaining: DashboardState.decimal(report.remaining), reason: report.whyHeld, at: now))
        guard var order = orders[report.orderID] else {
            return [journal]
        }
        let status = OrderStatus(ibText: report.status) ?? order.status
        if let average = report.averageFillPrice, average > 0 { order.averageFillPrice = average }
        let note = report.whyHeld.flatMap { $0.isEmpty ? nil : "Held: \($0)" }
        let moved = order.recordStatus(status, filled: report.filled, remaining: report.remaining, note: note, at: now)
        orders[report.orderID] = order
        guard moved else { return [] }
        changed = true
        return [journal]
    }

    mutating func receiveExecution(_ report: ExecutionReport) -> [DashboardEffect] {
        guard !executions.contains(where: { $0.executionID == report.executionID }) else { return [] }
        executions.append(ExecutionRecord(
            executionID: report.executionID, orderID: report.orderID, symbol: Watchlist.normalize(report.symbol),
            side: report.side, shares: report.shares, price: report.price, time: now))
        changed = true
        return [.journal(.execution(
            orderID: report.orderID, executionID: report.executionID, symbol: Watchlist.normalize(report.symbol),
            side: report.side, quantity: DashboardState.decimal(report.shares),
            price: DashboardState.decimal(report.price), at: now))]
    }

    mutating func receiveCommission(executionID: String, commission: Double, realizedPnL: Double?) -> [DashboardEffect] {
        guard let index = executions.firstIndex(where: { $0.executionID == executionID }) else { return [] }
        executions[index].commission = commission
        executions[index].realizedPnL = realizedPnL
        changed = true
        return []
    }

    /// A number as the shortest decimal that prints the same (`231.2`, not `231.19999…`).
    static func decimal(_ value: Double) -> Decimal {
        Decimal(string: "\(value)", locale: Locale(identifier: "en_US_POSIX")) ?? Decimal(value)
    }
}
