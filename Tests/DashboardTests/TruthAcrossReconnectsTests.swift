import Testing
import Vocabulary
@testable import Dashboard

/// The reducer keeps its promise when the link blinks and the clocks misbehave: verdicts come
/// from monotonic instants and evidence, never from the wall clock.
@Suite struct TruthAcrossReconnectsTests {
    @Test func aWallClockSteppedBackAnHourChangesNoVerdict() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.advance(seconds: 2)
        let before = harness.state.freshness(of: "AAPL")
        harness.wallOffset = -3_600_000
        harness.send(.clockTick)
        #expect(harness.state.freshness(of: "AAPL") == before)
        harness.advance(seconds: 10)
        #expect(harness.state.freshness(of: "AAPL")?.state == .stale)
        #expect(harness.state.freshness(of: "AAPL")?.label == "stale 12 s", "the age is monotonic, not wall-clock")
        harness.wallOffset = +3_600_000
        harness.tickAAPL()
        #expect(harness.state.freshness(of: "AAPL")?.state == .live, "a step forward does not age a fresh tick")
    }

    @Test func theTicketRefusesAQuoteThatAReconnectOnlyRepeated() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.advance(seconds: 3)
        harness.send(.connectionLost(reason: "the gateway closed the connection"))
        harness.advance(seconds: 1)
        harness.send(.connecting(gateway: ""))
        harness.send(.connected(serverVersion: 178, accounts: [DashboardHarness.paperAccount], nextOrderID: 100))
        // The resubscription answers with the data type and the very same values.
        harness.send(.marketDataType(requestID: harness.tickerID("AAPL"), type: .live))
        harness.send(.quote(QuoteUpdate(symbol: "AAPL", bid: 231.20 - 0.01, ask: 231.20 + 0.01, last: 231.20, lastSize: harness.trades)))
        #expect(harness.state.freshness(of: "AAPL")?.state == .stale)
        #expect(harness.state.freshness(of: "AAPL")?.age == .seconds(4))
        harness.user(.runCommand("buy 10 AAPL lmt 231.20"))
        harness.user(.submit)
        #expect(harness.placedOrders.isEmpty, "the ticket asks for the override")
        #expect(harness.state.ticket?.refusal?.code == .quoteNotLive)
    }

    @Test func ibsOutageKeepsEveryQuoteOffLiveAcrossAReconnectUntilTheRestore() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.advance(seconds: 1)
        harness.send(.notice(Notice(code: 1100, text: "Connectivity between IB and Trader Workstation has been lost.")))
        #expect(harness.state.freshnessCounts[.live] == 0)
        harness.advance(seconds: 2)
        harness.send(.connectionLost(reason: "the gateway closed the connection"))
        harness.advance(seconds: 1)
        harness.send(.connected(serverVersion: 178, accounts: [DashboardHarness.paperAccount], nextOrderID: 100))
        harness.advance(milliseconds: 50)
        harness.send(.notice(Notice(code: 2110, text: "Connectivity between Trader Workstation and server is broken.")))
        #expect(harness.state.connection.state == .linkLost)
        #expect(harness.state.freshnessCounts[.live] == 0)
        harness.advance(seconds: 20)
        harness.send(.notice(Notice(code: 1101, text: "restored - data lost")))
        #expect(harness.state.connection.state == .connected)
        #expect(harness.state.freshness(of: "AAPL")?.state == .stale)
        #expect(harness.state.freshness(of: "AAPL")?.reasonCode == 1101)
        harness.tickAAPL(last: 231.30)
        #expect(harness.state.freshness(of: "AAPL")?.state == .live)
    }

    @Test func aBrokenFarmIsNamedAndItsQuotesWaitForATickAfterIt() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.advance(seconds: 1)
        harness.send(.notice(Notice(code: 2103, text: "Market data farm connection is broken:usfarm")))
        #expect(harness.state.quotes.brokenFarms.keys.contains("usfarm"))
        #expect(harness.state.freshness(of: "AAPL")?.state == .stale)
        #expect(harness.state.freshness(of: "AAPL")?.reasonCode == 2103)
        harness.advance(seconds: 1)
        harness.send(.notice(Notice(code: 2104, text: "Market data farm connection is OK:usfarm")))
        #expect(harness.state.quotes.brokenFarms.isEmpty)
        #expect(harness.state.freshness(of: "AAPL")?.state == .stale)
        harness.tickAAPL()
        #expect(harness.state.freshness(of: "AAPL")?.state == .live)
    }

    @Test func thePositionsAndThePnLPaneShowTheSameUnrealizedPnL() throws {
        var harness = DashboardHarness.withLiveAAPL()
        harness.send(.position(PositionUpdate(
            account: DashboardHarness.paperAccount, symbol: "AAPL", quantity: 100, averageCost: 230.00,
            marketPrice: 229.90, marketValue: 22_990, unrealizedPnL: -10)))
        harness.send(.accountPnL(AccountPnL(daily: 5, unrealized: -0.74, realized: 0)))
        let rows = harness.state.positionRows
        let rowSum = rows.compactMap(\.unrealizedPnL.amount).reduce(0, +)
        let shown = harness.state.unrealizedPnL(at: harness.instant)
        #expect(shown.amount == rowSum, "one number for one thing")
        #expect(abs(try #require(shown.amount) - (231.20 - 230.00) * 100) < 1e-6)
        #expect(shown.source == .computed, "marked at the live quote, said so")
        harness.advance(seconds: 30)
        // The quote is stale: the row falls back to the gateway's figure, and so does the total.
        #expect(harness.state.unrealizedPnL(at: harness.instant).amount == -10)
        #expect(harness.state.unrealizedPnL(at: harness.instant).source == .gateway)
    }

    @Test func aQuoteWhoseTickCouldNotBeReadIsNotLiveUntilAReadableChange() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.send(.notice(Notice(
            requestID: harness.tickerID("AAPL"), code: 508,
            text: "IB sent a market-data message (TICK_PRICE) that ibterm could not read")))
        #expect(harness.state.freshness(of: "AAPL")?.state == .stale)
        #expect(harness.latestMessage?.title == "Unreadable message from TWS")
        harness.advance(milliseconds: 100)
        harness.tickAAPL()
        #expect(harness.state.freshness(of: "AAPL")?.state == .live)
    }

    @Test func rRetriesALostConnectionAtOnceAndSaysSoWhenThereIsNothingToRetry() {
        var harness = DashboardHarness.withLiveAAPL()
        #expect(harness.user(.retryConnection).isEmpty || !harness.user(.retryConnection).contains(.retryConnection))
        harness.send(.connectionLost(reason: "connection error: connection refused"))
        harness.send(.reconnectScheduled(attempt: 3, after: .seconds(8)))
        let effects = harness.user(.retryConnection)
        #expect(effects.contains(.retryConnection))
        #expect(harness.state.connection.state == .connecting)
        #expect(harness.state.reconnectCountdown == nil)
    }
}
