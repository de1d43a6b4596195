import Testing
@testable import Dashboard
import Vocabulary

@Suite struct ConnectionStateTests {
    @Test func startsDisconnectedFromTheConfiguredGateway() {
        let state = DashboardState(config: DashboardConfig(gatewayHost: "10.0.0.5", gatewayPort: 7497))
        #expect(state.connection.state == .disconnected)
        #expect(state.connection.gateway == "10.0.0.5:7497")
        #expect(state.connection.accountBadge == "?")
        #expect(state.interface.themeName == "default")
    }

    @Test func connectingThenConnectedRecordsVersionAccountsAndPaper() {
        var harness = DashboardHarness()
        harness.send(.connecting(gateway: "127.0.0.1:4002"))
        #expect(harness.state.connection.state == .connecting)
        harness.send(.connected(serverVersion: 178, accounts: ["DU1234567", "DU7654321"], nextOrderID: 12))
        let info = harness.state.connection
        #expect(info.state == .connected)
        #expect(info.serverVersion == 178)
        #expect(info.account == "DU1234567")
        #expect(info.accountKind == .paper)
        #expect(info.accountBadge == "PAPER")
        #expect(info.connectedSince == harness.now)
        #expect(harness.state.nextOrderID == 12)
    }

    @Test func losingTheSocketMarksQuotesDisconnectedAndLogsTheReasonOnce() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.send(.connectionLost(reason: "connection reset by peer"))
        #expect(harness.state.connection.state == .disconnected)
        #expect(harness.state.connection.lostReason == "connection reset by peer")
        #expect(harness.state.freshness(of: "AAPL")?.state == .disconnected)
        #expect(harness.latestMessage?.code == LocalMessage.connectionLost.rawValue)
        #expect(harness.latestMessage?.explanation.contains("connection reset by peer") == true)
        harness.send(.connectionLost(reason: "again"))
        #expect(harness.state.messages.entries.filter { $0.message.code == LocalMessage.connectionLost.rawValue }.first?.count == 1)
    }

    @Test func theReconnectCountdownRunsDownWithTheClock() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.send(.connectionLost(reason: "socket closed"))
        harness.send(.reconnectScheduled(attempt: 3, after: .seconds(8)))
        #expect(harness.state.connection.reconnectAttempt == 3)
        #expect(harness.state.reconnectCountdown == .seconds(8))
        harness.advance(seconds: 5)
        #expect(harness.state.reconnectCountdown == .seconds(3))
        harness.advance(seconds: 5)
        #expect(harness.state.reconnectCountdown == .zero)
        harness.send(.connecting(gateway: ""))
        #expect(harness.state.reconnectCountdown == nil)
        #expect(harness.state.connection.gateway == "127.0.0.1:4002")
    }

    @Test func reconnectingClearsTheLossAndQuotesWaitForFreshTicks() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.send(.connectionLost(reason: "socket closed"))
        harness.send(.reconnectScheduled(attempt: 1, after: .seconds(1)))
        harness.advance(seconds: 1)
        harness.send(.connecting(gateway: "127.0.0.1:4002"))
        harness.send(.connected(serverVersion: 178, accounts: ["DU1234567"], nextOrderID: 90))
        #expect(harness.state.connection.lostReason == nil)
        #expect(harness.state.connection.reconnectAttempt == nil)
        #expect(harness.state.nextOrderID == 101 - 1)
        #expect(harness.state.freshness(of: "AAPL")?.state == .stale)
        harness.send(.quoteRequested(symbol: "AAPL", requestID: 2_000_000_000, instrumentClass: .stock))
        #expect(harness.state.freshness(of: "AAPL")?.state == .stale)
        harness.tickAAPL()
        #expect(harness.state.freshness(of: "AAPL")?.state == .live)
    }

    @Test func aLinkLossAndRestoreFollowTheNotices() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.advance(seconds: 1)
        harness.send(.notice(Notice(code: 2110)))
        #expect(harness.state.connection.state == .linkLost)
        harness.advance(seconds: 1)
        harness.send(.notice(Notice(code: 1101)))
        #expect(harness.state.connection.state == .connected)
        #expect(harness.state.freshness(of: "AAPL")?.reasonCode == 1101)
    }

    @Test func aLiveAccountShowsTheLiveBadge() {
        var info = ConnectionInfo(gateway: "h:1")
        info.accounts = ["U123"]
        #expect(info.accountBadge == "LIVE")
        #expect(info.reconnectCountdown(at: .seconds(1)) == nil)
    }
}
