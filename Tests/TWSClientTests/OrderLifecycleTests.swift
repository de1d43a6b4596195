import Testing
import TWSClient
import TWSSession
import TWSWire
import Vocabulary

@Suite(.timeLimit(.minutes(1))) struct OrderLifecycleTests {
    @Test func aMarketOrderGoesFromPreSubmittedThroughPartialFillsToFilledWithCommissions() async throws {
        let server = try await ScriptedServer.start { $0.quotes["AAPL"] = (bid: 201.9, ask: 201.94, last: 201.92, volume: 1) }
        let client = try await connectedClient(server)
        let handle = try await client.placeOrder(aapl, Order.market("BUY", 200))
        let (events, _) = Recorder.record(handle.events)

        try await waitUntil("the stream ends after the last commission") { events.isFinished }
        let statuses = events.events.compactMap { if case .status(let s) = $0 { s } else { nil } }
        #expect(statuses.map(\.status) == [.preSubmitted, .submitted, .submitted, .filled])
        #expect(statuses.map(\.filled) == [0, 0, 100, 200].map { FixedDecimal($0) })
        #expect(statuses.last?.remaining == .zero)
        #expect(statuses.last?.avgFillPrice == 201.94)
        let executions = events.events.compactMap { if case .execution(let e, _) = $0 { e } else { nil } }
        #expect(executions.map(\.shares) == [FixedDecimal(100), FixedDecimal(100)])
        let commissions = events.events.compactMap { if case .commission(let c) = $0 { c } else { nil } }
        #expect(commissions.map(\.execId) == executions.map(\.execId))
        #expect(commissions.first?.realizedPNL == nil, "UNSET_DOUBLE arrives as nil")

        let second = try await client.placeOrder(aapl, Order.market("SELL", 1))
        #expect(second.orderId == handle.orderId + 1)
        await client.disconnect()
        await server.stop()
    }

    @Test func aRestingLimitOrderIsListedThenCancelled() async throws {
        let server = try await ScriptedServer.start()
        let client = try await connectedClient(server)
        let handle = try await client.placeOrder(aapl, Order.limit("BUY", 10, at: 150))
        let (events, _) = Recorder.record(handle.events)
        try await waitUntil("Submitted") {
            events.events.contains { if case .status(let s) = $0 { s.status == .submitted } else { false } }
        }
        let open = try await client.openOrders()
        #expect(open.map(\.order.orderId) == [handle.orderId])
        #expect(open.first?.status?.status == .submitted)

        try await client.cancelOrder(handle.orderId)
        try await waitUntil("the stream ends") { events.isFinished }
        let statuses = events.events.compactMap { if case .status(let s) = $0 { s.status } else { nil } }
        #expect(statuses == [.preSubmitted, .submitted, .cancelled])
        #expect(events.events.contains { if case .notice(let n) = $0 { n.code == 202 } else { false } })
        #expect(try await client.openOrders().isEmpty)
        await client.disconnect()
        await server.stop()
    }

    @Test func aRejectedOrderEndsInactiveWithTheReason() async throws {
        let server = try await ScriptedServer.start { $0.fillMarketOrders = false }
        let client = try await connectedClient(server)
        let handle = try await client.placeOrder(aapl, Order.limit("BUY", 10, at: 150))
        let (events, _) = Recorder.record(handle.events)
        try await waitUntil("Submitted") { events.events.count >= 2 }
        server.send(.error(ErrorMessage(id: handle.orderId, code: 201, message: "Order rejected - reason:insufficient buying power")))
        try await waitUntil("the stream ends") { events.isFinished }
        guard case .status(let last)? = events.events.last else { throw TimedOut(description: "no final status") }
        #expect(last.status == .inactive)
        #expect(last.reason == "Order rejected - reason:insufficient buying power")
        await client.disconnect()
        await server.stop()
    }

    @Test func executionsComeWithTheirCommissions() async throws {
        let server = try await ScriptedServer.start()
        let client = try await connectedClient(server)
        let handle = try await client.placeOrder(aapl, Order.market("BUY", 5))
        let (events, _) = Recorder.record(handle.events)
        try await waitUntil("filled") { events.isFinished }
        let reports = try await client.executions()
        #expect(reports.map(\.execution.orderId) == [handle.orderId])
        #expect(reports.first?.commission?.commission == 1.0)
        #expect(reports.first?.contract.symbol == "AAPL")
        await client.disconnect()
        await server.stop()
    }
}

@Suite(.timeLimit(.minutes(1))) struct UnsentOrderTests {
    @Test func anOrderStillQueuedWhenTheConnectionDropsIsReportedNeverSent() async throws {
        let server = try await ScriptedServer.start()
        let client = try await connectedClient(server)
        var tasks: [Task<Void, Never>] = []
        for index in 0..<80 {   // a pacing backlog of well over a second
            tasks.append(Recorder.record(await client.subscribeQuotes(Contract(symbol: "Q\(index)"))).1)
        }
        let handle = try await client.placeOrder(aapl, Order.market("BUY", 1))
        let (events, _) = Recorder.record(handle.events)
        server.closeLatest()

        try await waitUntil("the order's stream ends") { events.isFinished }
        guard case .status(let status)? = events.events.last else { throw TimedOut(description: "no status") }
        #expect(status.status == .apiCancelled)
        #expect(status.reason?.hasPrefix("the order was never sent") == true)
        #expect(!server.received.contains { if case .placeOrder = $0.message { true } else { false } })
        await client.disconnect()
        for task in tasks { task.cancel() }
        await server.stop()
    }
}
