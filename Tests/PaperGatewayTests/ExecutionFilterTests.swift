import PaperExchange
import PaperGateway
import Testing
import TWSWire

/// reqExecutions honours every field of its filter.
@Suite struct ExecutionFilterTests {
    static func executions(_ client: WireTestClient, reqId: Int, _ edit: (inout ExecutionFilter) -> Void) async throws -> [ExecutionData] {
        var filter = ExecutionFilter()
        edit(&filter)
        try await client.send(.requestExecutions(RequestExecutions(reqId: reqId, filter: filter)))
        _ = try await client.next { if case .executionDataEnd(reqId) = $0 { true } else { nil } }
        return client.all.compactMap { if case let .executionData(e) = $0, e.reqId == reqId { e } else { nil } }
    }

    @Test func filtersByAccountTimeExchangeAndDays() async throws {
        let gateway = try await GatewayFixture.make()
        let client = try await gateway.connect(clientId: 3)
        let ask = try await OrderTests.ask(of: "AAPL", client: client, reqId: 1)
        try await OrderTests.place(client, id: 10, symbol: "AAPL", quantity: 10, type: "LMT", limit: ((ask + 0.05) * 100).rounded() / 100)
        _ = try await OrderTests.status(client, id: 10, "Filled")
        // The fixture's clock: 2025-11-24 11:00 New York; the fill is on NASDAQ.
        #expect(try await Self.executions(client, reqId: 2) { _ in }.count == 1)
        #expect(try await Self.executions(client, reqId: 3) { $0.acctCode = "DU0000001" }.count == 1)
        #expect(try await Self.executions(client, reqId: 4) { $0.acctCode = "DU9999999" }.isEmpty)
        #expect(try await Self.executions(client, reqId: 5) { $0.time = "20251124 10:59:00" }.count == 1)
        #expect(try await Self.executions(client, reqId: 6) { $0.time = "20251124-16:01:00" }.isEmpty)
        #expect(try await Self.executions(client, reqId: 7) { $0.exchange = "NASDAQ" }.count == 1)
        #expect(try await Self.executions(client, reqId: 8) { $0.exchange = "ARCA" }.isEmpty)
        #expect(try await Self.executions(client, reqId: 9) { $0.lastNDays = 1 }.count == 1)
        #expect(try await Self.executions(client, reqId: 10) { $0.specificDates = [20251124] }.count == 1)
        #expect(try await Self.executions(client, reqId: 11) { $0.specificDates = [20251121] }.isEmpty)
        try await client.send(.requestExecutions(RequestExecutions(reqId: 12, filter: { var f = ExecutionFilter(); f.time = "yesterday"; return f }())))
        #expect(try await client.next { if case let .error(e) = $0, e.id == 12 { e } else { nil } }.code == 321)
        try await gateway.server.stop()
    }
}
