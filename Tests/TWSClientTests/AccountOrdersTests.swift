import Testing
import TWSClient
import TWSWire
import Vocabulary

/// Every client's open orders and the day's completed orders, next to the client's own
/// reconciliation.
@Suite(.timeLimit(.minutes(1))) struct AccountOrdersTests {
    /// A resting order placed by client 3 under order id 40.
    static func otherClientsOrder() -> (Contract, Order) {
        var order = Order.limit("BUY", 10, at: 100)
        order.orderId = 40
        order.clientId = 3
        order.permId = 9040
        return (aapl, order)
    }

    @Test func listsEveryClientsOpenOrdersWithTheirOwnerAndIssuesHigherIDsAfterwards() async throws {
        let server = try await ScriptedServer.start { $0.openOrders[40] = Self.otherClientsOrder() }
        let client = try await connectedClient(server)
        let reports = try await client.allOpenOrders()
        #expect(reports.map(\.order.orderId) == [40])
        #expect(reports.first?.order.clientId == 3)
        #expect(reports.first?.status?.status == .submitted)
        #expect(server.messages(on: 0).contains { if case .requestAllOpenOrders = $0 { true } else { false } })
        // IB: after reqAllOpenOrders the client's next ids exceed every id listed.
        #expect((await client.nextOrderID ?? 0) > 40)
        await client.disconnect()
        await server.stop()
    }

    @Test func ownAndAllOpenOrdersAskedTogetherGoOutOneAfterTheOther() async throws {
        let server = try await ScriptedServer.start { $0.openOrders[40] = Self.otherClientsOrder() }
        let client = try await connectedClient(server)
        async let own = client.openOrders()
        async let all = client.allOpenOrders()
        let (ownReports, allReports) = try await (own, all)
        #expect(ownReports.count == 1 && allReports.count == 1)
        let asked = server.messages(on: 0).filter {
            switch $0 {
            case .requestOpenOrders, .requestAllOpenOrders: true
            default: false
            }
        }
        // One REQ_OPEN_ORDERS from reconciliation, then the two requests, each after the other's end.
        #expect(asked.count == 3)
        await client.disconnect()
        await server.stop()
    }

    @Test func returnsTheDaysCompletedOrders() async throws {
        var order = Order.limit("SELL", 5, at: 120)
        order.permId = 9041
        order.filledQuantity = FixedDecimal(5)
        var state = OrderState(status: "Filled")
        state.completedStatus = "Filled Size: 5"
        state.completedTime = "20261203  10:00:00"
        let completed = CompletedOrder(contract: msft, order: order, orderState: state)
        let server = try await ScriptedServer.start { $0.completedOrders = [completed] }
        let client = try await connectedClient(server)
        let orders = try await client.completedOrders()
        #expect(orders.count == 1)
        #expect(orders.first?.order.permId == 9041)
        #expect(orders.first?.orderState.completedStatus == "Filled Size: 5")
        #expect(server.messages(on: 0).contains { if case .requestCompletedOrders = $0 { true } else { false } })
        await client.disconnect()
        await server.stop()
    }
}

extension AccountOrdersTests {
    @Test func asksTheGatewayForTheNextValidOrderID() async throws {
        let server = try await ScriptedServer.start { $0.nextValidID = 10 }
        let client = try await connectedClient(server)
        server.update { $0.nextValidID = 25 }   // another client placed orders 10...24
        #expect(try await client.nextValidOrderID() == 25)
        #expect(await client.nextOrderID == 25)
        #expect(server.messages(on: 0).contains { if case .requestIDs = $0 { true } else { false } })
        await client.disconnect()
        await server.stop()
    }
}
