import Testing
import TWSClient
import TWSSession
import TWSWire

@Suite(.timeLimit(.minutes(1))) struct ChosenOrderIDTests {
    @Test func ordersCanBePlacedUnderAChosenIdThatIsNeverReused() async throws {
        let server = try await ScriptedServer.start()
        let client = try await connectedClient(server)
        let next = try #require(await client.nextOrderID)
        let chosen = try await client.placeOrder(aapl, Order.limit("BUY", 10, at: 150), orderId: next + 5)
        #expect(chosen.orderId == next + 5)
        #expect(await client.nextOrderID == next + 6)
        await #expect(throws: TWSClientError.self) { _ = try await client.placeOrder(aapl, Order.limit("BUY", 1, at: 150), orderId: next) }
        let automatic = try await client.placeOrder(aapl, Order.limit("BUY", 1, at: 150))
        #expect(automatic.orderId == next + 6)
        await client.disconnect()
        await server.stop()
    }
}
