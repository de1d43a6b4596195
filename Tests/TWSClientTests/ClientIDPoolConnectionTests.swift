import Logging
import PaperGateway
import Testing
import TWSClient
import TWSSession
import TWSWire
import Vocabulary

/// The client-id pool against the paper gateway, which answers 326 for an id already
/// connected, as TWS does; and the context the client attaches to a notice.
@Suite(.timeLimit(.minutes(1))) struct ClientIDPoolConnectionTests {
    private static let quiet = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    private func client(_ configuration: TWSClientConfiguration = fastConfiguration()) -> IBClient {
        IBClient(configuration: configuration, logger: Self.quiet)
    }

    @Test func a326MovesTheConnectionAtOnceToTheNextFreeIdOfThePool() async throws {
        let server = try await PaperGatewayServer.start(configuration: GatewayConfiguration(seed: 7, logger: Self.quiet))
        let first = client(), second = client(), third = client()
        try await first.connect(host: server.host, port: server.port, clientId: 17)
        try await second.connect(host: server.host, port: server.port, clientId: 18)

        var configuration = fastConfiguration()
        configuration.reconnectInitialDelay = .seconds(30)  // a backoff would outlast the test
        configuration.reconnectMaximumDelay = .seconds(30)
        let pooled = client(configuration)
        let (states, recording) = Recorder.record(await pooled.connectionStates())
        let (notices, noticing) = Recorder.record(await pooled.notices())
        let info = try await pooled.connect(host: server.host, port: server.port, clientIds: ClientIDPool(first: 17, count: 5))
        #expect(info.clientID == 19)
        #expect(await pooled.clientID == 19)
        let lost = states.events.compactMap { if case .lost(let reason) = $0.state { reason } else { nil } }
        #expect(lost == [.clientIDInUse(17, next: 18), .clientIDInUse(18, next: 19)])
        #expect(!states.events.contains { if case .reconnecting = $0.state { true } else { false } }, "no backoff for a 326")
        #expect(states.events.last?.clientId == 19)
        let refusals = notices.events.filter { $0.code == 326 }
        #expect(refusals.count == 2)
        #expect(refusals.allSatisfy { $0.context == .system })

        // Without retrying the first connect, a pinned id in use fails with the code in words.
        do {
            try await third.connect(host: server.host, port: server.port, clientId: 17)
            Issue.record("connected as an id in use")
        } catch {
            #expect(error.description.contains("client id 17 is already in use at the gateway (IB 326)"))
        }
        recording.cancel()
        noticing.cancel()
        for client in [first, second, third, pooled] { await client.disconnect() }
        try await server.stop()
    }

    @Test func aRangeAllInUseFailsAFirstConnectInPlainWords() async throws {
        let server = try await PaperGatewayServer.start(configuration: GatewayConfiguration(seed: 7, logger: Self.quiet))
        let holder = client()
        try await holder.connect(host: server.host, port: server.port, clientId: 3)
        let pooled = client()
        do {
            try await pooled.connect(host: server.host, port: server.port, clientIds: ClientIDPool(first: 3, count: 1))
            Issue.record("connected as an id in use")
        } catch {
            #expect(error.description.contains("client id 3 is already in use at the gateway (IB 326)"))
        }
        await holder.disconnect()
        await pooled.disconnect()
        try await server.stop()
    }

    @Test func aNoticeForARequestCarriesWhatTheRequestWas() async throws {
        let server = try await PaperGatewayServer.start(configuration: GatewayConfiguration(seed: 7, logger: Self.quiet))
        let paper = client()
        try await paper.connect(host: server.host, port: server.port, clientId: 5)
        let (notices, noticing) = Recorder.record(await paper.notices())
        // An unknown symbol: 200 for the contract lookup and for the history request.
        _ = try? await paper.contractDetails(Contract(symbol: "ZZZZ"))
        _ = try? await paper.historicalBars(Contract(symbol: "ZZZZ"), duration: "1 D", barSize: "1 hour")
        _ = try? await paper.whatIf(Contract(symbol: "ZZZZ"), Order.limit("BUY", 10, at: 150))
        let book = await paper.marketDepth(Contract(symbol: "ZZZZ"), rows: 5)
        // 200 for the lookup, the history and the book; the paper gateway refuses the what-if with 201.
        try await waitUntil("four notices for ZZZZ") { notices.events.filter { $0.code == 200 || $0.code == 201 }.count >= 4 }
        let contexts = notices.events.filter { $0.code == 200 || $0.code == 201 }.compactMap(\.context)
        #expect(contexts.map(\.kind) == [.contract, .history, .whatIf, .depth])
        #expect(contexts.map(\.description) == ["ZZZZ contract lookup", "ZZZZ history", "What-if BUY 10 ZZZZ LMT 150.00", "ZZZZ depth"])
        _ = book
        noticing.cancel()
        await paper.disconnect()
        try await server.stop()
    }

    @Test func anOrderTheExchangeRejectsCarriesTheOrdersTermsOnItsNotice() async throws {
        let server = try await PaperGatewayServer.start(configuration: GatewayConfiguration(seed: 7, logger: Self.quiet))
        let paper = client()
        try await paper.connect(host: server.host, port: server.port, clientId: 5)
        try await server.inject(.rejectOrders(symbol: "AAPL", reason: "trading halt"))
        // The what-if is still answered (margin, not the exchange).
        _ = try await paper.whatIf(Contract(symbol: "AAPL"), Order.limit("BUY", 10, at: 150))
        let handle = try await paper.placeOrder(Contract(symbol: "AAPL"), Order.limit("BUY", 10, at: 150))
        var rejection: TWSNotice?
        for await event in handle.events {
            if case .notice(let notice) = event { rejection = notice; break }
        }
        let notice = try #require(rejection)
        #expect(notice.code == 201)
        #expect(notice.message == "Order rejected - reason:trading halt")
        #expect(notice.context?.description == "Order \(handle.orderId) BUY 10 AAPL LMT 150.00")
        // Once the fault ends, orders in AAPL are taken again.
        try await server.inject(.acceptOrders(symbol: "AAPL"))
        let accepted = try await paper.placeOrder(Contract(symbol: "AAPL"), Order.limit("BUY", 10, at: 150))
        var status: OrderStatusUpdate?
        for await event in accepted.events {
            if case .status(let update) = event { status = update; break }
            if case .notice(let notice) = event { Issue.record("refused: \(notice)"); break }
        }
        #expect(status?.status.isWorking == true)
        await paper.disconnect()
        try await server.stop()
    }
}
