import PaperExchange
import PaperGateway
import Testing
import TWSWire
import Vocabulary

/// The account's orders across client ids: who may cancel what, and the day's completed orders.
@Suite struct AccountOrdersTests {
    @Test func onlyTheClientThatPlacedAnOrderMayCancelItButGlobalCancelReachesAll() async throws {
        let gateway = try await GatewayFixture.make()
        let owner = try await gateway.connect(clientId: 7)
        let other = try await gateway.connect(clientId: 1)
        let ask = try await OrderTests.ask(of: "MSFT", client: owner, reqId: 1)
        let far = ((ask * 0.8) * 100).rounded() / 100
        try await OrderTests.place(owner, id: 60, symbol: "MSFT", quantity: 5, type: "LMT", limit: far, tif: "GTC")
        _ = try await OrderTests.status(owner, id: 60, "Submitted")

        // Client 1 sees it among all open orders, owned by client 7 ...
        try await other.send(.requestAllOpenOrders)
        let listed = try await other.next { message -> OpenOrder? in
            if case let .openOrder(o) = message, o.order.orderId == 60 { return o }
            return nil
        }
        #expect(listed.order.clientId == 7)
        // ... but cannot cancel it: as in TWS, the id names no order of client 1 (10147).
        try await other.send(.cancelOrder(CancelOrder(orderId: 60)))
        let refusal = try await other.next { message -> ErrorMessage? in
            if case let .error(e) = message, e.id == 60 { return e }
            return nil
        }
        #expect(refusal.code == 10147)
        try await owner.send(.requestOpenOrders)
        _ = try await owner.next { message -> OpenOrder? in
            if case let .openOrder(o) = message, o.order.orderId == 60, o.orderState.status == "Submitted" { return o }
            return nil
        }

        // A new connection under client id 7 may cancel it, as IB allows the owner's client id.
        await owner.close()
        let ownerAgain = try await gateway.connect(clientId: 7)
        try await ownerAgain.send(.cancelOrder(CancelOrder(orderId: 60)))
        _ = try await OrderTests.status(ownerAgain, id: 60, "Cancelled")
        #expect(try await ownerAgain.next { message -> Int? in
            if case let .error(e) = message, e.id == 60 { return e.code }
            return nil
        } == 202)

        // reqGlobalCancel cancels every client's orders.
        try await OrderTests.place(ownerAgain, id: 61, symbol: "MSFT", quantity: 5, type: "LMT", limit: far, tif: "GTC")
        _ = try await OrderTests.status(ownerAgain, id: 61, "Submitted")
        try await other.send(.requestGlobalCancel(RequestGlobalCancel()))
        _ = try await OrderTests.status(ownerAgain, id: 61, "Cancelled")
        try await gateway.server.stop()
    }

    @Test func answersCompletedOrdersWithTheDaysFilledAndCancelledOrders() async throws {
        let gateway = try await GatewayFixture.make()
        let client = try await gateway.connect(clientId: 3)
        let ask = try await OrderTests.ask(of: "AAPL", client: client, reqId: 1)
        try await OrderTests.place(client, id: 70, symbol: "AAPL", quantity: 10, type: "MKT")
        let filled = try await OrderTests.status(client, id: 70, "Filled")
        let far = ((ask * 0.8) * 100).rounded() / 100
        try await OrderTests.place(client, id: 71, symbol: "AAPL", quantity: 5, type: "LMT", limit: far)
        let working = try await OrderTests.status(client, id: 71, "Submitted")
        try await client.send(.cancelOrder(CancelOrder(orderId: 71)))
        let cancelled = try await OrderTests.status(client, id: 71, "Cancelled")
        try await OrderTests.place(client, id: 72, symbol: "AAPL", quantity: 5, type: "LMT", limit: far)
        _ = try await OrderTests.status(client, id: 72, "Submitted")

        // A second client (any client id) asks: the completed orders, not the working one.
        let other = try await gateway.connect(clientId: 9)
        try await other.send(.requestCompletedOrders(apiOnly: false))
        var completed: [CompletedOrder] = []
        while true {
            let message = try await other.next { message -> ServerMessage? in
                switch message {
                case .completedOrder, .completedOrdersEnd: message
                default: nil
                }
            }
            guard case let .completedOrder(order) = message else { break }
            completed.append(order)
        }
        #expect(completed.map(\.order.permId) == [filled.permId, cancelled.permId])
        #expect(!completed.contains { $0.order.permId == working.permId && $0.orderState.status == "Submitted" })
        let first = try #require(completed.first)
        #expect(first.contract.symbol == "AAPL")
        #expect(first.order.action == "BUY" && first.order.totalQuantity == FixedDecimal(10))
        #expect(first.orderState.status == "Filled" && first.orderState.completedStatus == "Filled Size: 10")
        #expect(first.order.filledQuantity == FixedDecimal(10))
        #expect(!first.orderState.completedTime.isEmpty)
        #expect(completed.last?.orderState.status == "Cancelled")
        #expect(completed.last?.orderState.completedStatus == "Cancelled by Trader")
        #expect(other.decodeErrors.isEmpty)
        try await gateway.server.stop()
    }
}
