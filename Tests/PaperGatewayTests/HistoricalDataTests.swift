import Testing
import PaperExchange
@testable import PaperGateway
import TWSWire
import Vocabulary

/// reqHistoricalData over the wire: paging, keepUpToDate with its cancel, IB's refusals.
@Suite struct HistoricalDataTests {
    static func history(
        _ reqId: Int, _ duration: String, _ barSize: String, show: String = "TRADES", end: String = "", keep: Bool = false
    ) -> ClientMessage {
        .requestHistoricalData(RequestHistoricalData(
            reqId: reqId, contract: .stock("AAPL"), endDateTime: end, barSizeSetting: barSize,
            durationString: duration, whatToShow: show, keepUpToDate: keep))
    }

    @Test func pagesBackWithEndDateTime() async throws {
        let gateway = try await GatewayFixture.make()
        let client = try await gateway.connect()
        try await client.send(Self.history(1, "1800 S", "1 min"))
        let first = try await client.next { if case let .historicalData(h) = $0, h.reqId == 1 { h } else { nil } }
        #expect(first.bars.count == 30)
        // Dated as TWS dates them, in its login zone with the zone's name: a client pages back
        // with the first bar's date as it came.
        let oldest = try #require(first.bars.first?.date)
        #expect(first.bars.allSatisfy { $0.date.hasSuffix(" US/Eastern") })
        try await client.send(Self.history(2, "1800 S", "1 min", end: oldest))
        let second = try await client.next { if case let .historicalData(h) = $0, h.reqId == 2 { h } else { nil } }
        #expect(second.bars.count == 30)
        #expect(second.bars.allSatisfy { $0.date < oldest })
        #expect(second.bars.last?.date == "20251124 10:29:00 US/Eastern")
        let end = try await client.next { if case let .historicalDataEnd(e) = $0, e.reqId == 2 { e } else { nil } }
        #expect(end.startDate == "20251124 10:00:00 US/Eastern" && end.endDate == oldest)
        // ib_async reads that date as an aware datetime and sends it back in UTC: the same page.
        let instant = try #require(Timestamp(ibDateTime: oldest)?.secondsSinceEpoch)
        try await client.send(Self.history(3, "1800 S", "1 min", end: TimeText.dateTime(Timestamp(secondsSinceEpoch: instant)) + " UTC"))
        let third = try await client.next { if case let .historicalData(h) = $0, h.reqId == 3 { h } else { nil } }
        #expect(third.bars == second.bars)
        try await gateway.server.stop()
    }

    @Test func keepsTheBarInProgressUpToDateUntilCancelled() async throws {
        let gateway = try await GatewayFixture.make()
        let client = try await gateway.connect()
        try await client.send(Self.history(3, "3600 S", "5 mins", keep: true))
        _ = try await client.next { if case let .historicalDataEnd(e) = $0, e.reqId == 3 { e } else { nil } }
        var updates = 0
        for _ in 0..<20 where updates == 0 {
            try await gateway.advance(milliseconds: 1000)
            updates = client.all.filter { if case let .historicalDataUpdate(u) = $0 { u.reqId == 3 } else { false } }.count
        }
        #expect(updates > 0)
        try await client.send(.cancelHistoricalData(reqId: 3))
        try await client.send(.cancelHistoricalData(reqId: 3))
        let notOpen = try await client.next { if case let .error(e) = $0, e.id == 3 { e } else { nil } }
        #expect(notOpen.code == 366)
        let after = client.all.filter { if case .historicalDataUpdate = $0 { true } else { false } }.count
        for _ in 0..<3 { try await gateway.advance(milliseconds: 1000) }
        try await client.send(.requestCurrentTime)
        _ = try await client.next { if case .currentTime = $0 { true } else { nil } }
        #expect(client.all.filter { if case .historicalDataUpdate = $0 { true } else { false } }.count == after)
        try await gateway.server.stop()
    }

