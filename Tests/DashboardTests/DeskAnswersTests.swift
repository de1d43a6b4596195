import Testing
@testable import Dashboard
import Vocabulary

/// Issue #16 item 5: what a desk's bridge answers a screen's orders. An order sent under
/// another id moves there with its history; one the bridge never sent ends Rejected with why;
/// a refused modification leaves the order working.
@Suite struct DeskAnswersTests {
    /// A sent (not yet acknowledged) BUY 100 AAPL LMT as order 100.
    static func withSentOrder() -> DashboardHarness {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.openTicket(.buy))
        harness.type("100")
        harness.user(.submit)
        harness.user(.submit)
        harness.allEffects = []
        return harness
    }

    @Test func aRenumberedOrderMovesWithItsHistory() throws {
        var harness = Self.withSentOrder()
        #expect(harness.state.orders[100]?.status == .sent)
        let effects = harness.send(.ordersRenumbered(from: [100], to: [104]))
        #expect(harness.state.orders[100] == nil)
        let moved = try #require(harness.state.orders[104])
        #expect(moved.orderID == 104)
        #expect(moved.placedHere)
        #expect(moved.lifecycle.last?.note?.hasPrefix("Numbered 104 instead of 100") == true)
        #expect(harness.state.nextOrderID == 105)
        #expect(harness.state.ticket?.sentOrderID == 104)
        #expect(effects.journalEntries.first?.text == "numbered 104 instead of 100 by the desk's bridge")
        #expect(harness.latestMessage?.title == "Order 100 sent as 104")
        // The gateway's reports under the new id land on the moved row.
        harness.send(.orderStatus(OrderStatusReport(orderID: 104, status: .submitted, filled: 0, remaining: 100)))
        #expect(harness.state.orders[104]?.status == .submitted)
        #expect(harness.state.orders.count == 1)
    }

    @Test func aReportUnderTheNewIdThatCameFirstKeepsItsRowAndTakesTheHistory() throws {
        var harness = Self.withSentOrder()
        harness.send(.openOrder(OpenOrderSnapshot(orderID: 104, symbol: "AAPL", side: .buy, quantity: 100, orderType: .limit,
                                                  limitPrice: FixedDecimal("231.21"), status: .submitted)))
        harness.send(.ordersRenumbered(from: [100], to: [104]))
        #expect(harness.state.orders.keys.sorted() == [104])
        let order = try #require(harness.state.orders[104])
        #expect(order.status == .submitted)
        #expect(order.placedHere)
        #expect(order.lifecycle.first?.status == .sent)
    }

    @Test func anOrderTheBridgeNeverSentEndsRejectedWithWhy() throws {
        var harness = Self.withSentOrder()
        harness.send(.deskCommandRefused(orderIDs: [100], placement: true, what: "Order 100", reason: "order 100 waited 12 s for the desk's bridge"))
        let order = try #require(harness.state.orders[100])
        #expect(order.status == .rejected)
        #expect(order.rejectReason == "Not sent by the desk's bridge: order 100 waited 12 s for the desk's bridge")
        #expect(!order.isWorking)
        #expect(harness.latestMessage?.title == "Order 100 not carried out by the desk's bridge")
    }

    @Test func aRefusedModificationLeavesTheOrderWorking() throws {
        var harness = Self.withSentOrder()
        harness.send(.orderStatus(OrderStatusReport(orderID: 100, status: .submitted, filled: 0, remaining: 100)))
        harness.send(.deskCommandRefused(orderIDs: [100], placement: false, what: "The modification of order 100", reason: "not sent: no connection"))
        let order = try #require(harness.state.orders[100])
        #expect(order.status == .submitted)
        #expect(order.lifecycle.last?.note == "The modification of order 100 not carried out by the desk's bridge: not sent: no connection")
    }
}

extension DeskAnswersTests {
    @Test func anUnansweredOrderKeepsItsStateAndSaysTheAnswerIsMissing() throws {
        var harness = Self.withSentOrder()
        harness.send(.deskCommandUnanswered(orderIDs: [100], what: "Order 100", seconds: 15))
        let order = try #require(harness.state.orders[100])
        #expect(order.status == .sent)
        #expect(order.lifecycle.last?.note == "No answer from the desk's bridge after 15 s")
        #expect(harness.latestMessage?.title == "Order 100: no answer yet")
        // The answer, when it comes, still lands.
        harness.send(.orderStatus(OrderStatusReport(orderID: 100, status: .submitted, filled: 0, remaining: 100)))
        #expect(harness.state.orders[100]?.status == .submitted)
    }
}

extension DeskAnswersTests {
    @Test func aScreenOnTheBridgeSaysItsLinkIsTheBridgeNotAGatewaySocket() {
        var config = DashboardConfig()
        config.onDeskBridge = true
        var harness = DashboardHarness.connected(config: config)
        harness.send(.connectionLost(reason: "bridge silent: no heartbeat for 1.5 s (limit 1.5 s)"))
        #expect(harness.latestMessage?.title == "Link to the desk's bridge lost")
        #expect(harness.latestMessage?.explanation.contains("bridge silent: no heartbeat for 1.5 s") == true)
        #expect(harness.latestMessage?.explanation.contains("TWS or IB Gateway") == false)
        var direct = DashboardHarness.connected()
        direct.send(.connectionLost(reason: "reset by peer"))
        #expect(direct.latestMessage?.title == "Connection to the gateway lost")
    }
}

/// A listing that says Filled before the status that carries the quantities: the lifecycle
/// shows the whole fill once, never a fill of 0 (seen in a replay, and live when a fill races
/// a poll).
@Suite struct FilledListingTests {
    @Test func aFilledListingFillsTheWholeOrderAndTheLaterStatusAddsNothing() throws {
        var harness = DeskAnswersTests.withSentOrder()
        harness.send(.openOrder(OpenOrderSnapshot(orderID: 100, symbol: "AAPL", side: .buy, quantity: 100, orderType: .limit,
                                                  limitPrice: FixedDecimal("231.21"), status: .filled)))
        let order = try #require(harness.state.orders[100])
        #expect(order.status == .filled)
        #expect(order.filled == 100 && order.remaining == 0)
        let steps = order.lifecycle.count
        harness.send(.orderStatus(OrderStatusReport(orderID: 100, status: .filled, filled: 100, remaining: 0, averageFillPrice: 231.2)))
        #expect(harness.state.orders[100]?.lifecycle.count == steps)
        #expect(!(harness.state.orders[100]?.lifecycle.contains { $0.status == .filled && $0.filled == 0 } ?? true))
    }
}
