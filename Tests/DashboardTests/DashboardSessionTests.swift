import Testing
@testable import Dashboard
import Vocabulary

/// Whole sessions, scripted as the app would feed them, asserting state and effects together.
@Suite struct DashboardSessionTests {
    @Test func aMarketableBuyGoesFromKeysToAFilledPositionWithAFullJournal() throws {
        var harness = DashboardHarness(config: DashboardConfig(watchlist: ["AAPL", "MSFT"]))
        #expect(harness.send(.started).count == 4)
        harness.send(.connecting(gateway: "127.0.0.1:4002"))
        harness.send(.connected(serverVersion: 178, accounts: ["DU1234567"], nextOrderID: 1))
        harness.send(.notice(Notice(code: 2104, text: "Market data farm connection is OK:usfarm")))
        harness.send(.quoteRequested(symbol: "AAPL", requestID: 1_000_000_000, instrumentClass: .stock))
        harness.send(.quoteRequested(symbol: "MSFT", requestID: 1_000_000_001, instrumentClass: .stock))
        harness.send(.marketDataType(requestID: 1_000_000_000, type: .live))
        harness.send(.accountValue(key: "NetLiquidation", value: "1000000", currency: "BASE", account: "DU1234567"))
        harness.advance(milliseconds: 250)
        harness.tickAAPL(last: 231.20)

        // b, 100, Enter (review), Enter (send).
        harness.user(.openTicket(.buy))
        harness.type("100")
        harness.user(.submit)
        let sendEffects = harness.user(.submit)
        let instruction = OrderInstruction(side: .buy, quantity: 100, symbol: "AAPL", orderType: .limit, limitPrice: dec("231.21"))
        #expect(sendEffects.first == .placeOrder(orderID: 1, instruction))
        harness.user(.submit)
        #expect(harness.state.interface.overlay == .none)

        // The gateway answers.
        harness.advance(milliseconds: 40)
        harness.send(.openOrder(OpenOrderSnapshot(orderID: 1, symbol: "AAPL", side: .buy, quantity: 100, orderType: .limit, limitPrice: dec("231.21"), status: .preSubmitted)))
        harness.send(.orderStatus(OrderStatusReport(orderID: 1, status: .preSubmitted, filled: 0, remaining: 100)))
        harness.advance(milliseconds: 60)
        harness.send(.execution(FillReport(executionID: "e1", orderID: 1, symbol: "AAPL", side: .buy, shares: 100, price: 231.21)))
        harness.send(.orderStatus(OrderStatusReport(orderID: 1, status: .filled, filled: 100, remaining: 0, averageFillPrice: 231.21)))
        harness.send(.commission(executionID: "e1", commission: 0.35, realizedPnL: nil))
        harness.send(.position(PositionUpdate(account: "DU1234567", symbol: "AAPL", quantity: 100, averageCost: 231.2135)))

        let order = try #require(harness.state.orders[1])
        #expect(order.lifecycle.map(\.status) == [.sent, .preSubmitted, .filled])
        #expect(harness.state.workingOrders.isEmpty)
        #expect(harness.state.positionRows.map(\.symbol) == ["AAPL"])
        #expect(harness.state.executions.first?.commission == 0.35)
        #expect(harness.state.pnl.unrealized.source == .computed)

        let kinds = harness.journal.map(\.kind)
        #expect(kinds == [.message, .orderSent, .statusChange, .execution, .statusChange])
        #expect(harness.journal[1].orderID == 1)
        #expect(harness.journal[1].limitPrice == dec("231.21"))

        // Nothing is working, so quitting does not ask.
        #expect(harness.user(.quit) == [.quit])
    }

    @Test func expiringDataShowsNoEntitlementWhileOtherQuotesStayLive() throws {
        var harness = DashboardHarness.connected()
        for symbol in harness.state.watchlist.symbols { harness.send(.quote(QuoteUpdate(symbol: symbol, last: 100))) }
        harness.advance(milliseconds: 900)
        harness.send(.notice(Notice(requestID: harness.tickerID("NVDA"), code: 354, text: "Requested market data is not subscribed.")))
        for symbol in harness.state.watchlist.symbols where symbol != "NVDA" {
            harness.send(.quote(QuoteUpdate(symbol: symbol, last: 100.5)))
        }
        let counts = harness.state.freshnessCounts
        #expect(counts[.live] == 9)
        #expect(counts[.noEntitlement] == 1)
        #expect(counts.summary == "LIVE 9 · NO ENTITLEMENT 1")
        let row = try #require(harness.state.watchlistRows.first { $0.symbol == "NVDA" })
        #expect(row.freshness.state == .noEntitlement)
        #expect(row.quote.last == 100)
        #expect(harness.latestMessage?.explanation.contains("NVDA") == true)
        harness.user(.focus(.watchlist))
        harness.user(.moveSelection(.down))
        harness.user(.moveSelection(.down))
        harness.user(.openTicket(.buy))
        harness.type("1")
        harness.user(.submit)
        #expect(harness.state.ticket?.refusal?.code == .quoteNotLive)
    }

    @Test func aDroppedConnectionAndRecoveryWalkEveryQuoteThroughDisconnectedAndStaleToLive() {
        var harness = DashboardHarness.connected()
        for symbol in harness.state.watchlist.symbols { harness.send(.quote(QuoteUpdate(symbol: symbol, last: 50))) }
        harness.send(.connectionLost(reason: "EOF"))
        #expect(harness.state.freshnessCounts[.disconnected] == 10)
        harness.send(.reconnectScheduled(attempt: 1, after: .seconds(2)))
        harness.advance(seconds: 2)
        harness.send(.connecting(gateway: "127.0.0.1:4002"))
        #expect(harness.state.freshnessCounts[.disconnected] == 10)
        harness.send(.connected(serverVersion: 178, accounts: ["DU1234567"], nextOrderID: 200))
        #expect(harness.state.freshnessCounts[.stale] == 10)
        harness.send(.quote(QuoteUpdate(symbol: "AAPL", last: 51)))
        #expect(harness.state.freshnessCounts[.live] == 1)
        #expect(harness.state.freshnessCounts[.stale] == 9)
    }

    @Test func everyBrokerMessageIsJournaledAndLogged() {
        var harness = DashboardHarness.connected()
        let codes = [2104, 2106, 2158, 1100, 1102, 10167, 399, 4242]
        for code in codes { harness.send(.notice(Notice(requestID: harness.tickerID("SPY"), code: code, text: "text \(code)"))) }
        #expect(harness.journal.compactMap(\.code) == codes)
        #expect(Set(harness.state.messages.entries.map(\.message.code)) == Set(codes))
        let unknown = harness.state.messages.entries.first { $0.message.code == 4242 }?.message
        #expect(unknown?.isKnown == false)
        #expect(unknown?.ibText == "text 4242")
        #expect(harness.state.messages.entries.first { $0.message.code == 2104 }?.message.severity == .info)
    }
}
