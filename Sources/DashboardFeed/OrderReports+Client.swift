import Dashboard
import TWSStreams
import TWSWire
import Vocabulary

extension OpenOrderSnapshot {
    /// The dashboard's report of an open order as `reqAllOpenOrders` lists it, with its owner:
    /// `order.clientId`, compared with `thisClientID` (the dashboard's own client id). The
    /// status is the latest ORDER_STATUS when one came, else OPEN_ORDER's state.
    public init(_ report: TWSStreams.OpenOrderReport, thisClientID: Int?) {
        let order = report.order
        let type = OrderType(rawValue: order.orderType) ?? .limit
        self.init(
            orderID: order.orderId, symbol: report.contract.symbol, side: order.action == "SELL" ? .sell : .buy,
            quantity: order.totalQuantity ?? .zero,
            orderType: type,
            limitPrice: type.isTrailing ? nil : Self.price(order.lmtPrice),
            // A trailing order's auxPrice is its distance, not a stop price.
            stopPrice: type.isTrailing ? nil : Self.price(order.auxPrice),
            timeInForce: TimeInForce(rawValue: order.tif) ?? .day,
            status: report.status?.status ?? OrderStatus(ibText: report.orderState.status),
            ownerClientID: order.clientId, isThisClient: thisClientID.map { $0 == order.clientId } ?? true,
            permID: order.permId == 0 ? nil : order.permId)
        parentID = order.parentId == 0 ? nil : order.parentId
        ocaGroup = order.ocaGroup.isEmpty ? nil : order.ocaGroup
        if type.isTrailing {
            if let percent = order.trailingPercent, percent.isFinite, percent > 0, percent < 100,
               let value = FixedDecimal(checkedRounding: percent) {
                trailing = "\(value)%"
            } else {
                trailing = Self.price(order.auxPrice)?.formatted(minimumFractionDigits: 2)
            }
        }
    }

    /// IB's price field as the dashboard keeps it: `nil` when unset or zero.
    static func price(_ value: Double?) -> FixedDecimal? {
        guard let value, value != 0 else { return nil }
        return FixedDecimal(checkedRounding: value)
    }
}

extension CompletedOrderReport {
    /// The dashboard's report of a completed order (COMPLETED_ORDER); `orderID` and
    /// `ownerClientID` are what the caller matched to `order.permId` (from executions or open
    /// orders), if anything; `thisClientID` is the dashboard's own client id.
    public init(_ completed: CompletedOrder, orderID: Int?, ownerClientID: Int? = nil, thisClientID: Int? = nil) {
        let order = completed.order
        self.init(
            orderID: orderID, permID: order.permId, symbol: completed.contract.symbol,
            side: order.action == "SELL" ? .sell : .buy, quantity: order.totalQuantity ?? .zero,
            filled: order.filledQuantity ?? .zero,
            orderType: OrderType(rawValue: order.orderType) ?? .limit,
            limitPrice: OpenOrderSnapshot.price(order.lmtPrice),
            stopPrice: OpenOrderSnapshot.price(order.auxPrice),
            timeInForce: order.tif == "GTC" ? .goodTillCancelled : .day,
            status: OrderStatus(ibText: completed.orderState.status), completedStatus: completed.orderState.completedStatus,
            ownerClientID: ownerClientID, isThisClient: ownerClientID != nil && ownerClientID == thisClientID)
    }
}

extension DashboardEvent {
    /// The dashboard's events for one fill `reqExecutions` returned: the execution, then its
    /// commission when the gateway sent one. The reducer keeps each execution id once. The fill's
    /// time is IB's (`Timestamp(ibDateTime:)`), or when it arrived if IB's text names a zone
    /// ibterm does not know.
    public static func events(for report: TWSStreams.ExecutionReport) -> [DashboardEvent] {
        let execution = report.execution
        var events: [DashboardEvent] = [.execution(FillReport(
            executionID: execution.execId, orderID: execution.orderId, symbol: report.contract.symbol,
            side: execution.side == "SLD" ? .sell : .buy, shares: execution.shares, price: execution.price,
            time: Timestamp(ibDateTime: execution.time)))]
        if let commission = report.commission {
            events.append(.commission(
                executionID: commission.execId, commission: commission.commission, realizedPnL: commission.realizedPNL))
        }
        return events
    }
}
