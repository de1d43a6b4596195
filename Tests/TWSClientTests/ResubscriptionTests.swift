import Testing
import TWSClient
import TWSSession
import TWSWire
import Vocabulary

@Suite(.timeLimit(.minutes(1))) struct ResubscriptionTests {
    @Test func afterAReconnectEverySubscriptionIsSentOnceInOrderAndOrdersAreReconciledOnce() async throws {
        let symbols = ["AAPL", "MSFT", "GOOG", "AMZN", "TSLA"]
        let server = try await ScriptedServer.start { book in
            for (index, symbol) in symbols.enumerated() {
                book.quotes[symbol] = (bid: Double(index), ask: Double(index) + 1, last: Double(index), volume: 1)
            }
        }
        let client = try await connectedClient(server)
        var tasks: [Task<Void, Never>] = []
        var recorders: [Recorder<QuoteEvent>] = []
        for symbol in symbols {
            let (recorder, task) = Recorder.record(await client.subscribeQuotes(Contract(symbol: symbol)))
            recorders.append(recorder)
            tasks.append(task)
        }
        let (positions, positionsTask) = Recorder.record(await client.positions())
        let (summary, summaryTask) = Recorder.record(await client.accountSummary(tags: "NetLiquidation"))
        let (pnl, pnlTask) = Recorder.record(await client.profitAndLoss(account: "DU1234567"))
        let resting = try await client.placeOrder(aapl, Order.limit("BUY", 10, at: 1))
        let (orderEvents, _) = Recorder.record(resting.events)
        try await waitUntil("order working") { orderEvents.events.count >= 2 }
        let quoteRecorders = recorders
        try await waitUntil("every quote ticking") { quoteRecorders.allSatisfy { $0.events.count > 1 } }
        let firstIDs = Set(server.messages(on: 0).compactMap(\.marketDataRequestID))

        // While the link is down the resting order fills; the gateway restarts its ids at 1.
        server.update { book in
            book.nextValidID = 1
            let (contract, order) = book.openOrders.removeValue(forKey: resting.orderId)!
            var execution = Execution()
            execution.orderId = order.orderId
            execution.execId = "0000e0d5.ff.01.01"
            execution.shares = FixedDecimal(10)
            execution.cumQty = FixedDecimal(10)
            execution.price = 0.99
            execution.avgPrice = 0.99
            execution.side = "BOT"
            book.executions.append(ExecutionData(reqId: -1, contract: contract, execution: execution))
            book.commissions.append(CommissionReport(execId: execution.execId, commission: 1, currency: "USD", realizedPNL: nil))
        }
        server.closeLatest()
        let (late, lateTask) = Recorder.record(await client.subscribeQuotes(Contract(symbol: "NVDA")))   // while down

        try await waitUntil("usable on the second connection") {
            await client.connectionStatus.isUsable && server.connectionCount == 2
        }
        let resent = server.messages(on: 1)
        #expect(resent.compactMap(\.marketDataSymbol) == symbols + ["NVDA"], "each quote once, in subscription order")
        #expect(resent.filter { $0 == .requestPositions }.count == 1)
        #expect(resent.filter { if case .requestAccountSummary = $0 { true } else { false } }.count == 1)
        #expect(resent.filter { if case .requestPnL = $0 { true } else { false } }.count == 1)
        let secondIDs = resent.compactMap(\.marketDataRequestID)
        #expect(Set(secondIDs).count == secondIDs.count && Set(secondIDs).isDisjoint(with: firstIDs), "fresh, unique ticker ids")
        #expect(!resent.contains { if case .placeOrder = $0 { true } else { false } }, "no order is re-sent")

        try await waitUntil("the filled order's stream ends") { orderEvents.isFinished }
        let executions = orderEvents.events.filter { if case .execution = $0 { true } else { false } }
        #expect(executions.count == 1, "the fill is reported once")
        let order = orderEvents.events.compactMap { event -> String? in
            switch event {
            case .gap: "gap"
            case .resumed: "resumed"
            case .status(let s): "\(s.status)"
            default: nil
            }
        }
        #expect(order == ["PreSubmitted", "Submitted", "gap", "Filled"], "filled during the outage, learnt on reconcile")
        let next = try await client.placeOrder(aapl, Order.limit("BUY", 1, at: 1))
        #expect(next.orderId == resting.orderId + 1, "order ids never go back, though nextValidId said 1")
        try await waitUntil("NVDA resumed ticking") { late.events.contains { if case .update = $0 { true } else { false } } }
        for recorder in recorders + [late] {
            #expect(recorder.events.filter { $0 == .resumed }.count <= 1)
        }
        #expect(positions.events.contains { if case .end = $0 { true } else { false } })
        _ = summary
        _ = pnl

        await client.disconnect()
        for task in tasks + [positionsTask, summaryTask, pnlTask, lateTask] { task.cancel() }
        await server.stop()
    }
}
