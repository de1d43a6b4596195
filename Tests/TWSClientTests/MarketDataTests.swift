import Logging
import PaperGateway
import Testing
import TWSClient
import TWSSession
import TWSWire
import Vocabulary

/// Historical bars, symbol search, market depth and tick-by-tick data: against the in-process
/// paper gateway for what a gateway answers, against the scripted server for what the client
/// sends (cancels, resubscriptions, pacing) and how it reads rows the paper gateway never sends.
@Suite(.timeLimit(.minutes(1))) struct MarketDataTests {
    /// A paper gateway in this process and a client connected to it.
    struct Paper {
        let server: PaperGatewayServer
        let client: IBClient

        init() async throws {
            let quiet = Logger(label: "test.paper") { _ in SwiftLogNoOpLogHandler() }
            server = try await PaperGatewayServer.start(configuration: GatewayConfiguration(seed: 7, logger: quiet))
            client = IBClient(configuration: fastConfiguration(), logger: Logger(label: "test.client") { _ in SwiftLogNoOpLogHandler() })
            try await client.connect(host: server.host, port: server.port, clientId: 5)
        }

        func stop() async throws {
            await client.disconnect()
            try await server.stop()
        }
    }

    // MARK: Historical bars

    @Test func aaplsBarsComeBackOldestFirstWithTheirPricesAndVolumes() async throws {
        let paper = try await Paper()
        let bars = try await paper.client.historicalBars(aapl, duration: "2 D", barSize: "1 hour", useRTH: true)
        #expect(bars.count >= 7, "two sessions of hourly bars: \(bars.count)")
        let starts = bars.compactMap(\.start.instant)
        #expect(starts.count == bars.count, "intraday bars start at an instant (epoch seconds asked for)")
        #expect(zip(starts, starts.dropFirst()).allSatisfy { $0 < $1 }, "oldest first, strictly")
        for bar in bars {
            #expect(bar.low <= min(bar.open, bar.close) && bar.high >= max(bar.open, bar.close), "\(bar)")
            #expect(bar.low > 100 && bar.high < 500, "near AAPL's price: \(bar)")
            #expect((bar.volume ?? .zero) > .zero && bar.tradeCount != nil)
        }

        let daily = try await paper.client.historicalBars(aapl, duration: "1 M", barSize: "1 day")
        let days = daily.map(\.start)
        #expect(!days.isEmpty && days.allSatisfy { if case .day = $0 { true } else { false } }, "\(days.prefix(3))")
        #expect(days.map(\.description) == days.map(\.description).sorted())

        let midpoints = try await paper.client.historicalBars(aapl, duration: "1 D", barSize: "30 mins", whatToShow: "MIDPOINT")
        #expect(!midpoints.isEmpty && midpoints.allSatisfy { $0.volume == nil && $0.tradeCount == nil }, "IB's -1 read as no value")
        try await paper.stop()
    }

    @Test func aRefusedHistoryRequestFailsWithIBsCode() async throws {
        let paper = try await Paper()
        let unknown = await #expect(throws: TWSClientError.self) {
            try await paper.client.historicalBars(Contract(symbol: "ZZZZQ"), duration: "1 D", barSize: "5 mins")
        }
        #expect(unknown?.code == .requestFailed && unknown?.notice?.code == 200, "\(String(describing: unknown))")

        let duration = await #expect(throws: TWSClientError.self) {
            try await paper.client.historicalBars(aapl, duration: "5 X", barSize: "5 mins")
        }
        #expect(duration?.notice?.code == 321, "\(String(describing: duration))")

        let tooLong = await #expect(throws: TWSClientError.self) {
            try await paper.client.historicalBars(aapl, duration: "20 Y", barSize: "1 secs")
        }
        #expect([162, 321].contains(tooLong?.notice?.code ?? 0), "\(String(describing: tooLong))")
        // The connection is fine afterwards.
        #expect(try await !paper.client.historicalBars(aapl, duration: "1 D", barSize: "1 hour").isEmpty)
        try await paper.stop()
    }

    @Test func belowServerVersion196TheBarsMessageAloneAnswersAndA162FailsTheCall() async throws {
        let server = try await ScriptedServer.start { $0.serverVersion = 190 }
        let client = try await connectedClient(server)
        async let bars = client.historicalBars(aapl, duration: "1 D", barSize: "1 hour")
        let reqId = try await Self.sentRequest(server, on: 0) { message -> Int? in
            if case .requestHistoricalData(let r) = message, r.formatDate == 2, !r.keepUpToDate, r.useRTH == 1 { r.reqId } else { nil }
        }
        server.send(.historicalData(HistoricalData(reqId: reqId, startDate: "a", endDate: "b", bars: [
            Bar(date: "1764772200", open: 1, high: 2, low: 0.5, close: 1.5, volume: FixedDecimal(10), wap: -1, barCount: -1),
            Bar(date: "20261203", open: 1, high: 2, low: 0.5, close: 1.5, volume: FixedDecimal(-1), wap: 1.2, barCount: 3),
        ])))
        let answer = try await bars
        #expect(answer.map(\.start) == [.instant(Timestamp(secondsSinceEpoch: 1_764_772_200)), .day("20261203")])
        #expect(answer[0].wap == nil && answer[0].tradeCount == nil && answer[1].volume == nil && answer[1].tradeCount == 3)

        let refused = Task { try await client.historicalBars(aapl, duration: "1 D", barSize: "1 secs") }
        let second = try await Self.sentRequest(server, on: 0) { message -> Int? in
            if case .requestHistoricalData(let r) = message, r.reqId != reqId { r.reqId } else { nil }
        }
        server.notice(162, "Historical Market Data Service error message:Historical data request pacing violation", id: second)
        let error = await #expect(throws: TWSClientError.self) { try await refused.value }
        #expect(error?.notice?.code == 162 && error?.code == .requestFailed)
        await client.disconnect()
        await server.stop()
    }

    @Test func after1101BooksAndTickByTickStreamsAreRequestedAgain() async throws {
        let server = try await ScriptedServer.start()
        let client = try await connectedClient(server)
        let (book, bookTask) = Recorder.record(await client.marketDepth(aapl, rows: 5))
        let (ticks, ticksTask) = Recorder.record(await client.tickByTick(msft, type: .last))
        let depthID = try await Self.sentRequest(server, on: 0) { if case .requestMarketDepth(let r) = $0 { r.reqId } else { nil } }
        let tickID = try await Self.sentRequest(server, on: 0) { if case .requestTickByTick(let r) = $0 { r.reqId } else { nil } }
        server.notice(1101, "Connectivity between IB and TWS has been restored- data lost.")
        try await waitUntil("both cancelled and requested again") {
            let sent = server.messages(on: 0)
            return sent.contains(.cancelMarketDepth(reqId: depthID, isSmartDepth: false)) && sent.contains(.cancelTickByTick(reqId: tickID))
                && sent.filter { if case .requestMarketDepth = $0 { true } else { false } }.count == 2
                && sent.filter { if case .requestTickByTick = $0 { true } else { false } }.count == 2
        }
        try await waitUntil("gap and resumption on both streams") {
            book.events.contains { if case .resumed = $0 { true } else { false } }
                && ticks.events.contains { if case .resumed = $0 { true } else { false } }
        }
        bookTask.cancel()
        ticksTask.cancel()
        await client.disconnect()
        await server.stop()
    }

    // MARK: Symbol search

    @Test func aSearchForAAFindsAppleWithItsDescription() async throws {
        let paper = try await Paper()
        let matches = try await paper.client.matchingSymbols("AA")
        let apple = try #require(matches.first { $0.contract.symbol == "AAPL" }, "\(matches.map(\.contract.symbol))")
        #expect(apple.contract.secType == "STK" && apple.contract.primaryExchange == "NASDAQ" && apple.contract.currency == "USD")
        #expect(apple.contract.conId == 265598)
        #expect(apple.description.uppercased().contains("APPLE"), "\(apple.description)")
        #expect(try await paper.client.matchingSymbols("QQQQZZZ").isEmpty)
        try await paper.stop()
    }

    @Test func searchesMadeTogetherGoOneSpacingApart() async throws {
        let server = try await ScriptedServer.start()
        var configuration = fastConfiguration()
        configuration.symbolSearchSpacing = .milliseconds(300)
        let client = try await connectedClient(server, configuration: configuration)
        let answering = Task {
            // Answer each search as it arrives (the scripted server has no symbol table).
            var answered = 0
            while answered < 3, !Task.isCancelled {
                let requests = server.received.compactMap { received -> Int? in
                    if case .requestMatchingSymbols(let r) = received.message { r.reqId } else { nil }
                }
                for reqId in requests.dropFirst(answered) {
                    server.send(.symbolSamples(SymbolSamples(reqId: reqId, matches: [])))
                    answered += 1
                }
                try? await Task.sleep(for: .milliseconds(5))
            }
        }
        let start = ContinuousClock.now
        async let first = client.matchingSymbols("A")
        async let second = client.matchingSymbols("AA")
        async let third = client.matchingSymbols("AAP")
        _ = try await (first, second, third)
        answering.cancel()
        let sent = server.received.filter { if case .requestMatchingSymbols = $0.message { true } else { false } }
        #expect(sent.count == 3)
        // The k-th search is sent at its turn, k spacings after the first call at the earliest
        // (a lower bound only: the time a request then takes to arrive varies).
        for (index, received) in sent.enumerated() {
            #expect(start.duration(to: received.at) >= .milliseconds(300 * index), "search \(index): \(start.duration(to: received.at))")
        }
        await client.disconnect()
        await server.stop()
    }

    // MARK: Market depth

    @Test func aFiveRowBookArrivesWholeAndKeepsChanging() async throws {
        let paper = try await Paper()
        let (recorder, task) = Recorder.record(await paper.client.marketDepth(aapl, rows: 5))
        try await waitUntil("two different full books") {
            Set(Self.books(recorder.events).filter(\.isFull)).count >= 2
        }
        let books = Self.books(recorder.events)
        #expect(books.first?.isFull == true, "the first book of a read is the whole book, not a row of it")
        for book in books {
            #expect(book.bids.count <= 5 && book.asks.count <= 5)
            let bids = book.bids.map(\.price), asks = book.asks.map(\.price)
            #expect(bids == bids.sorted(by: >) && asks == asks.sorted(), "best first: \(bids) \(asks)")
            if let bid = bids.first, let ask = asks.first { #expect(bid < ask) }
            #expect(book.bids.allSatisfy { ($0.size ?? .zero) > .zero })
        }
        task.cancel()
        try await paper.stop()
    }

    @Test func aBookIsKeptFromInsertsUpdatesAndDeletesAndANoticeReachesItsStream() async throws {
        let server = try await ScriptedServer.start()
        let client = try await connectedClient(server)
        let (recorder, task) = Recorder.record(await client.marketDepth(aapl, rows: 2))
        let reqId = try await Self.sentRequest(server, on: 0) { if case .requestMarketDepth(let r) = $0 { r.reqId } else { nil } }
        func row(_ position: Int, _ operation: Int, _ side: Int, _ price: Double, _ size: Int) -> ServerMessage {
            .marketDepth(MarketDepth(reqId: reqId, position: position, operation: operation, side: side, price: price, size: FixedDecimal(size)))
        }
        // One read: two bids, three asks (the third past the rows asked for), then an update.
        server.sendRaw([row(0, 0, 1, 10.0, 100), row(1, 0, 1, 9.9, 200), row(0, 0, 0, 10.1, 300), row(1, 0, 0, 10.2, 400),
                        row(2, 0, 0, 10.3, 500), row(0, 1, 1, 10.0, 150)].flatMap { $0.encoded(serverVersion: 200) })
        try await waitUntil("the first book") { Self.books(recorder.events).contains(where: \.isFull) }
        let first = try #require(Self.books(recorder.events).last)
        #expect(first.bids == [.init(price: 10.0, size: FixedDecimal(150)), .init(price: 9.9, size: FixedDecimal(200))])
        #expect(first.asks.map(\.price) == [10.1, 10.2], "bounded to the rows asked for")
        #expect(Self.books(recorder.events).count == 1, "one read, one book")

        server.send(row(0, 2, 1, 10.0, 150))   // the best bid goes
        try await waitUntil("the book after a delete") { Self.books(recorder.events).last?.bids.count == 1 }
        #expect(Self.books(recorder.events).last?.bids.first?.price == 9.9)

        server.notice(354, "Requested market data is not subscribed.", id: reqId)
        try await waitUntil("the notice on the stream") {
            recorder.events.contains { if case .notice(let n) = $0 { n.code == 354 } else { false } }
        }
        task.cancel()
        await client.disconnect()
        await server.stop()
    }

    @Test func aBookIsRequestedAgainAfterAReconnectAndCancelledWhenItsStreamEnds() async throws {
        let server = try await ScriptedServer.start()
        let client = try await connectedClient(server)
        let (recorder, task) = Recorder.record(await client.marketDepth(aapl, rows: 3, smartDepth: true))
        let first = try await Self.sentRequest(server, on: 0) { if case .requestMarketDepth(let r) = $0 { r.reqId } else { nil } }
        server.send(.marketDepthL2(MarketDepthL2(reqId: first, position: 0, marketMaker: "NSDQ", operation: 0, side: 1, price: 5, size: FixedDecimal(1), isSmartDepth: true)))
        try await waitUntil("a book") { !Self.books(recorder.events).isEmpty }
        #expect(Self.books(recorder.events).last?.bids.first?.marketMaker == "NSDQ")

        server.closeLatest()
        let second = try await Self.sentRequest(server, on: 1) { if case .requestMarketDepth(let r) = $0 { r.reqId } else { nil } }
        #expect(second != first, "a fresh request id on the new connection")
        try await waitUntil("gap and resumption") {
            recorder.events.contains { if case .resumed = $0 { true } else { false } }
        }
        server.send(.marketDepthL2(MarketDepthL2(reqId: second, position: 0, marketMaker: "ARCA", operation: 0, side: 0, price: 6, size: FixedDecimal(2), isSmartDepth: true)))
        try await waitUntil("the book sent again") { Self.books(recorder.events).last?.asks.count == 1 }
        #expect(Self.books(recorder.events).last?.bids.isEmpty == true, "the old connection's rows were dropped")

        task.cancel()
        try await waitUntil("cancelMktDepth sent") {
            server.messages(on: 1).contains(.cancelMarketDepth(reqId: second, isSmartDepth: true))
        }
        try await waitUntil("the stream ended") { recorder.isFinished }
        await client.disconnect()
        await server.stop()
    }

    // MARK: Tick by tick

    @Test func tradesArriveTickByTickWithPriceAndSize() async throws {
        let paper = try await Paper()
        let (recorder, task) = Recorder.record(await paper.client.tickByTick(aapl, type: .last))
        try await waitUntil("three trades", timeout: .seconds(30)) { Self.trades(recorder.events).count >= 3 }
        for trade in Self.trades(recorder.events) {
            let price = try #require(trade.tradePrice)
            #expect(price > 100 && price < 500)
            #expect((trade.tradeSize ?? .zero) > .zero)
            #expect(trade.time.secondsSinceEpoch > 1_700_000_000)
        }
        let (quotes, quotesTask) = Recorder.record(await paper.client.tickByTick(aapl, type: .bidAsk))
        try await waitUntil("a bid/ask tick") {
            quotes.events.contains { if case .value(let e) = $0, case .bidAsk(let bid, let ask, _, _) = e.value { bid < ask } else { false } }
        }
        task.cancel()
        quotesTask.cancel()
        try await paper.stop()
    }

    @Test func droppingATickByTickStreamEndsItAndSendsTheCancel() async throws {
        let server = try await ScriptedServer.start()
        let client = try await connectedClient(server)
        let (recorder, task) = Recorder.record(await client.tickByTick(aapl, type: .allLast))
        let reqId = try await Self.sentRequest(server, on: 0) { message -> Int? in
            if case .requestTickByTick(let r) = message, r.tickType == "AllLast" { r.reqId } else { nil }
        }
        server.send(.tickByTick(TickByTick(reqId: reqId, time: 1_765_000_000, payload: .trade(
            allLast: true, price: 271.5, size: FixedDecimal(100), mask: 2, exchange: "ARCA", specialConditions: "T"))))
        try await waitUntil("a trade") { !Self.trades(recorder.events).isEmpty }
        let trade = try #require(Self.trades(recorder.events).first)
        #expect(trade.value == .trade(price: 271.5, size: FixedDecimal(100), exchange: "ARCA", conditions: "T", pastLimit: false, unreported: true))
        #expect(trade.time == Timestamp(secondsSinceEpoch: 1_765_000_000))

        task.cancel()
        try await waitUntil("cancelTickByTickData sent") { server.messages(on: 0).contains(.cancelTickByTick(reqId: reqId)) }
        try await waitUntil("the stream ended") { recorder.isFinished }
        await client.disconnect()
        await server.stop()
    }

    // MARK: Helpers

    static func books(_ events: [SubscriptionEvent<DepthBook>]) -> [DepthBook] {
        events.compactMap { if case .value(let book) = $0 { book } else { nil } }
    }

    static func trades(_ events: [SubscriptionEvent<TickByTickEvent>]) -> [TickByTickEvent] {
        events.compactMap { if case .value(let event) = $0, event.tradePrice != nil { event } else { nil } }
    }

    /// The request id of the first message on connection `index` that `pick` reads one from.
    static func sentRequest(
        _ server: ScriptedServer, on index: Int, _ pick: @escaping @Sendable (ClientMessage) -> Int?
    ) async throws -> Int {
        try await waitUntil("the request on connection \(index)") { server.messages(on: index).contains { pick($0) != nil } }
        return try #require(server.messages(on: index).lazy.compactMap(pick).first)
    }
}
