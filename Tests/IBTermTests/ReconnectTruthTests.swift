import Dashboard
import DashboardRuntime
import Foundation
import Logging
import PaperExchange
import PaperGateway
import Testing
import Vocabulary
import TWSClient
@testable import ibterm

/// The promise across the link's blinks, end to end in process: the embedded paper gateway
/// with injected faults, the real client, the bridge and the reducer.
@Suite(.timeLimit(.minutes(1))) struct ReconnectTruthTests {
    struct App {
        let server: PaperGatewayServer
        let client: IBClient
        let bridge: BrokerBridge
        let store: DashboardStore

        static func start(watchlist: [String]) async throws -> App {
            let quiet = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
            let server = try await PaperGatewayServer.start(configuration: GatewayConfiguration(seed: 8, logger: quiet))
            var configuration = TWSClientConfiguration()
            configuration.retryInitialConnect = true
            configuration.reconnectInitialDelay = .milliseconds(100)
            configuration.reconnectMaximumDelay = .milliseconds(200)
            let client = IBClient(configuration: configuration, logger: quiet)
            let router = EffectRouter()
            var config = DashboardConfig()
            config.watchlist = watchlist
            // One-second quotes (live for half a second): the test runs in seconds, not minutes.
            config.staleness = StalenessPolicy(defaultThreshold: .seconds(1), classThresholds: [:])
            let store = DashboardStore(config: config, clock: configuration.clock, perform: { router.route($0) }, changed: {})
            let bridge = BrokerBridge(client: client, store: store, logger: quiet)
            router.connect(bridge: bridge, journal: nil, look: TerminalLoop.Look(theme: .builtinDefault, glyphs: .ascii), themeFolders: [], logger: quiet)
            await bridge.start()
            store.send(.connecting(gateway: "127.0.0.1:\(server.port)"))
            store.send(.started)
            try await client.connect(host: server.host, port: server.port, clientId: 4)
            return App(server: server, client: client, bridge: bridge, store: store)
        }

        func stop() async throws {
            bridge.stop()
            await client.disconnect()
            try await server.stop()
        }

        /// The state as a frame drawn now would see it.
        func state() -> DashboardState {
            store.send(.clockTick)
            return store.snapshot()
        }

        func freshness(_ symbol: String) -> QuoteFreshness? {
            state().freshness(of: symbol)
        }

        /// Polls (every 20 ms, at most `timeout`) until `predicate` holds.
        func waitUntil(_ what: String, timeout: Duration = .seconds(30), _ predicate: (DashboardState) -> Bool) async throws {
            let clock = ContinuousClock()
            let deadline = clock.now + timeout
            while clock.now < deadline {
                if predicate(state()) { return }
                try await Task.sleep(for: .milliseconds(20))
            }
            Issue.record("timed out waiting for \(what)")
            throw CancellationError()
        }
    }

    @Test func aFrozenQuoteStaysStaleAtItsTrueAgeAfterTheLinkDropsAndTheTicketAsksForTheOverride() async throws {
        let app = try await App.start(watchlist: ["AAPL", "MSFT"])
        try await app.waitUntil("both live") { state in
            ["AAPL", "MSFT"].allSatisfy { state.freshness(of: $0)?.state == .live }
        }
        try await app.server.inject(.stallSymbol(symbol: "MSFT"))
        try await app.waitUntil("MSFT stale") { $0.freshness(of: "MSFT")?.state == .stale }
        let frozenSince = try #require(app.state().quotes.tracked("MSFT")?.lastChangeAt)

        try await app.server.inject(.dropAllConnections)
        try await app.waitUntil("the link lost") { $0.connection.state != .connected }
        try await app.waitUntil("reconnected with AAPL live again", timeout: .seconds(30)) { state in
            state.connection.state == .connected && state.freshness(of: "AAPL")?.state == .live
        }
        // Let the resubscription's answers (the data type, any repeated values) arrive.
        try await Task.sleep(for: .milliseconds(300))
        let state = app.state()
        let msft = try #require(state.freshness(of: "MSFT"))
        #expect(msft.state == .stale, "a frozen quote is never drawn live after a reconnect")
        #expect(state.quotes.tracked("MSFT")?.lastChangeAt == frozenSince, "its age counts from its last real change")
        let age = try #require(msft.age)
        #expect(age == state.instant - frozenSince)
        #expect(state.ticketContext(for: "MSFT").quoteFreshness == .stale, "the ticket judges the same quote the same way")
        try await app.stop()
    }

    @Test func everyQuoteStaysOffLiveDuringIBsOutageEvenAcrossAReconnect() async throws {
        let app = try await App.start(watchlist: ["AAPL", "MSFT", "SPY"])
        try await app.waitUntil("all live") { state in state.freshnessCounts[.live] == 3 }
        try await app.server.inject(.connectivityLost)
        try await app.waitUntil("1100 takes every quote off live") { state in
            state.connection.state == .linkLost && state.freshnessCounts[.live] == 0
        }
        let before = app.state().connection.connectedSince
        try await app.server.inject(.dropAllConnections)
        try await app.waitUntil("a new connection", timeout: .seconds(30)) { state in
            state.connection.connectedSince != nil && state.connection.connectedSince != before
                && state.connection.accounts.isEmpty == false
        }
        // The new connection is told the link is still broken (2110): nothing turns live.
        for _ in 0..<10 {
            let state = app.state()
            #expect(state.freshnessCounts[.live] == 0, "no quote is live while IB's link is down")
            try await Task.sleep(for: .milliseconds(50))
        }
        try await app.waitUntil("the status bar's link lost") { $0.connection.state == .linkLost }
        try await app.server.inject(.connectivityRestored(dataMaintained: false))
        try await app.waitUntil("live again after 1101 and fresh ticks") { state in
            state.connection.state == .connected && state.freshnessCounts[.live] == 3
        }
        try await app.stop()
    }
}
