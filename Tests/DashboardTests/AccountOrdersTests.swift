import Testing
@testable import Dashboard
import Vocabulary

/// Orders of the whole account: other client ids, earlier runs, completed orders, rejections.
@Suite struct AccountOrdersTests {
    /// A stop-limit of client 7 as reqAllOpenOrders lists it.
    static func otherClientsStopLimit(id: Int = 9, status: OrderStatus = .preSubmitted) -> OpenOrderSnapshot {
        OpenOrderSnapshot(
            orderID: id, symbol: "AAPL", side: .buy, quantity: 10, orderType: .stopLimit, limitPrice: dec("240.10"),
            stopPrice: dec("240.00"), timeInForce: .goodTillCancelled, status: status, ownerClientID: 7,
            isThisClient: false, permID: 5009)
    }

    @Test func anOpenOrderOfAnotherClientAppearsWithItsOwnerAndCountsAsWorking() throws {
        var harness = DashboardHarness.connected()
        harness.send(.openOrder(Self.otherClientsStopLimit()))
        let order = try #require(harness.state.orders[9])
        #expect(order.ownerClientID == 7)
        #expect(!order.isThisClient)
        #expect(order.permID == 5009)
        #expect(order.status == .preSubmitted)
        #expect(harness.state.workingOrders.map(\.orderID) == [9])
        // Its id is taken: the next ticket uses a higher one.
        #expect((harness.state.nextOrderID ?? 0) >= 100)
        harness.send(.openOrder(Self.otherClientsStopLimit(id: 150)))
        #expect(harness.state.nextOrderID == 151)
    }

    @Test func cancellingAnotherClientsOrderGoesThroughItsOwnersClientID() {
        var harness = DashboardHarness.connected()
        harness.send(.openOrder(Self.otherClientsStopLimit()))
        harness.user(.focus(.orders))
        let effects = harness.user(.cancelSelectedOrder)
        #expect(effects.actions == [.cancelOrderAsOwner(orderID: 9, ownerClientID: 7)])
        #expect(harness.state.orders[9]?.cancelRequested == true)
        #expect(harness.latestMessage?.explanation.contains("only that client id") == true)
        // The owner is connected: the app says so and the order is no longer being cancelled.
        harness.send(.cancelRefused(orderID: 9, reason: "client 7 is connected"))
        #expect(harness.state.orders[9]?.cancelRequested == false)
        #expect(harness.latestMessage?.code == LocalMessage.cancelRefused.rawValue)
        #expect(harness.state.orders[9]?.isWorking == true)
    }

    @Test func anOrderOfThisClientFromAnEarlierRunIsCancelledDirectly() {
        var harness = DashboardHarness.connected()
        var report = Self.otherClientsStopLimit()
        report.ownerClientID = 1
        report.isThisClient = true
        harness.send(.openOrder(report))
        #expect(harness.user(.runCommand("cancel 9")).actions == [.cancelOrder(orderID: 9)])
    }

    @Test func anOrderWithoutAKnownOwnerIsNotCancelledAndTheLogSaysWhy() {
        var harness = DashboardHarness.connected()
        var report = Self.otherClientsStopLimit()
        report.ownerClientID = 0
        harness.send(.openOrder(report))
        #expect(harness.user(.runCommand("cancel 9")).actions.isEmpty)
        #expect(harness.latestMessage?.code == LocalMessage.cancelRefused.rawValue)
        #expect(harness.latestMessage?.action.contains("cancel all") == true)
    }

    @Test func aRejectedOrderEndsRejectedWithTheReasonAndIsNotWorking() throws {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.runCommand("buy 10 AAPL lmt 231.20"))
        harness.user(.submit)
        harness.user(.submit)
        #expect(harness.state.workingOrders.count == 1)
        harness.send(.notice(Notice(requestID: 100, code: 200, text: "No security definition has been found for the request")))
        let order = try #require(harness.state.orders[100])
        #expect(order.status == .rejected)
        #expect(order.rejectReason?.isEmpty == false)
        #expect(!order.isWorking)
        #expect(harness.state.workingOrders.isEmpty)
        // Nothing working: quitting does not ask, cancel all has nothing to do.
        #expect(harness.user(.cancelAllOrders).actions.isEmpty)
        #expect(harness.user(.quit).actions == [.quit])
    }

    @Test func aCancelByIBWithoutAStatusEndsTheOrderCancelled() {
        var harness = DashboardHarness.connected()
        harness.send(.openOrder(Self.otherClientsStopLimit()))
        harness.send(.notice(Notice(requestID: 9, code: 202, text: "Order Canceled - reason:")))
        #expect(harness.state.orders[9]?.status == .cancelled)
        #expect(harness.state.workingOrders.isEmpty)
    }

    @Test func aCompletedOrderEndsTheOrderWithTheSamePermanentID() {
        var harness = DashboardHarness.connected()
        harness.send(.openOrder(Self.otherClientsStopLimit()))
        harness.send(.completedOrder(CompletedOrderReport(
            permID: 5009, symbol: "AAPL", side: .buy, quantity: 10, filled: 0, orderType: .stopLimit,
            status: .cancelled, completedStatus: "Cancelled by Trader")))
        #expect(harness.state.orders[9]?.status == .cancelled)
        #expect(harness.state.orders.count == 1)
        // A listing taken before the cancel does not bring it back to working.
        harness.send(.openOrder(Self.otherClientsStopLimit()))
        #expect(harness.state.orders[9]?.status == .cancelled)
    }

    @Test func aCompletedOrderOfAnEarlierRunIsListedUnderItsIdOrPermanentID() throws {
        var harness = DashboardHarness.connected()
        harness.send(.completedOrder(CompletedOrderReport(
            orderID: 42, permID: 5042, symbol: "MSFT", side: .sell, quantity: 5, filled: 5, orderType: .market,
            status: .filled, completedStatus: "Filled Size: 5")))
        harness.send(.completedOrder(CompletedOrderReport(
            permID: 5043, symbol: "MSFT", side: .buy, quantity: 5, filled: 0, orderType: .limit,
            status: .cancelled, completedStatus: "Cancelled by Trader")))
        let filled = try #require(harness.state.orders[42])
        #expect(filled.status == .filled && filled.filled == 5)
        #expect(harness.state.orders[-5043]?.status == .cancelled)
        #expect(harness.state.workingOrders.isEmpty)
        // The same report again changes nothing.
        let version = harness.state.version
        harness.send(.completedOrder(CompletedOrderReport(
            orderID: 42, permID: 5042, symbol: "MSFT", side: .sell, quantity: 5, filled: 5, orderType: .market,
            status: .filled, completedStatus: "Filled Size: 5")))
        #expect(harness.state.version == version)
    }

    @Test func executionsOfEarlierRunsAreKeptOnceWithTheirCommission() {
        var harness = DashboardHarness.connected()
        let fill = FillReport(executionID: "0001.01", orderID: 42, symbol: "MSFT", side: .sell, shares: 5, price: 410.5)
        harness.send(.execution(fill))
        harness.send(.commission(executionID: "0001.01", commission: 1.0, realizedPnL: nil))
        // The next reconnect lists it again.
        harness.send(.execution(fill))
        harness.send(.commission(executionID: "0001.01", commission: 1.0, realizedPnL: nil))
        #expect(harness.state.executions.count == 1)
        #expect(harness.state.executions.first?.commission == 1.0)
    }
}
