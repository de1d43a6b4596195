import Testing
import TWSClient
import TWSSession
import TWSWire
import Vocabulary

@Suite(.timeLimit(.minutes(1))) struct ConnectionTests {
    @Test func handshakeStartAPIAndStartUpMakeTheConnectionUsable() async throws {
        let server = try await ScriptedServer.start { $0.nextValidID = 41 }
        let client = IBClient(configuration: fastConfiguration(), logger: LogCapture().logger())
        let (states, statesTask) = Recorder.record(await client.connectionStates())

        let info = try await client.connect(host: "127.0.0.1", port: server.port, clientId: 7)

        #expect(info.serverVersion == 200)
        #expect(info.accounts == ["DU1234567"])
        #expect(info.connectionTime == "20250415 19:38:30 British Summer Time")
        let first = server.messages(on: 0)
        #expect(first.first == .startAPI(clientId: 7, optionalCapabilities: ""), "START_API goes first")
        #expect(first.contains(.requestOpenOrders), "orders are reconciled before usable")
        try await waitUntil("usable reported") { states.events.contains { $0.isUsable } }
        let names = states.events.map { "\($0.state)" }
        #expect(names.first == "disconnected")
        #expect(states.events.map(\.state).contains(.connected(serverVersion: 200, accounts: ["DU1234567"])))
        #expect(names.firstIndex { $0.hasPrefix("synchronizing") }! < names.firstIndex { $0.hasPrefix("usable") }!)
        #expect(await client.tradingEnvironment == .paper)
        #expect(await client.connectionStatus.lastMessageAt != nil)
        let handle = try await client.placeOrder(aapl, Order.limit("BUY", 1, at: 1))
        #expect(handle.orderId == 41, "the first order id is nextValidId")

        await client.disconnect()
        statesTask.cancel()
        await server.stop()
    }

    @Test func aFailedFirstConnectIsAPlainErrorAndTheClientStops() async throws {
        let server = try await ScriptedServer.start()
        let port = server.port
        await server.stop()
        let client = IBClient(configuration: fastConfiguration(), logger: LogCapture().logger())
        do {
            try await client.connect(host: "127.0.0.1", port: port, clientId: 1)
            Issue.record("connect should fail")
        } catch {
            #expect(error.code == .connectFailed)
            #expect(error.description.hasPrefix("could not connect to 127.0.0.1:\(port):"), "\(error)")
        }
        #expect(await client.connectionStatus.state == .disconnected)
    }

    @Test func farmNoticesArriveWithTheirFarmState() async throws {
        let server = try await ScriptedServer.start()
        let client = IBClient(configuration: fastConfiguration(), logger: LogCapture().logger())
        let (notices, task) = Recorder.record(await client.notices())
        try await client.connect(host: "127.0.0.1", port: server.port, clientId: 7)
        try await waitUntil("three farm notices") { notices.events.count >= 3 }
        #expect(notices.events.map(\.code) == [2104, 2106, 2158])
        #expect(notices.events.first?.farm?.farm == "usfarm")
        #expect(notices.events.first?.farm?.to == .ok)
        server.notice(2103, "Market data farm connection is broken:usfarm")
        try await waitUntil("usfarm broken") {
            await client.farmStates[.init(kind: .marketData, name: "usfarm")] == .broken
        }
        await client.disconnect()
        task.cancel()
        await server.stop()
    }

    @Test func thePaperGuardRefusesOrdersOnALiveAccount() async throws {
        let server = try await ScriptedServer.start { $0.accounts = ["U7654321"] }
        let client = try await connectedClient(server)
        #expect(await client.tradingEnvironment == .live)
        do {
            _ = try await client.placeOrder(aapl, Order.market("BUY", 1))
            Issue.record("placeOrder should be refused")
        } catch {
            #expect(error.code == .liveTradingRefused)
            #expect(error.paperGuard?.code == .liveAccount)
        }
        #expect(!server.received.contains { if case .placeOrder = $0.message { true } else { false } })

        var allowLive = fastConfiguration()
        allowLive.allowLive = true
        let permitted = try await connectedClient(server, configuration: allowLive)
        _ = try await permitted.placeOrder(aapl, Order.market("BUY", 1))
        await client.disconnect()
        await permitted.disconnect()
        await server.stop()
    }
}

extension Order {
    static func market(_ action: String, _ quantity: Int) -> Order {
        var order = Order()
        order.action = action
        order.totalQuantity = FixedDecimal(quantity)
        order.orderType = "MKT"
        order.tif = "DAY"
        return order
    }

    static func limit(_ action: String, _ quantity: Int, at price: Double) -> Order {
        var order = market(action, quantity)
        order.orderType = "LMT"
        order.lmtPrice = price
        return order
    }
}
