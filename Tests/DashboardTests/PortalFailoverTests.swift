import Testing
import Vocabulary
@testable import Dashboard

/// The Client Portal as the socket link's failover: what the screen says while the portal is
/// the source, and that a polled price is never live.
@Suite struct PortalFailoverTests {
    static let portal = "https://127.0.0.1:5000"

    @Test func aPolledSnapshotShowsPolledWithItsAgeNeverLive() throws {
        var harness = DashboardHarness.withLiveAAPL()
        harness.send(.portalConfigured(portal: Self.portal))
        #expect(harness.state.portal?.isEngaged == false)
        harness.send(.connectionLost(reason: "socket closed"))
        #expect(harness.state.freshness(of: "AAPL")?.state == .disconnected)
        harness.send(.portalEngaged(true))
        #expect(harness.latestMessage?.code == LocalMessage.portalFailover.rawValue)
        harness.send(.portalQuote(QuoteUpdate(symbol: "AAPL", bid: 240.00, ask: 240.02, last: 240.01)))
        harness.send(.portalRead(.quotes))
        let polled = try #require(harness.state.freshness(of: "AAPL"))
        #expect(polled.state == .polled)
        #expect(!polled.state.isLive)
        #expect(polled.age == .zero)
        #expect(harness.state.quotes.tracked("AAPL")?.quote.values.last == 240.01)
        harness.advance(seconds: 7)
        #expect(harness.state.freshness(of: "AAPL")?.age == .seconds(7))
        // A snapshot read on a usable socket link proves nothing: ticks are the evidence then.
        harness.send(.connected(serverVersion: 178, accounts: [DashboardHarness.paperAccount], nextOrderID: 1))
        harness.send(.portalEngaged(false))
        #expect(harness.state.freshness(of: "AAPL")?.state != .polled)
        #expect(harness.state.freshness(of: "AAPL")?.state != .live)
        harness.send(.portalQuote(QuoteUpdate(symbol: "AAPL", last: 250)))
        #expect(harness.state.quotes.tracked("AAPL")?.quote.values.last == 240.01)
        harness.tickAAPL(last: 241)
        #expect(harness.state.freshness(of: "AAPL")?.state == .live)
    }

    @Test func positionsReadOverThePortalReplaceTheListAndCarryTheirAge() throws {
        var harness = DashboardHarness.withLiveAAPL()
        harness.send(.portalConfigured(portal: Self.portal))
        harness.send(.position(PositionUpdate(account: DashboardHarness.paperAccount, symbol: "MSFT", quantity: 10, averageCost: 400)))
        harness.send(.connectionLost(reason: "socket closed"))
        // Not engaged: a portal read is ignored (the socket link is the source until failover).
        harness.send(.portalPositions([PositionUpdate(symbol: "AAPL", quantity: 5, averageCost: 230)]))
        #expect(harness.state.positions["AAPL"] == nil)
        harness.send(.portalEngaged(true))
        #expect(harness.state.portal?.badge(for: .positions, at: harness.instant) == "REST …")
        harness.send(.portalPositions([PositionUpdate(symbol: "AAPL", quantity: 5, averageCost: 230)]))
        #expect(harness.state.positions["AAPL"]?.holding.quantity == 5)
        #expect(harness.state.positions["MSFT"]?.holding.quantity == 0)
        harness.advance(seconds: 4)
        #expect(harness.state.portal?.badge(for: .positions, at: harness.instant) == "REST 4s")
        #expect(harness.state.portal?.badge(for: .orders, at: harness.instant) == "REST …")
        harness.send(.portalFailed(reason: "the portal at https://127.0.0.1:5000 is not answering"))
        #expect(harness.state.portal?.failure != nil)
        #expect(harness.latestMessage?.title.contains("failed too") == true)
        harness.send(.portalRead(.orders))
        #expect(harness.state.portal?.failure == nil)
        harness.send(.portalEngaged(false))
        #expect(harness.state.portal?.badge(for: .positions, at: harness.instant) == nil)
        #expect(harness.latestMessage?.title.contains("stands by") == true)
    }
}