    @Test func refusesWithIBsCodes() async throws {
        let gateway = try await GatewayFixture.make()
        let client = try await gateway.connect()
        try await client.send(Self.history(4, "1 D", "7 mins"))
        #expect(try await client.next { if case let .error(e) = $0, e.id == 4 { e } else { nil } }.code == 321)
        try await client.send(Self.history(5, "1 Y", "1 secs"))
        #expect(try await client.next { if case let .error(e) = $0, e.id == 5 { e } else { nil } }.code == 162)
        try await client.send(Self.history(6, "1800 S", "5 secs"))
        _ = try await client.next { if case let .historicalData(h) = $0, h.reqId == 6 { h } else { nil } }
        try await client.send(Self.history(7, "1800 S", "5 secs"))
        let paced = try await client.next { if case let .error(e) = $0, e.id == 7 { e } else { nil } }
        #expect(paced.code == 162)
        #expect(paced.message.contains("pacing violation"))
        try await gateway.server.stop()
    }

    @Test func answersTheHeadTimestamp() async throws {
        let gateway = try await GatewayFixture.make()
        let client = try await gateway.connect()
        try await client.send(.requestHeadTimestamp(RequestHeadTimestamp(reqId: 8, contract: .stock("AAPL"))))
        let head = try await client.next { if case let .headTimestamp(h) = $0, h.reqId == 8 { h } else { nil } }
        #expect(head.headTimestamp == "20050103-14:30:00")
        try await client.send(.requestHeadTimestamp(RequestHeadTimestamp(reqId: 9, contract: .stock("AAPL"), formatDate: 2)))
        #expect(try await client.next { if case let .headTimestamp(h) = $0, h.reqId == 9 { h } else { nil } }.headTimestamp == "1104762600")
        try await client.send(.requestHeadTimestamp(RequestHeadTimestamp(reqId: 10, contract: .stock("AAPL"), whatToShow: "NOPE")))
        #expect(try await client.next { if case let .error(e) = $0, e.id == 10 { e } else { nil } }.code == 321)
        try await gateway.server.stop()
    }
}

/// reqMktDepth over the wire: the book, its updates, IB's limit of three lines, the cancel.
@Suite struct MarketDepthTests {
    @Test func sendsTheBookThenOnlyTheRowsThatChange() async throws {
        let gateway = try await GatewayFixture.make()
        let client = try await gateway.connect()
        try await client.send(.requestMarketDepth(RequestMarketDepth(reqId: 1, contract: .stock("AAPL"), numRows: 5, isSmartDepth: true)))
        var book: [MarketDepthL2] = []
        while book.count < 10 {
            book.append(try await client.next { if case let .marketDepthL2(d) = $0, d.reqId == 1 { d } else { nil } })
        }
        #expect(book.allSatisfy { $0.operation == 0 && !$0.marketMaker.isEmpty })
        let bids = book.filter { $0.side == 1 }.sorted { $0.position < $1.position }
        let asks = book.filter { $0.side == 0 }.sorted { $0.position < $1.position }
        #expect(bids.map(\.position) == [0, 1, 2, 3, 4] && asks.map(\.position) == [0, 1, 2, 3, 4])
        #expect(bids[0].price < asks[0].price)
        for _ in 0..<20 { try await gateway.advance(milliseconds: 250) }
        try await client.send(.requestCurrentTime)
        _ = try await client.next { if case .currentTime = $0 { true } else { nil } }
        let updates = client.all.compactMap { if case let .marketDepthL2(d) = $0, d.operation == 1 { d } else { nil } }
        #expect(!updates.isEmpty)
        // Three lines at most, as IB; a plain (one exchange) request gets MARKET_DEPTH.
        try await client.send(.requestMarketDepth(RequestMarketDepth(reqId: 2, contract: .stock("MSFT"))))
        _ = try await client.next { if case let .marketDepth(d) = $0, d.reqId == 2 { d } else { nil } }
        try await client.send(.requestMarketDepth(RequestMarketDepth(reqId: 3, contract: .stock("NVDA"))))
        try await client.send(.requestMarketDepth(RequestMarketDepth(reqId: 4, contract: .stock("AMZN"))))
        #expect(try await client.next { if case let .error(e) = $0, e.id == 4 { e } else { nil } }.code == 309)
        try await client.send(.cancelMarketDepth(reqId: 1, isSmartDepth: true))
        try await client.send(.requestCurrentTime)
        _ = try await client.next { if case .currentTime = $0 { true } else { nil } }
        let before = client.all.filter { if case let .marketDepthL2(d) = $0 { d.reqId == 1 } else { false } }.count
        for _ in 0..<8 { try await gateway.advance(milliseconds: 250) }
        try await client.send(.requestCurrentTime)
        _ = try await client.next { if case .currentTime = $0 { true } else { nil } }
        #expect(client.all.filter { if case let .marketDepthL2(d) = $0 { d.reqId == 1 } else { false } }.count == before)
        try await gateway.server.stop()
    }
}

