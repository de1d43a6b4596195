import Testing
@testable import Dashboard
import Vocabulary

/// The client-id pool as the dashboard sees it (#16 item 3), and notices worded with what their
/// request id stood for (#16 item 4).
@Suite struct ClientIDAndContextTests {
    /// Connected as client id 1 with a working BUY 100 AAPL LMT 231.20 (order 100) placed here.
    private func harnessWithWorkingOrder() -> DashboardHarness {
        var harness = DashboardHarness.withLiveAAPL()
        harness.send(.clientID(1))
        harness.user(.runCommand("buy 100 AAPL lmt 231.20"))
        harness.user(.submit)
        harness.user(.submit)
        harness.send(.orderStatus(OrderStatusReport(orderID: 100, status: .submitted, filled: 0, remaining: 100)))
        harness.allEffects = []
        return harness
    }

    @Test func aRefusedIdMovesToTheNextAndSaysSo() throws {
        var harness = DashboardHarness.connected()
        harness.send(.clientID(1))
        #expect(harness.state.connection.clientID == 1)
        let effects = harness.send(.clientIDMoved(refused: 1, next: 2))
        #expect(harness.state.connection.clientID == 2)
        let message = try #require(harness.latestMessage)
        #expect(message.code == LocalMessage.clientIDMoved.rawValue)
        #expect(message.title == "Client id 1 in use: connecting as 2")
        #expect(message.severity == .info)
        #expect(effects.contains { if case .journal(let entry) = $0 { entry.code == LocalMessage.clientIDMoved.rawValue } else { false } })
        // Not a lost connection: no "connection lost" error.
        #expect(!harness.state.messages.entries.contains { $0.message.code == LocalMessage.connectionLost.rawValue })
    }

    @Test func ordersPlacedUnderTheRefusedIdBecomeThatClientsOrders() throws {
        var harness = harnessWithWorkingOrder()
        #expect(harness.state.orders[100]?.ownerClientID == 1)
        #expect(harness.state.orders[100]?.isThisClient == true)
        harness.send(.clientIDMoved(refused: 1, next: 2))
        let order = try #require(harness.state.orders[100])
        #expect(order.ownerClientID == 1)
        #expect(!order.isThisClient)
        #expect(harness.latestMessage?.explanation.contains("IB lets only client 1 cancel or change them") == true)
        // A listing of the order (IB names its client, 1) keeps it client 1's.
        harness.send(.openOrder(OpenOrderSnapshot(
            orderID: 100, symbol: "AAPL", side: .buy, quantity: 100, orderType: .limit, limitPrice: dec("231.20"),
            status: .submitted, ownerClientID: 1, isThisClient: false)))
        #expect(harness.state.orders[100]?.isThisClient == false)
        // Cancelling it goes through its owner's id, the only way IB allows.
        harness.user(.focus(.orders))
        let cancel = harness.user(.cancelSelectedOrder)
        #expect(cancel.actions == [.cancelOrderAsOwner(orderID: 100, ownerClientID: 1)])
    }

    @Test func a326IsAWarningWhileTheRangeHasAnotherIdAndAnErrorWhenPinned() {
        var pooled = DashboardHarness.connected()
        pooled.send(.clientID(1))
        pooled.send(.notice(Notice(code: 326, text: "Unable to connect as the client id is already in use.")))
        #expect(pooled.latestMessage?.severity == .warning)
        #expect(pooled.latestMessage?.context == .system)

        var config = DashboardConfig(clientID: 5)
        config.clientIDRange = 1
        var pinned = DashboardHarness.connected(config: config)
        pinned.send(.clientID(5))
        pinned.send(.notice(Notice(code: 326, text: "Unable to connect as the client id is already in use.")))
        #expect(pinned.latestMessage?.severity == .error)
        pinned.send(.connectionLost(reason: "client id 5 in use (IB 326)"))
        #expect(pinned.latestMessage?.title == "Not connected: client id 5 in use (IB 326)")
        #expect(pinned.latestMessage?.action.contains("--client-id") == true)
    }

    @Test func anOrderNoticeCarriesTheOrdersContextToTheLogAndTheJournal() throws {
        var harness = harnessWithWorkingOrder()
        let notice = Notice(requestID: 100, code: 201, text: "Order rejected - reason:YOUR ORDER IS NOT ACCEPTED.")
        let effects = harness.send(.notice(notice))
        let message = try #require(harness.latestMessage)
        #expect(message.context?.description == "Order 100 BUY 100 AAPL LMT 231.20")
        #expect(message.context?.kind == .order)
        let entry = try #require(effects.compactMap { if case .journal(let entry) = $0 { entry } else { nil } }.first)
        #expect(entry.kind == .message)
        #expect(entry.code == 201)
        #expect(entry.orderID == 100)
        #expect(entry.side == .buy)
        #expect(entry.quantity == 100)
        #expect(entry.symbol == "AAPL")
        #expect(entry.orderType == .limit)
        #expect(entry.limitPrice == dec("231.20"))
        #expect(entry.requestKind == "order")
        #expect(entry.context == "Order 100 BUY 100 AAPL LMT 231.20")
        let line = try entry.jsonLine()
        #expect(line.contains(#""context":"Order 100 BUY 100 AAPL LMT 231.20""#))
        #expect(line.contains(#""request":"order""#))
        #expect(try JournalEntry.decode(jsonLine: line) == entry)
    }

    @Test func aQuoteNoticeNamesTheSymbolAndKind() throws {
        var harness = DashboardHarness.connected()
        let effects = harness.send(.notice(Notice(requestID: harness.tickerID("NVDA"), code: 354, text: "Requested market data is not subscribed.")))
        #expect(harness.state.messages.newestFirst.contains { $0.message.context?.description == "NVDA quote" })
        let entry = try #require(effects.compactMap { if case .journal(let entry) = $0 { entry } else { nil } }.first)
        #expect(entry.symbol == "NVDA")
        #expect(entry.requestKind == "quote")
        #expect(entry.orderID == nil)
    }

    @Test func aSystemNoticeSaysSo() throws {
        var harness = DashboardHarness.connected()
        let effects = harness.send(.notice(Notice(code: 2104, text: "Market data farm connection is OK:usfarm")))
        #expect(harness.latestMessage?.context == .system)
        let entry = try #require(effects.compactMap { if case .journal(let entry) = $0 { entry } else { nil } }.first)
        #expect(entry.requestKind == "system")
        #expect(entry.context == "System notice")
    }

    @Test func aNoticeForARequestOnlyTheClientKnowsUsesTheClientsContext() {
        var harness = DashboardHarness.connected()
        let history = RequestContext(kind: .history, requestID: 31, symbol: "AAPL")
        harness.send(.notice(Notice(requestID: 31, code: 162, text: "Historical Market Data Service error message", context: history)))
        #expect(harness.latestMessage?.context == history)
        harness.send(.notice(Notice(requestID: 77, code: 321, text: "Error validating request")))
        #expect(harness.latestMessage?.context == RequestContext(kind: .unknown, requestID: 77))
    }

    @Test func aStatusBarClientIDNeedsAConnection() {
        let state = DashboardState(config: DashboardConfig())
        #expect(state.connection.clientID == nil)
    }
}
