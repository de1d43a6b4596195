import Testing
import TWSClient
import TWSWire
import Vocabulary

/// Orders this connection did not place: what the gateway reports of them unasked reaches
/// `orderActivity()`; orders placed here report on their handles only, and a what-if answer
/// is never an order.
@Suite(.timeLimit(.minutes(1))) struct OrderActivityTests {
    @Test func anEarlierRunsOrderReportedUnaskedReachesTheActivityStream() async throws {
        let server = try await ScriptedServer.start()
        let client = try await connectedClient(server)
        let (activity, _) = Recorder.record(await client.orderActivity())
        // Order 40 of this client id (7), placed by an earlier connection, fills now.
        var order = Order.market("BUY", 7)
        order.orderId = 40
        order.clientId = 7
        order.permId = 9040
        server.send(.openOrder(OpenOrder(contract: aapl, order: order, orderState: OrderState(status: "Submitted"))))
        server.send(.orderStatus(OrderStatusMessage(
            orderId: 40, status: "Filled", filled: FixedDecimal(7), remaining: .zero, avgFillPrice: 201.5,
            permId: 9040, lastFillPrice: 201.5, clientId: 7)))
        var execution = Execution()
        execution.orderId = 40
        execution.execId = "0001.40"
        execution.side = "BOT"
        execution.shares = FixedDecimal(7)
        execution.price = 201.5
        server.send(.executionData(ExecutionData(reqId: -1, contract: aapl, execution: execution)))
        server.send(.commissionReport(CommissionReport(execId: "0001.40", commission: 1, currency: "USD", realizedPNL: nil)))
        try await waitUntil("four activities") { activity.events.count >= 4 }
        let events = activity.events
        guard case let .openOrder(report) = events[0] else { Issue.record("not an open order: \(events[0])"); return }
        #expect(report.order.orderId == 40 && report.order.clientId == 7)
        guard case let .status(status) = events[1] else { Issue.record("not a status: \(events[1])"); return }
        #expect(status.status == .filled && status.filled == FixedDecimal(7))
        guard case let .execution(fill) = events[2] else { Issue.record("not a fill: \(events[2])"); return }
        #expect(fill.execution.execId == "0001.40")
        guard case let .commission(commission) = events[3] else { Issue.record("not a commission: \(events[3])"); return }
        #expect(commission.execId == "0001.40")
        await client.disconnect()
        await server.stop()
    }

    @Test func anOrderPlacedHereReportsOnItsHandleOnlyAndAWhatIfAnswerIsNoOrder() async throws {
        let server = try await ScriptedServer.start { $0.quotes["AAPL"] = (bid: 201.9, ask: 201.94, last: 201.92, volume: 1) }
        let client = try await connectedClient(server)
        let (activity, _) = Recorder.record(await client.orderActivity())
        let handle = try await client.placeOrder(aapl, Order.market("BUY", 200))
        let (events, _) = Recorder.record(handle.events)
        try await waitUntil("the order's stream ends") { events.isFinished }
        // A what-if's answer that no what-if of this connection waits for (a replay's).
        var whatIf = Order.limit("BUY", 10, at: 150)
        whatIf.orderId = 77
        whatIf.whatIf = true
        server.send(.openOrder(OpenOrder(contract: aapl, order: whatIf, orderState: OrderState(status: "PreSubmitted"))))
        // A marker after them: an unasked status of another order arrives after every one of them.
        server.send(.orderStatus(OrderStatusMessage(
            orderId: 999, status: "Cancelled", filled: .zero, remaining: FixedDecimal(1), avgFillPrice: 0,
            permId: 0, lastFillPrice: 0, clientId: 7)))
        try await waitUntil("the marker") { !activity.events.isEmpty }
        #expect(activity.events.count == 1, "\(activity.events)")
        if case let .status(update) = activity.events.first { #expect(update.orderId == 999) }
        await client.disconnect()
        await server.stop()
    }
}