/// A large history answer is drawn a few thousand bars a turn: other clients are answered
/// meanwhile, and the answer arrives whole.
@Suite struct HistoryDrawingTests {
    @Test func aLargeAnswerIsDrawnInTurnsWhileOthersAreServed() async throws {
        let gateway = try await GatewayFixture.make()
        let flooder = try await gateway.connect(clientId: 1)
        let other = try await gateway.connect(clientId: 2)
        try await flooder.send(.requestHistoricalData(RequestHistoricalData(
            reqId: 1, contract: .stock("AAPL"), barSizeSetting: "1 min", durationString: "1 M", useRTH: 0)))
        try await other.send(.requestCurrentTime)
        _ = try await other.next { if case .currentTime = $0 { true } else { nil } }
        try await flooder.send(.requestCurrentTime)
        _ = try await flooder.next { if case .currentTime = $0 { true } else { nil } }
        #expect(!flooder.all.contains { if case .historicalData = $0 { true } else { false } })
        var answer: HistoricalData?
        for _ in 0..<60 where answer == nil {
            try await gateway.advance(milliseconds: 100)
            try await flooder.send(.requestCurrentTime)
            _ = try await flooder.next { if case .currentTime = $0 { true } else { nil } }
            answer = flooder.all.compactMap { if case let .historicalData(h) = $0 { h } else { nil } }.first
        }
        // A month of extended sessions (04:00-20:00) of one-minute bars, in one message.
        #expect((answer?.bars.count ?? 0) > 15_000)
        #expect(answer.map { zip($0.bars, $0.bars.dropFirst()).allSatisfy { $0.date < $1.date } } == true)
        try await gateway.server.stop()
    }
}

/// Never silent: every client message the engine does not serve gets its answer.
@Suite struct EveryUnservedMessageTests {
    @Test func everyUnservedMessageIDIsAnswered() async throws {
        let gateway = try await GatewayFixture.make()
        let client = try await gateway.connect(clientId: 4)
        for (id, unserved) in UnservedRequest.byMessageID.sorted(by: { $0.key < $1.key }) {
            let reqId = 7000 + id
            var fields = Array(repeating: "1", count: (unserved.requestIDField ?? 0) + 4)
            if let index = unserved.requestIDField { fields[index] = String(reqId) }
            try await client.send(.unknown(id: id, fields: fields))
            switch unserved.answer {
            case .refuse:
                let wanted = unserved.requestIDField == nil ? -1 : reqId
                let error = try await client.next("321 for \(unserved.name)") { if case let .error(e) = $0, e.id == wanted, e.code == 321 { e } else { nil } }
                #expect(error.message.contains(unserved.name))
            case let .empty(messageID, answer):
                _ = try await client.next("empty \(unserved.name)") { if case let .unknown(got, body) = $0, got == messageID, body == answer { true } else { nil } }
            case .none:
                try await client.send(.requestCurrentTime)
                _ = try await client.next("alive after \(unserved.name)") { if case .currentTime = $0 { true } else { nil } }
            }
        }
        try await gateway.server.stop()
    }
}
