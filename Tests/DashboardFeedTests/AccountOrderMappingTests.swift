import Foundation
import Dashboard
import DashboardFeed
import Testing
import TWSStreams
import TWSWire
import Vocabulary

/// Every client's open orders, completed orders and listed executions as dashboard events.
@Suite struct AccountOrderMappingTests {
    static func stopLimit(clientId: Int) -> TWSStreams.OpenOrderReport {
        var order = TWSWire.Order(action: "BUY", totalQuantity: FixedDecimal(10), orderType: "STP LMT", lmtPrice: 240.1, auxPrice: 240, tif: "GTC")
        order.orderId = 9
        order.clientId = clientId
        order.permId = 5009
        return TWSStreams.OpenOrderReport(
            contract: Contract(symbol: "AAPL"), order: order, orderState: OrderState(status: "PreSubmitted"))
    }

    @Test func anOpenOrderCarriesItsOwnerAndWhetherItIsThisClients() {
        let other = OpenOrderSnapshot(Self.stopLimit(clientId: 7), thisClientID: 1)
        #expect(other.ownerClientID == 7 && !other.isThisClient)
        #expect(other.orderType == .stopLimit && other.timeInForce == .goodTillCancelled)
        #expect(other.stopPrice == FixedDecimal("240") && other.limitPrice == FixedDecimal("240.1"))
        #expect(other.status == .preSubmitted && other.permID == 5009)
        #expect(OpenOrderSnapshot(Self.stopLimit(clientId: 1), thisClientID: 1).isThisClient)
    }

    @Test func aCompletedOrderKeepsItsPermanentIDAndIBsWords() {
        var order = TWSWire.Order(action: "SELL", totalQuantity: FixedDecimal(5), orderType: "MKT")
        order.permId = 5042
        order.filledQuantity = FixedDecimal(5)
        var state = OrderState(status: "Filled")
        state.completedStatus = "Filled Size: 5"
        let report = CompletedOrderReport(
            CompletedOrder(contract: Contract(symbol: "MSFT"), order: order, orderState: state),
            orderID: 42, ownerClientID: 1, thisClientID: 1)
        #expect(report.orderID == 42 && report.permID == 5042)
        #expect(report.side == .sell && report.filled == 5 && report.orderType == .market)
        #expect(report.status == .filled && report.completedStatus == "Filled Size: 5")
        #expect(report.isThisClient && report.ownerClientID == 1)
    }

    @Test func aListedExecutionBecomesTheFillAndItsCommission() {
        var execution = Execution()
        execution.execId = "0001.01"
        execution.orderId = 42
        execution.side = "SLD"
        execution.shares = FixedDecimal(5)
        execution.price = 410.5
        let commission = CommissionReport(execId: "0001.01", commission: 1.0, currency: "USD", realizedPNL: nil, yield: nil, yieldRedemptionDate: nil)
        let events = DashboardEvent.events(for: TWSStreams.ExecutionReport(execution: execution, contract: Contract(symbol: "MSFT"), commission: commission))
        #expect(events == [
            .execution(FillReport(executionID: "0001.01", orderID: 42, symbol: "MSFT", side: .sell, shares: 5, price: 410.5)),
            .commission(executionID: "0001.01", commission: 1.0, realizedPnL: nil),
        ])
    }
}

extension AccountOrderMappingTests {
    /// An order no handle follows (an earlier run's, a replayed session's) reaches the
    /// dashboard: listed as this client's, its status, its fill with the commission.
    @Test func orderActivityBecomesTheDashboardsOrderEvents() {
        let open = DashboardEvent.events(for: .openOrder(Self.stopLimit(clientId: 1)), thisClientID: 1)
        guard case let .openOrder(snapshot)? = open.first else { Issue.record("\(open)"); return }
        #expect(snapshot.orderID == 9 && snapshot.isThisClient)
        let status = OrderStatusUpdate(orderId: 9, status: .filled, filled: FixedDecimal(10), remaining: .zero, avgFillPrice: 240.05, lastFillPrice: 240.05, permId: 5009)
        guard case let .orderStatus(report)? = DashboardEvent.events(for: .status(status), thisClientID: 1).first else {
            Issue.record("no status"); return
        }
        #expect(report.orderID == 9 && report.status == .filled && report.averageFillPrice == 240.05)
        var execution = Execution()
        execution.orderId = 9
        execution.execId = "e9"
        execution.side = "BOT"
        execution.shares = FixedDecimal(10)
        execution.price = 240.05
        let fill = DashboardEvent.events(for: .execution(ExecutionReport(execution: execution, contract: Contract(symbol: "AAPL"))), thisClientID: 1)
        guard case let .execution(filled)? = fill.first else { Issue.record("\(fill)"); return }
        #expect(filled.executionID == "e9" && filled.side == .buy && filled.symbol == "AAPL")
        let commission = DashboardEvent.events(for: .commission(CommissionReport(execId: "e9", commission: 1.25, currency: "USD", realizedPNL: nil)), thisClientID: 1)
        #expect(commission == [.commission(executionID: "e9", commission: 1.25, realizedPnL: nil)])
    }
}
