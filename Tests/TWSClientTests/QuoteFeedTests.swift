import Testing
@testable import TWSClient
import TWSSession
import TWSWire

/// Many quote subscriptions in one `QuoteFeed`: the events of one socket read arrive as one
/// array, tagged, in order; cancelling one subscription or dropping the feed cancels on the
/// wire. Against ``MemoryGateway`` on the manual clock.
@Suite(.timeLimit(.minutes(1))) struct QuoteFeedTests {
    /// The request ids the client used for market data, in the order it sent them.
    static func requestIDs(_ gateway: MemoryGateway) -> [Int] {
        gateway.sent.compactMap(\.message.marketDataRequestID)
    }

    /// A client connected to a fresh in-memory gateway, and a feed of it.
    static func connectedWithFeed() async throws -> (MemoryGateway, IBClient, QuoteFeed) {
        let gateway = MemoryGateway(clock: ManualClock())
        let client = InMemoryClientTests.client(gateway)
        try await client.connect(host: "gateway", port: 4002, clientId: 7)
        return (gateway, client, client.makeQuoteFeed())
    }

    @Test func ticksOfOneReadForSeveralSymbolsArriveAsOneArrayInOrder() async throws {
        let (gateway, client, feed) = try await Self.connectedWithFeed()
        let (arrays, task) = Recorder.record(feed.events)
        await client.subscribeQuotes(Contract(symbol: "AAPL"), feed: feed, tag: 10)
        await client.subscribeQuotes(Contract(symbol: "MSFT"), feed: feed, tag: 20)
        try await gateway.settle()
        let ids = Self.requestIDs(gateway)
        try #require(ids.count == 2)

        gateway.clock.advance(by: .milliseconds(250))
        let first = (1...10).flatMap { n in
            [ServerMessage.tickPrice(TickPrice(reqId: ids[0], tickType: .bid, price: Double(n), size: nil)),
             ServerMessage.tickPrice(TickPrice(reqId: ids[1], tickType: .ask, price: Double(100 + n), size: nil))]
        }
        try await gateway.deliver(first)
        try await waitUntil("the first read's array") { arrays.events.count == 1 }
        gateway.clock.advance(by: .milliseconds(100))
        try await gateway.deliver([.tickPrice(TickPrice(reqId: ids[0], tickType: .last, price: 7, size: nil))])
        try await waitUntil("the second read's array") { arrays.events.count == 2 }

        let read = arrays.events[0]
        #expect(read.count == 20, "one array for the 20 ticks of one read")
        #expect(read.map(\.tag) == Array(repeating: [10, 20], count: 10).flatMap { $0 })
        let quotes = read.compactMap { if case .update(let quote) = $0.event { quote } else { nil } }
        #expect(quotes.filter { $0.contract.symbol == "AAPL" }.map(\.bid) == (1...10).map { Double($0) })
        #expect(quotes.filter { $0.contract.symbol == "MSFT" }.map(\.ask) == (1...10).map { Double(100 + $0) })
        #expect(Set(quotes.map(\.receivedAt)) == [.origin + .milliseconds(250)], "stamped with the read's instant")
        #expect(arrays.events[1].map(\.tag) == [10])
        await client.disconnect()
        task.cancel()
    }

    @Test func aCancelledSubscriptionIsCancelledOnTheWireAndItsLaterTicksAreNotDelivered() async throws {
        let (gateway, client, feed) = try await Self.connectedWithFeed()
        let (arrays, task) = Recorder.record(feed.events)
        let aapl = await client.subscribeQuotes(Contract(symbol: "AAPL"), feed: feed, tag: 1)
        await client.subscribeQuotes(Contract(symbol: "MSFT"), feed: feed, tag: 2)
        try await gateway.settle()
        let ids = Self.requestIDs(gateway)

        await client.cancelQuotes(aapl)
        try await gateway.settle()
        #expect(gateway.sent.map(\.message).contains(.cancelMarketData(reqId: ids[0])))
        #expect(!gateway.sent.map(\.message).contains(.cancelMarketData(reqId: ids[1])))

        try await gateway.deliver([
            .tickPrice(TickPrice(reqId: ids[0], tickType: .bid, price: 1, size: nil)),
            .tickPrice(TickPrice(reqId: ids[1], tickType: .bid, price: 2, size: nil)),
        ])
        try await waitUntil("MSFT's tick") { !arrays.events.isEmpty }
        #expect(arrays.events.flatMap { $0 }.map(\.tag) == [2])
        await client.disconnect()
        task.cancel()
    }

    @Test func droppingTheFeedCancelsEverySubscriptionInIt() async throws {
        let (gateway, client, feed) = try await Self.connectedWithFeed()
        let task = Task { for await _ in feed.events {} }
        for (tag, symbol) in ["AAPL", "MSFT", "NVDA"].enumerated() {
            await client.subscribeQuotes(Contract(symbol: symbol), feed: feed, tag: tag)
        }
        try await gateway.settle()
        let ids = Self.requestIDs(gateway)
        #expect(ids.count == 3)

        task.cancel()
        try await waitUntil("three cancels") {
            try? await gateway.settle()
            let cancelled = gateway.sent.compactMap { if case .cancelMarketData(let id) = $0.message { id } else { nil } }
            return Set(cancelled) == Set(ids)
        }
        await client.disconnect()
    }

    @Test func aNoticeForOneSubscriptionArrivesTaggedInTheFeed() async throws {
        let (gateway, client, feed) = try await Self.connectedWithFeed()
        let (arrays, task) = Recorder.record(feed.events)
        await client.subscribeQuotes(Contract(symbol: "AAPL"), feed: feed, tag: 5)
        await client.subscribeQuotes(Contract(symbol: "MSFT"), feed: feed, tag: 6)
        try await gateway.settle()
        let ids = Self.requestIDs(gateway)

        try await gateway.deliver([.error(ErrorMessage(id: ids[1], code: 354, message: "Requested market data is not subscribed."))])
        try await waitUntil("the notice") { !arrays.events.isEmpty }
        let events = arrays.events.flatMap { $0 }
        #expect(events.count == 1)
        #expect(events.first?.tag == 6)
        if case .notice(let notice)? = events.first?.event {
            #expect(notice.code == 354)
        } else {
            Issue.record("expected a notice, got \(String(describing: events.first))")
        }
        await client.disconnect()
        task.cancel()
    }
}
