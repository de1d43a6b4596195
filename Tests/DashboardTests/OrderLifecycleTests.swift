import Testing
@testable import Dashboard
import Vocabulary

/// A connected harness with a live AAPL quote and order 100 (BUY 100 AAPL LMT 231.20) sent.
private func harnessWithSentOrder() -> DashboardHarness {
    var harness = DashboardHarness.withLiveAAPL()
    harness.user(.runCommand("buy 100 AAPL lmt 231.20"))
    harness.user(.submit)
    harness.user(.submit)
    harness.allEffects = []
    return harness
}

@Suite struct OrderLifecycleTests {
    @Test func recordsEveryStatusChangeWithItsTimeAndJournalsIt() throws {
        var harness = harnessWithSentOrder()
        let sentAt = harness.now
        harness.advance(milliseconds: 120)
        harness.send(.orderStatus(OrderStatusReport(orderID: 100, status: .preSubmitted, filled: 0, remaining: 100)))
        let preSubmittedAt = harness.now
        harness.advance(milliseconds: 300)
        harness.send(.orderStatus(OrderStatusReport(orderID: 100, status: .submitted, filled: 0, remaining: 100)))
        harness.advance(seconds: 2)
        harness.send(.orderStatus(OrderStatusReport(orderID: 100, status: .submitted, filled: 40, remaining: 60, averageFillPrice: 231.2)))
        harness.advance(seconds: 1)
        harness.send(.orderStatus(OrderStatusReport(orderID: 100, status: .filled, filled: 100, remaining: 0, averageFillPrice: 231.19)))
        let order = try #require(harness.state.orders[100])
        #expect(order.lifecycle.map(\.status) == [.sent, .preSubmitted, .submitted, .submitted, .filled])
        #expect(order.lifecycle.map(\.filled) == [0, 0, 0, 40, 100])
        #expect(order.lifecycle[0].time == sentAt)
        #expect(order.lifecycle[1].time == preSubmittedAt)
        #expect(order.lifecycle.last?.time == harness.now)
        #expect(order.averageFillPrice == 231.19)
        #expect(!order.isWorking)
        #expect(harness.journal.map(\.kind) == Array(repeating: .statusChange, count: 4))
        #expect(harness.journal.map(\.status) == ["PreSubmitted", "Submitted", "Submitted", "Filled"])
        #expect(harness.journal.last?.filled == 100)
    }

    @Test func aRepeatedIdenticalStatusIsNeitherRecordedNorJournaled() {
        var harness = harnessWithSentOrder()
        let report = OrderStatusReport(orderID: 100, status: .submitted, filled: 0, remaining: 100)
        harness.send(.orderStatus(report))
        let version = harness.state.version
        #expect(harness.send(.orderStatus(report)).isEmpty)
        #expect(harness.state.orders[100]?.lifecycle.count == 2)
        #expect(harness.state.version == version)
    }

    @Test func aStatusForAnUnknownOrderIsStillJournaled() {
        var harness = DashboardHarness.connected()
        let effects = harness.send(.orderStatus(OrderStatusReport(orderID: 7, status: .cancelled, filled: 0, remaining: 5)))
        #expect(effects.count == 1)
        #expect(harness.journal.first?.orderID == 7)
        #expect(harness.state.orders.isEmpty)
    }

    @Test func aRejectionGivesThePlainLanguageReasonFromTheCatalog() throws {
        var harness = harnessWithSentOrder()
        harness.advance(milliseconds: 200)
        let notice = Notice(requestID: 100, code: 201, text: "Order rejected - reason:YOUR ORDER IS NOT ACCEPTED.")
        let effects = harness.send(.notice(notice))
        let order = try #require(harness.state.orders[100])
        #expect(effects == [.journal(.message(notice, context: order.requestContext, at: harness.now))])
        let catalog = try #require(MessageCatalog.entry(for: 201))
        #expect(order.rejectReason?.hasPrefix(catalog.title) == true)
        #expect(order.lastMessage?.ibText == notice.text)
        #expect(order.lifecycle.last?.note == order.rejectReason)
        #expect(order.lifecycle.last?.time == harness.now)
        #expect(harness.latestMessage?.code == 201)
        #expect(order.status == .rejected)
        // IB's Inactive after the rejection does not make it look merely inactive.
        harness.send(.orderStatus(OrderStatusReport(orderID: 100, status: .inactive, filled: 0, remaining: 100)))
        #expect(harness.state.orders[100]?.status == .rejected)
    }

