import PaperExchange
import PaperGateway
import Testing
import TWSWire
import Vocabulary

/// The gateway answers like IB or says no: a what-if order never trades, and a request the
/// gateway does not serve is refused at once for its request id instead of left unanswered.
@Suite struct WhatIfAndUnservedTests {
    @Test func aWhatIfOrderReportsMarginAndCommissionAndTradesNothing() async throws {
        let gateway = try await GatewayFixture.make()
        let client = try await gateway.connect(clientId: 3)
        _ = try await OrderTests.ask(of: "AAPL", client: client, reqId: 1)
        var order = TWSWire.Order(action: "BUY", totalQuantity: FixedDecimal(100), orderType: "MKT", tif: "DAY")
        order.orderId = 20
        order.whatIf = true
        try await client.send(.placeOrder(PlaceOrder(contract: .stock("AAPL"), order: order)))
        let answer = try await client.next("the what-if answer") { message -> OpenOrder? in
            if case let .openOrder(o) = message, o.order.orderId == 20 { return o }
            return nil
        }
        #expect(answer.order.whatIf)
        let state = answer.orderState
        let before = try #require(Double(state.initMarginBefore))
        let after = try #require(Double(state.initMarginAfter))
        let change = try #require(Double(state.initMarginChange))
        #expect(after > before && abs(change - (after - before)) < 0.01, "100 AAPL raise the initial margin")
        #expect(Double(state.maintMarginChange).map { $0 > 0 } == true)
        #expect(Double(state.equityWithLoanBefore) != nil && Double(state.equityWithLoanAfter) != nil)
        #expect((state.commissionAndFees ?? 0) > 0 && state.commissionAndFeesCurrency == "USD")

        // Nothing traded: no status, no execution, no position, no open order.
        try await client.send(.requestPositions)
        var seen: [ServerMessage] = []
        _ = try await client.next("positions end") { message -> Bool? in
            seen.append(message)
            return message == .positionEnd ? true : nil
        }
        #expect(!seen.contains { if case let .position(p) = $0 { p.contract.symbol == "AAPL" } else { false } })
        #expect(!seen.contains { if case .executionData = $0 { true } else { false } })
        #expect(!seen.contains { if case .orderStatus = $0 { true } else { false } })
        try await client.send(.requestOpenOrders)
        seen = []
        _ = try await client.next("open orders end") { message -> Bool? in
            seen.append(message)
            return message == .openOrderEnd ? true : nil
        }
        #expect(!seen.contains { if case .openOrder = $0 { true } else { false } })
        try await gateway.server.stop()
    }

    /// Requests the gateway does not serve, with where their request id is (field index after
    /// the message id), as IB's client writes them at server version 200.
    static let unservedWithRequestID: [(id: Int, fields: [String], reqId: Int)] = [
        (52, ["2", "43", "0", "AAPL", "STK", "SMART", "", "USD", "", "ReportSnapshot", ""], 43),  // reqFundamentalData
    ]

    @Test func everyUnservedRequestIsRefusedForItsRequestIDAndTheLinkStays() async throws {
        let gateway = try await GatewayFixture.make()
        let client = try await gateway.connect(clientId: 3)
        for request in Self.unservedWithRequestID {
            try await client.send(.unknown(id: request.id, fields: request.fields))
            let error = try await client.next("an answer to message \(request.id)") { message -> ErrorMessage? in
                if case let .error(e) = message, e.id == request.reqId { return e }
                return nil
            }
            #expect(error.code == 321, "message \(request.id)")
            #expect(error.message.contains("does not serve"), "\(error.message)")
        }
        // Requests without a request id get an empty answer of their own kind.
        try await client.send(.unknown(id: 85, fields: []))  // reqNewsProviders
        _ = try await client.next("news providers") { message -> Bool? in
            if case let .unknown(id, fields) = message, id == 85, fields == ["0"] { return true }
            return nil
        }
        // A message id nobody knows: IB's 505, and the connection stays.
        try await client.send(.unknown(id: 999, fields: ["1"]))
        let unknown = try await client.next("505") { message -> ErrorMessage? in
            if case let .error(e) = message, e.code == 505 { return e }
            return nil
        }
        #expect(unknown.id == -1)
        try await client.send(.requestCurrentTime)
        _ = try await client.next("still served") { if case .currentTime = $0 { true } else { nil } }
        try await gateway.server.stop()
    }
}
