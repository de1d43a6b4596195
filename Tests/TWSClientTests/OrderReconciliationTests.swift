import Testing
import TWSClient
import TWSSession
import TWSWire

/// Orders under way when the link drops, that the gateway no longer has open after the
/// reconnect. Found by `ibterm-bench soak`: their streams used to stay open forever with no
/// status (the dashboard showed them pending although the gateway never had them).
@Suite(.timeLimit(.minutes(1))) struct OrderReconciliationTests {
    private func statuses(_ events: [OrderEvent]) -> [OrderStatusUpdate] {
        events.compactMap { if case .status(let update) = $0 { update } else { nil } }
    }

    @Test func anOrderSentIntoAHalfOpenConnectionEndsApiCancelledWhenTheGatewayNeverGotIt() async throws {
        let server = try await ScriptedServer.start()
        let client = try await connectedClient(server)
        server.silenceLatest()   // the gateway reads nothing and answers nothing from here on
        let handle = try await client.placeOrder(aapl, Order.limit("BUY", 5, at: 1))
        let (events, task) = Recorder.record(handle.events)

        try await waitUntil("usable on a new socket", timeout: .seconds(30)) {
            await client.connectionStatus.isUsable && server.connectionCount == 2
        }
        try await waitUntil("the order's stream ends") { events.isFinished }
        let final = try #require(statuses(events.events).last)
        #expect(final.status == .apiCancelled)
        #expect(final.filled == .zero)
        #expect(final.reason?.contains("never received") == true, "\(final.reason ?? "no reason")")
        #expect(events.events.contains { if case .gap = $0 { true } else { false } })
        #expect(!server.messages(on: 1).contains { if case .placeOrder = $0 { true } else { false } }, "the order is not re-sent")
        let next = try await client.placeOrder(aapl, Order.limit("BUY", 1, at: 1))
        #expect(next.orderId > handle.orderId, "its id is not reused")

        task.cancel()
        await client.disconnect()
        await server.stop()
    }

    @Test func aWorkingOrderEndedWhileTheLinkWasDownEndsCancelledWithItsFills() async throws {
        let server = try await ScriptedServer.start()
        let client = try await connectedClient(server)
        let handle = try await client.placeOrder(aapl, Order.limit("BUY", 5, at: 1))
        let (events, task) = Recorder.record(handle.events)
        try await waitUntil("working") { statuses(events.events).contains { $0.status == .submitted } }

        server.update { $0.openOrders[handle.orderId] = nil }   // cancelled at the gateway while we are away
        server.closeLatest()

        try await waitUntil("the order's stream ends", timeout: .seconds(30)) { events.isFinished }
        let final = try #require(statuses(events.events).last)
        #expect(final.status == .cancelled)
        #expect(final.permId != 0, "the gateway's permId is kept")
        #expect(final.reason?.contains("no longer open") == true, "\(final.reason ?? "no reason")")

        task.cancel()
        await client.disconnect()
        await server.stop()
    }

    @Test func anOrderStillOpenAtTheGatewayStaysWorkingAcrossTheReconnect() async throws {
        let server = try await ScriptedServer.start()
        let client = try await connectedClient(server)
        let handle = try await client.placeOrder(aapl, Order.limit("BUY", 5, at: 1))
        let (events, task) = Recorder.record(handle.events)
        try await waitUntil("working") { statuses(events.events).contains { $0.status == .submitted } }

        server.closeLatest()
        try await waitUntil("resumed", timeout: .seconds(30)) { events.events.contains(.resumed) }
        #expect(!events.isFinished)
        #expect(statuses(events.events).allSatisfy { !$0.status.isFinal })

        task.cancel()
        await client.disconnect()
        await server.stop()
    }
}
