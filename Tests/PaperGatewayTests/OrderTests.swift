import PaperExchange
import PaperGateway
import Testing
import TWSWire
import Vocabulary

@Suite struct OrderTests {
    static func ask(of symbol: String, client: WireTestClient, reqId: Int) async throws -> Double {
        try await client.send(.requestMarketData(RequestMarketData(reqId: reqId, contract: .stock(symbol))))
        return try await client.next { message -> Double? in
            if case let .tickPrice(t) = message, t.reqId == reqId, t.tickType == .ask { return t.price }
            return nil
        }
    }

    static func place(
        _ client: WireTestClient, id: Int, symbol: String, action: String = "BUY", quantity: Int, type: String,
        limit: Double? = nil, tif: String = "DAY"
    ) async throws {
        var order = TWSWire.Order(
            action: action, totalQuantity: FixedDecimal(quantity), orderType: type, lmtPrice: limit, tif: tif)
        order.orderId = id
        try await client.send(.placeOrder(PlaceOrder(contract: .stock(symbol), order: order)))
    }

    static func status(_ client: WireTestClient, id: Int, _ wanted: String) async throws -> OrderStatusMessage {
        try await client.next("status \(wanted) of \(id)") { message -> OrderStatusMessage? in
            if case let .orderStatus(s) = message, s.orderId == id, s.status == wanted { return s }
            return nil
        }
    }

    @Test func fillsAMarketableLimitBuyWithExecutionAndCommission() async throws {
        let gateway = try await GatewayFixture.make()
        let client = try await gateway.connect(clientId: 3)
        let ask = try await Self.ask(of: "AAPL", client: client, reqId: 1)
        try await Self.place(client, id: 10, symbol: "AAPL", quantity: 10, type: "LMT", limit: ((ask + 0.05) * 100).rounded() / 100)
        let open = try await client.next { message -> OpenOrder? in
            if case let .openOrder(o) = message, o.order.orderId == 10 { return o }
            return nil
        }
        #expect(open.contract.conId == 265598)
        #expect(open.order.clientId == 3)
        let execution = try await client.next { message -> ExecutionData? in
            if case let .executionData(e) = message { return e }
            return nil
        }
        #expect(execution.reqId == -1)
        #expect(execution.execution.side == "BOT")
        let filled = try await Self.status(client, id: 10, "Filled")
        #expect(filled.filled == FixedDecimal(10) && filled.remaining == .zero)
        #expect(filled.avgFillPrice > 0 && filled.avgFillPrice <= ask + 0.11)
        let commission = try await client.next { message -> TWSWire.CommissionReport? in
            if case let .commissionReport(c) = message { return c }
            return nil
        }
        #expect(commission.execId == execution.execution.execId)
        #expect(commission.commission >= 0.35)
        #expect(client.decodeErrors.isEmpty)
        try await gateway.server.stop()
    }

    @Test func cancelsARestingOrder() async throws {
        let gateway = try await GatewayFixture.make()
        let client = try await gateway.connect()
        let ask = try await Self.ask(of: "MSFT", client: client, reqId: 1)
        let far = ((ask * 0.8) * 100).rounded() / 100
        try await Self.place(client, id: 20, symbol: "MSFT", quantity: 5, type: "LMT", limit: far, tif: "GTC")
        _ = try await Self.status(client, id: 20, "Submitted")
        try await client.send(.cancelOrder(CancelOrder(orderId: 20)))
        let cancelled = try await Self.status(client, id: 20, "Cancelled")
        #expect(cancelled.remaining == .zero)
        let error = try await client.next { message -> ErrorMessage? in
            if case let .error(e) = message, e.code == 202 { return e }
            return nil
        }
        #expect(error.id == 20)
        // Cancel again: the order is no longer open.
        try await client.send(.cancelOrder(CancelOrder(orderId: 20)))
        #expect(try await client.next { $0.errorCode } == 10148)
        try await gateway.server.stop()
    }

    @Test func rejectsInvalidOrdersWithIBCodes() async throws {
        let gateway = try await GatewayFixture.make()
        let client = try await gateway.connect()
        let ask = try await Self.ask(of: "SPY", client: client, reqId: 1)
        try await Self.place(client, id: 30, symbol: "SPY", quantity: 0, type: "MKT")
        #expect(try await client.next { $0.errorCode } == 434)
        try await Self.place(client, id: 31, symbol: "SPY", quantity: 1, type: "LMT", limit: ask - 0.005)
        #expect(try await client.next { $0.errorCode } == 110)
        try await Self.place(client, id: 32, symbol: "NOPE", quantity: 1, type: "MKT")
        #expect(try await client.next { $0.errorCode } == 200)
        try await Self.place(client, id: 33, symbol: "SPY", quantity: 1, type: "MKT")
        _ = try await Self.status(client, id: 33, "Filled")
        try await Self.place(client, id: 33, symbol: "SPY", quantity: 1, type: "MKT")
        let code = try await client.next { $0.errorCode }
        #expect(code == 103 || code == 104)
        try await Self.place(client, id: 34, symbol: "SPY", quantity: 1, type: "TRAIL")
        #expect(try await client.next { $0.errorCode } == 201)
        // Still serving.
        try await client.send(.requestIDs(numIds: 1))
        let next = try await client.next { message -> Int? in
            if case let .nextValidId(n) = message { return n.orderId }
            return nil
        }
        #expect(next >= 35)
        try await gateway.server.stop()
    }

    @Test func fillsALargeOrderPartiallyOverSeveralTicks() async throws {
        let gateway = try await GatewayFixture.make()
        let client = try await gateway.connect()
        _ = try await Self.ask(of: "IWM", client: client, reqId: 1)
        try await Self.place(client, id: 40, symbol: "IWM", quantity: 20_000, type: "MKT")
        let partial = try await Self.status(client, id: 40, "Submitted")
        #expect(partial.filled > .zero || partial.remaining == FixedDecimal(20_000))
        for _ in 0..<120 { try await gateway.advance(milliseconds: 500) }
        let done = try await Self.status(client, id: 40, "Filled")
        #expect(done.filled == FixedDecimal(20_000))
        let executions = client.all.filter { if case .executionData = $0 { true } else { false } }
        #expect(executions.count > 1)
        try await gateway.server.stop()
    }

    @Test func globalCancelCancelsEveryOpenOrder() async throws {
        let gateway = try await GatewayFixture.make()
        let client = try await gateway.connect()
        let ask = try await Self.ask(of: "QQQ", client: client, reqId: 1)
        let far = ((ask * 0.7) * 100).rounded() / 100
        for id in 50..<53 { try await Self.place(client, id: id, symbol: "QQQ", quantity: 1, type: "LMT", limit: far) }
        _ = try await Self.status(client, id: 52, "Submitted")
        try await client.send(.requestGlobalCancel(RequestGlobalCancel()))
        for id in 50..<53 { _ = try await Self.status(client, id: id, "Cancelled") }
        try await client.send(.requestOpenOrders)
        _ = try await client.next { if case .openOrderEnd = $0 { true } else { nil } }
        try await gateway.server.stop()
    }
}
