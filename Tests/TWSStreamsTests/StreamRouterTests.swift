import Testing
import TWSSession
import TWSStreams
import TWSWire
import Vocabulary

/// Routing and quote accumulation, on values: a table, decoded messages and instants.
@Suite struct StreamRouterTests {
    /// A live table with one quote subscription for AAPL (request id 1) and one positions
    /// subscription.
    static func table() -> (SubscriptionTable<SubscriptionRequest>, quote: SubscriptionKey, positions: SubscriptionKey) {
        var table = SubscriptionTable<SubscriptionRequest>()
        var ids = RequestIDAllocator()
        _ = table.resubscribeAll(ids: &ids)
        let quote = table.add(.marketData, request: .marketData(Contract(symbol: "AAPL"), genericTicks: ""), ids: &ids).key
        let positions = table.add(.positions, request: .positions, ids: &ids).key
        return (table, quote, positions)
    }

    static func at(_ ms: Int) -> SessionInstant { .origin + .milliseconds(ms) }

    @Test func aTickIsAccumulatedAndDeliveredWithWhatItCarriedAndWhenItWasRead() throws {
        let (table, key, _) = Self.table()
        let reqId = try #require(table[key]?.requestID)
        var router = StreamRouter()
        router.openQuote(key, contract: Contract(symbol: "AAPL"))
        var delivered: [(SubscriptionKey, Quote)] = []
        func route(_ message: ServerMessage, at ms: Int) {
            router.route(message, table: table, now: Self.at(ms)) { key, delivery in
                if case .quote(.update(let quote)) = delivery { delivered.append((key, quote)) }
            }
        }
        route(.tickPrice(TickPrice(reqId: reqId, tickType: .bid, price: 201.5, size: 100)), at: 10)
        route(.tickPrice(TickPrice(reqId: reqId, tickType: .ask, price: 201.6, size: nil)), at: 20)
        route(.marketDataType(MarketDataTypeMessage(reqId: reqId, marketDataType: 3)), at: 30)

        #expect(delivered.count == 3)
        #expect(delivered.allSatisfy { $0.0 == key })
        let (_, bid) = delivered[0]
        #expect(bid.carried == [.bid, .bidSize])
        #expect(bid.bid == 201.5 && bid.bidSize == FixedDecimal(100))
        #expect(bid.receivedAt == Self.at(10) && bid.updatedAt == Self.at(10) && bid.isLive)
        let (_, ask) = delivered[1]
        #expect(ask.carried == .ask)
        #expect(ask.bid == 201.5 && ask.ask == 201.6, "the quote accumulates")
        let (_, type) = delivered[2]
        #expect(type.carried == .marketDataType && type.marketDataType == .delayed)
        #expect(type.receivedAt == Self.at(30) && type.updatedAt == Self.at(20), "a data type is no market data")
    }

    @Test func aQuoteTakenOffLiveStaysOffUntilItsNextTickOfMarketData() throws {
        let (table, key, _) = Self.table()
        let reqId = try #require(table[key]?.requestID)
        var router = StreamRouter()
        router.openQuote(key, contract: Contract(symbol: "AAPL"))
        router.route(.tickPrice(TickPrice(reqId: reqId, tickType: .last, price: 1, size: nil)), table: table, now: Self.at(1)) { _, _ in }
        router.markNotLive(key)
        #expect(router.quotes[key]?.isLive == false)
        router.route(.tickGeneric(TickGeneric(reqId: reqId, tickType: TickType(rawValue: 49), value: 0)), table: table, now: Self.at(2)) { _, _ in }
        #expect(router.quotes[key]?.isLive == false, "a generic tick is no market data")
        router.route(.tickSize(TickSize(reqId: reqId, tickType: .volume, size: 5)), table: table, now: Self.at(3)) { _, _ in }
        #expect(router.quotes[key]?.isLive == true)
    }

    @Test func messagesGoToTheirSubscriptionOnlyAndOthersAreNotRouted() throws {
        let (table, quote, positions) = Self.table()
        var router = StreamRouter()
        router.openQuote(quote, contract: Contract(symbol: "AAPL"))
        var keys: [SubscriptionKey] = []
        func route(_ message: ServerMessage) {
            router.route(message, table: table, now: .origin) { key, _ in keys.append(key) }
        }
        route(.positionEnd)
        route(.tickPrice(TickPrice(reqId: 999, tickType: .bid, price: 1, size: nil)))
        route(.nextValidId(NextValidID(orderId: 5)))
        #expect(keys == [positions], "an unknown request id and a connection message belong to no subscription")
    }
}

/// Whom a notice concerns.
@Suite struct NoticeOwnerTests {
    @Test func aNoticeBelongsToTheConnectionASubscriptionAnOrderOrNoOne() throws {
        let (table, key, _) = StreamRouterTests.table()
        let reqId = try #require(table[key]?.requestID)
        var orders = OrderBook()
        orders.placed(500, totalQuantity: 1)
        #expect(NoticeOwner(noticeID: -1, table: table, orders: orders) == .connection)
        #expect(NoticeOwner(noticeID: reqId, table: table, orders: orders) == .subscription(key))
        #expect(NoticeOwner(noticeID: 500, table: table, orders: orders) == .order(500))
        #expect(NoticeOwner(noticeID: 77, table: table, orders: orders) == .other(77))
    }
}
