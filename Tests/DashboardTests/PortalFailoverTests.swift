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

    @Test func aPortalThatFailsWhileStandingByIsToldOnceAndClearedByAGoodKeepAlive() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.send(.portalConfigured(portal: Self.portal))
        harness.send(.portalFailed(reason: "the Client Portal at https://127.0.0.1:5000 is not answering (connection refused)"))
        #expect(harness.latestMessage?.title.contains("does not answer") == true)
        #expect(harness.state.portal?.isEngaged == false)
        let count = harness.state.messages.entries.count
        harness.send(.portalFailed(reason: "the Client Portal at https://127.0.0.1:5000 is not answering (connection refused)"))
        #expect(harness.state.messages.entries.count == count, "the same failure is told once")
        harness.send(.portalRead(.session))
        #expect(harness.state.portal?.failure == nil)
        #expect(harness.state.portal?.badge(for: .positions, at: harness.instant) == nil, "standing by: no REST badge")
    }

    @Test func positionsReadOverThePortalReplaceTheListAndCarryTheirAge() throws {
        var harness = DashboardHarness.withLiveAAPL()
        harness.send(.portalConfigured(portal: Self.portal))
        harness.send(.position(PositionUpdate(account: DashboardHarness.paperAccount, symbol: "MSFT", quantity: 10, averageCost: 400)))
        harness.send(.connectionLost(reason: "socket closed"))
        // Not engaged: a portal read is ignored (the socket link is the source until failover).
        harness.send(.portalPositions([PositionUpdate(symbol: "AAPL", quantity: 5, averageCost: 230)]))
        #expect(harness.state.positions["AAPL"] == nil)
        harness.send(.accountPnL(AccountPnL(daily: 12, unrealized: 34, realized: 5)))
        #expect(harness.state.pnl.daily.source == .gateway)
        harness.send(.portalEngaged(true))
        // The gateway's last P&L is not shown as the gateway's once its stream is gone.
        #expect(harness.state.pnl.daily.source != .gateway)
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

/// Orders while the Client Portal stands in: the same ticket and guard, the portal's questions
/// put to the trader, the portal's id, refusals, cancels through the portal.
@Suite struct PortalFailoverOrderTests {
    /// Connected with live AAPL, then the socket link lost and the portal engaged, with a
    /// polled AAPL snapshot.
    static func engaged() -> DashboardHarness {
        var harness = DashboardHarness.withLiveAAPL()
        harness.send(.portalConfigured(portal: PortalFailoverTests.portal))
        harness.send(.connectionLost(reason: "socket closed"))
        harness.send(.portalEngaged(true))
        harness.send(.portalQuote(QuoteUpdate(symbol: "AAPL", bid: 231.19, ask: 231.21, last: 231.20)))
        return harness
    }

    @Test func withoutThePortalEngagedADownLinkRefusesTheTicket() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.send(.portalConfigured(portal: PortalFailoverTests.portal))
        harness.send(.connectionLost(reason: "socket closed"))
        harness.user(.openTicket(.buy))
        harness.type("10")
        harness.user(.submit)
        #expect(harness.state.ticket?.refusal?.field == .connection)
        #expect(!harness.allEffects.contains { if case .placeOrderOnPortal = $0 { true } else { false } })
    }

    @Test func aPolledReferenceQuoteNeedsTheOverrideThenTheOrderGoesThroughThePortal() throws {
        var harness = Self.engaged()
        harness.user(.openTicket(.buy))
        harness.type("10")
        harness.user(.submit)
        // The same guard: a POLLED quote is not live; the trader must accept it as it is.
        let refusal = try #require(harness.state.ticket?.refusal)
        #expect(refusal.message.contains("POLLED") || refusal.message.lowercased().contains("polled"), "\(refusal.message)")
        harness.user(.overrideQuoteFreshness)
        harness.user(.submit)
        #expect(harness.state.ticket?.whatIf == .notAsked("not asked: the order goes through the Client Portal, which asks its own questions"))
        let effects = harness.user(.submit)
        let placed = try #require(effects.compactMap { effect -> (Int, OrderInstruction)? in
            if case let .placeOrderOnPortal(orderID, instruction) = effect { (orderID, instruction) } else { nil }
        }.first)
        #expect(placed.0 == -1)
        #expect(placed.1.summary == "BUY 10 AAPL LMT 231.21 DAY")
        #expect(harness.state.orders[-1]?.status == .sent)
        #expect(harness.state.nextOrderID == 100, "the socket's ids are not used")

        // The portal asks; Esc declines, which answers the question no.
        let question = PortalQuestion(orderID: -1, replyID: "r-1", messageID: "o163", text: "The price exceeds the 3% constraint.")
        harness.send(.portalQuestion(question))
        #expect(harness.state.interface.overlay == .confirm(.portalQuestion(question)))
        #expect(harness.user(.back) == [.answerPortalQuestion(replyID: "r-1", confirmed: false)])
        harness.send(.portalOrderRefused(orderID: -1, reason: "The order was not placed: its question was answered no."))
        #expect(harness.state.orders[-1]?.status == .rejected)
    }

    @Test func aConfirmedQuestionAndThePortalsIDMoveTheOrder() throws {
        var harness = Self.engaged()
        harness.user(.openTicket(.sell))
        harness.type("5")
        harness.user(.overrideQuoteFreshness)
        harness.user(.submit)
        harness.user(.submit)
        let question = PortalQuestion(orderID: -1, replyID: "r-2", messageID: "o383", text: "The size exceeds 500.")
        harness.send(.portalQuestion(question))
        #expect(harness.user(.submit) == [.answerPortalQuestion(replyID: "r-2", confirmed: true)])
        #expect(harness.state.interface.overlay == .none)
        harness.send(.portalOrderPlaced(orderID: -1, portalOrderID: 7, status: .submitted))
        #expect(harness.state.orders[-1] == nil)
        let order = try #require(harness.state.orders[7])
        #expect(order.status == .submitted)
        #expect(order.placedHere)
        // Cancelling it goes through the portal too, while it stands in.
        harness.user(.focus(.orders))
        let cancel = harness.user(.cancelSelectedOrder)
        #expect(cancel.first == .cancelOrderOnPortal(orderID: 7))
    }

    @Test func bracketsNeedTheSocketLink() {
        var harness = Self.engaged()
        harness.user(.openTicket(.buy))
        harness.user(.setTicketAttachment(.bracket))
        harness.type("10")
        harness.user(.overrideQuoteFreshness)
        harness.user(.submit)
        harness.user(.submit)
        #expect(!harness.allEffects.contains { if case .placeOrderOnPortal = $0 { true } else { false } })
    }
}