    @Test func aCancelConfirmationTheTraderAskedForIsNotAnError() {
        var harness = harnessWithSentOrder()
        harness.send(.orderStatus(OrderStatusReport(orderID: 100, status: .submitted, filled: 0, remaining: 100)))
        harness.user(.focus(.orders))
        #expect(harness.user(.cancelSelectedOrder).actions == [.cancelOrder(orderID: 100)])
        harness.send(.notice(Notice(requestID: 100, code: 202, text: "Order Canceled - reason:")))
        #expect(harness.state.orders[100]?.lastMessage?.severity == .info)
        #expect(harness.state.orders[100]?.rejectReason == nil)
    }

    @Test func executionsAreRecordedOnceJournaledAndGetTheirCommission() throws {
        var harness = harnessWithSentOrder()
        let fill = FillReport(executionID: "0001f4e8.01", orderID: 100, symbol: "AAPL", side: .buy, shares: 100, price: 231.19)
        let effects = harness.send(.execution(fill))
        #expect(effects == [.journal(.execution(
            orderID: 100, executionID: "0001f4e8.01", symbol: "AAPL", side: .buy, quantity: 100, price: dec("231.19"), at: harness.now)),
            .ringBell])
        #expect(harness.send(.execution(fill)).isEmpty)
        #expect(harness.state.executions.count == 1)
        harness.send(.commission(executionID: "0001f4e8.01", commission: 1.0, realizedPnL: nil))
        let execution = try #require(harness.state.executions.first)
        #expect(execution.commission == 1.0)
        #expect(execution.realizedPnL == nil)
        #expect(harness.send(.commission(executionID: "nope", commission: 2, realizedPnL: 3)).isEmpty)
    }

    @Test func ordersFromElsewhereAppearThroughOpenOrder() throws {
        var harness = DashboardHarness.connected()
        let effects = harness.send(.openOrder(OpenOrderSnapshot(
            orderID: 55, symbol: "msft", side: .sell, quantity: 20, orderType: .limit, limitPrice: dec("420.50"),
            timeInForce: .goodTillCancelled, status: .submitted)))
        let order = try #require(harness.state.orders[55])
        #expect(order.symbol == "MSFT")
        #expect(order.status == .submitted)
        #expect(!order.placedHere)
        #expect(order.summary == "SELL 20 MSFT LMT 420.50 GTC")
        #expect(effects.count == 1)
        #expect(harness.send(.openOrder(OpenOrderSnapshot(
            orderID: 55, symbol: "MSFT", side: .sell, quantity: 20, orderType: .limit, limitPrice: dec("420.50"),
            timeInForce: .goodTillCancelled, status: .submitted))).isEmpty)
        let cancelled = harness.send(.openOrder(OpenOrderSnapshot(
            orderID: 55, symbol: "MSFT", side: .sell, quantity: 20, orderType: .limit, limitPrice: dec("420.50"),
            timeInForce: .goodTillCancelled, status: .pendingCancel)))
        #expect(cancelled.count == 1)
        #expect(harness.state.orders[55]?.status == .pendingCancel)
    }

    @Test func cancellingTheSelectedOrderEmitsCancelAndRecordsTheRequest() throws {
        var harness = harnessWithSentOrder()
        harness.user(.focus(.orders))
        #expect(harness.state.selectedOrder?.orderID == 100)
        let effects = harness.user(.cancelSelectedOrder)
        #expect(effects.actions == [.cancelOrder(orderID: 100)])
        #expect(effects.journalEntries.map(\.code) == [LocalMessage.cancelRequested.rawValue])
        #expect(effects.journalEntries.first?.requestID == 100)
        let order = try #require(harness.state.orders[100])
        #expect(order.cancelRequested)
        #expect(order.lifecycle.last?.note == "Cancel requested")
    }

    @Test func cancellingAFinishedOrderEmitsNothing() {
        var harness = harnessWithSentOrder()
        harness.send(.orderStatus(OrderStatusReport(orderID: 100, status: .filled, filled: 100, remaining: 0)))
        harness.user(.focus(.orders))
        #expect(harness.user(.cancelSelectedOrder).isEmpty)
        #expect(harness.latestMessage?.title == "Order 100 is not working")
    }

    @Test func cancelByCommandSelectsTheOrder() {
        var harness = harnessWithSentOrder()
        #expect(harness.user(.runCommand("cancel 100")).actions == [.cancelOrder(orderID: 100)])
        #expect(harness.user(.runCommand("cancel 999")).isEmpty)
        #expect(harness.latestMessage?.title == "No order 999")
    }

    @Test func cancelAllAsksFirstAndCancelsOnlyOnYes() {
        var harness = harnessWithSentOrder()
        #expect(harness.user(.cancelAllOrders).isEmpty)
        #expect(harness.state.interface.overlay == .confirm(.cancelAllOrders(workingCount: 1)))
        #expect(harness.user(.back).isEmpty)
        #expect(harness.state.interface.overlay == .none)
        harness.user(.cancelAllOrders)
        #expect(harness.user(.submit).actions == [.cancelAllOrders])
        #expect(harness.state.orders[100]?.cancelRequested == true)
        #expect(harness.state.interface.overlay == .none)
    }

    @Test func cancelAllWithNothingWorkingAsksNothing() {
        var harness = DashboardHarness.connected()
        #expect(harness.user(.cancelAllOrders).isEmpty)
        #expect(harness.state.interface.overlay == .none)
        #expect(harness.latestMessage?.title == "No working orders")
    }

    @Test func quitWithoutWorkingOrdersQuitsAtOnce() {
        var harness = DashboardHarness.connected()
        #expect(harness.user(.quit) == [.quit])
        #expect(harness.state.isQuitting)
    }

    @Test func quitWithWorkingOrdersAsksFirst() {
        var harness = harnessWithSentOrder()
        #expect(harness.user(.quit).isEmpty)
        #expect(harness.state.interface.overlay == .confirm(.quitWithWorkingOrders(workingCount: 1)))
        #expect(harness.state.interface.overlay != .none)
        harness.user(.back)
        #expect(!harness.state.isQuitting)
        #expect(harness.user(.runCommand("q")).isEmpty)
        #expect(harness.user(.submit) == [.quit])
        #expect(harness.state.isQuitting)
    }

    @Test func confirmationQuestionsNameTheCount() {
        #expect(Confirmation.cancelAllOrders(workingCount: 2).question.hasPrefix("Cancel all 2 working orders?"))
        #expect(Confirmation.quitWithWorkingOrders(workingCount: 1).question.hasPrefix("1 order is still working"))
    }

    @Test func theOrderListPutsWorkingOrdersFirstNewestFirst() {
        var harness = DashboardHarness.connected()
        for (id, status) in [(1, OrderStatus.filled), (2, .submitted), (3, .cancelled), (4, .preSubmitted)] {
            harness.send(.openOrder(OpenOrderSnapshot(orderID: id, symbol: "SPY", side: .buy, quantity: 1, orderType: .market, status: status)))
        }
        #expect(harness.state.orderList.map(\.orderID) == [4, 2, 3, 1])
        #expect(harness.state.workingOrders.map(\.orderID) == [4, 2])
    }

    @Test func progressComesFromIBsStatusByValue() {
        #expect(OrderProgress(.preSubmitted) == .preSubmitted)
        #expect(OrderProgress(.other("Parked")) == nil)
        for status in OrderStatus.known {
            #expect(OrderProgress(status)?.status == status)
            #expect(OrderProgress(status)?.isWorking == status.isWorking)
        }
        #expect(OrderProgress.allCases.filter(\.isWorking) == [.sent, .apiPending, .pendingSubmit, .preSubmitted, .submitted, .pendingCancel])
        #expect(OrderProgress.allCases.filter(\.isFinal) == [.apiCancelled, .cancelled, .filled, .inactive, .rejected])
    }

    @Test func aStatusWordIBAddedLaterMovesNoOrder() {
        var harness = DashboardHarness.connected()
        harness.send(.openOrder(OpenOrderSnapshot(orderID: 5, symbol: "SPY", side: .buy, quantity: 1, orderType: .market, status: .submitted)))
        harness.send(.orderStatus(OrderStatusReport(orderID: 5, status: .other("Parked"), filled: 0, remaining: 1)))
        #expect(harness.state.orders[5]?.status == .submitted)
    }
}
