import Dashboard
import DashboardRuntime
import Foundation
import Logging
import PaperGateway
import Testing
import TWSClient
import TWSWire
@testable import ibterm

/// The app's wiring without a terminal: the real client and the embedded paper gateway in
/// process, the reducer's effects carried out by the bridge, keys given as intents.
@Suite(.timeLimit(.minutes(1))) struct BrokerBridgeTests {
    /// Waits (polling, at most `timeout`) until the store's state satisfies `predicate`.
    func waitUntil(_ store: DashboardStore, timeout: Duration = .seconds(30), _ predicate: (DashboardState) -> Bool) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if predicate(store.snapshot()) { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return predicate(store.snapshot())
    }

    /// The paper gateway (NVDA not entitled), the client, the store and the bridge, wired as the
    /// app wires them and connected as client `clientID`.
    static func dashboard(watchlist: [String], clientID: Int) async throws -> (PaperGatewayServer, IBClient, DashboardStore, BrokerBridge) {
        let quiet = { (label: String) in Logger(label: label) { _ in SwiftLogNoOpLogHandler() } }
        let server = try await PaperGatewayServer.start(configuration: GatewayConfiguration(seed: 5, notEntitled: ["NVDA"], logger: quiet("test.paper")))
        var configuration = TWSClientConfiguration()
        configuration.retryInitialConnect = true
        let client = IBClient(configuration: configuration, logger: quiet("test.client"))
        let router = EffectRouter()
        var config = DashboardConfig()
        config.watchlist = watchlist
        let store = DashboardStore(config: config, clock: configuration.clock, perform: { router.route($0) }, changed: {})
        let bridge = BrokerBridge(client: client, store: store, logger: quiet("test.bridge"))
        router.connect(bridge: bridge, journal: nil, look: TerminalLoop.Look(theme: .builtinDefault, glyphs: .ascii), themeFolders: [], logger: quiet("test"))
        await bridge.start()
        store.send(.connecting(gateway: "127.0.0.1:\(server.port)"))
        store.send(.started)
        try await client.connect(host: server.host, port: server.port, clientId: clientID)
        return (server, client, store, bridge)
    }

    @Test func quotesTurnLiveAndATypedBuyBecomesAPosition() async throws {
        let (server, client, store, bridge) = try await Self.dashboard(watchlist: ["AAPL", "MSFT", "NVDA"], clientID: 3)

        let live = await waitUntil(store) { state in
            state.watchlistRows.first { $0.symbol == "AAPL" }?.freshness.state == .live
                && state.watchlistRows.first { $0.symbol == "NVDA" }?.freshness.state == .noEntitlement
        }
        #expect(live, "AAPL live and NVDA not entitled")
        let ask = try #require(store.snapshot().watchlistRows.first { $0.symbol == "AAPL" }?.quote.ask)

        store.send(.user(.runCommand(String(format: "buy 7 AAPL lmt %.2f", ask + 1))))
        #expect(store.snapshot().ticket != nil, "the command opened the ticket")
        // The review asks the gateway's what-if (under an order id the client takes) and shows
        // its answer; the send then takes the next id.
        let answered = await waitUntil(store) { state in
            if case .answered = state.ticket?.whatIf { return true }
            return false
        }
        #expect(answered, "the what-if was answered: \(String(describing: store.snapshot().ticket?.whatIf))")
        guard case .answered(let report)? = store.snapshot().ticket?.whatIf else { return }
        #expect((report.initMarginChange ?? 0) > 0, "buying 7 AAPL takes margin")
        #expect((report.commission ?? 0) >= 0.35, "at least IBKR Pro tiered minimum of 0.35 a order")
        #expect(store.snapshot().ticket?.whatIf?.lines.first?.hasPrefix("What-if:     init margin +") == true)
        store.send(.user(.submit))
        let filled = await waitUntil(store) { state in
            state.positionRows.contains { $0.symbol == "AAPL" && $0.quantity == 7 }
                && state.orderList.contains { $0.status == .filled }
        }
        #expect(filled, "the order filled and the position shows")
        #expect(store.snapshot().executions.count >= 1)

        bridge.stop()
        await client.disconnect()
        try await server.stop()
    }

    @Test func theClientsWhatIfAnswersWithoutTradingAndARefusalCarriesIBsReason() async throws {
        let server = try await PaperGatewayServer.start(configuration: GatewayConfiguration(seed: 5, logger: Logger(label: "test.paper") { _ in SwiftLogNoOpLogHandler() }))
        let client = IBClient(configuration: TWSClientConfiguration(), logger: Logger(label: "test.client") { _ in SwiftLogNoOpLogHandler() })
        try await client.connect(host: server.host, port: server.port, clientId: 4)
        for await status in await client.connectionStates() {
            if case .usable = status.state { break }
        }
        let before = try #require(await client.nextOrderID)
        var order = Order(action: "BUY", totalQuantity: 100, orderType: "MKT")
        order.tif = "DAY"
        let answer = try await client.whatIf(Contract(symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD"), order)
        #expect((answer.initMarginChange ?? 0) > 0)
        #expect((answer.equityWithLoanAfter ?? 0) > 0)
        #expect(await client.nextOrderID == before + 1, "the what-if used one order id")
        #expect(try await client.executions().isEmpty, "nothing traded")

        do {
            _ = try await client.whatIf(Contract(symbol: "ZZZZ", secType: "STK", exchange: "SMART", currency: "USD"), order)
            Issue.record("a what-if for an unknown symbol was answered")
        } catch {
            #expect(error.code == .requestFailed)
            #expect(error.notice?.code == 201 || error.notice?.code == 200, "\(error)")
            let status = BrokerBridge.whatIfStatus(error)
            guard case .refused(let reason) = status else {
                Issue.record("not a refusal: \(status)")
                return
            }
            #expect(reason.contains("No security definition"), "\(reason)")
        }
        await client.disconnect()
        try await server.stop()
    }

    @Test func aSymbolWithoutEntitlementSwitchedToDelayedComesDelayedWhileTheOthersStayLive() async throws {
        let (server, client, store, bridge) = try await Self.dashboard(watchlist: ["NVDA", "AAPL"], clientID: 6)
        func state(_ symbol: String) -> Freshness? { store.snapshot().watchlistRows.first { $0.symbol == symbol }?.freshness.state }
        #expect(await waitUntil(store) { _ in state("NVDA") == .noEntitlement && state("AAPL") == .live }, "NVDA refused, AAPL live")

        store.send(.user(.focus(.watchlist)))
        store.send(.user(.switchToDelayedData))  // NVDA is the first row
        let delayed = await waitUntil(store) { snapshot in
            state("NVDA") == .delayed && snapshot.watchlistRows.first { $0.symbol == "NVDA" }?.quote.last != nil
        }
        #expect(delayed, "NVDA did not come delayed: \(String(describing: state("NVDA")))")
        // A symbol subscribed after it is live again: the delayed type was only for NVDA's request.
        store.send(.user(.runCommand("add MSFT")))
        #expect(await waitUntil(store) { _ in state("MSFT") == .live && state("AAPL") == .live }, "MSFT \(String(describing: state("MSFT")))")

        bridge.stop()
        await client.disconnect()
        try await server.stop()
    }
}
