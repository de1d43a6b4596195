import Testing
import TWSClient
import TWSSession
import TWSWire
import Vocabulary

@Suite(.timeLimit(.minutes(1))) struct QuoteTests {
    @Test func aQuoteStreamCarriesEveryFieldAndTheMarketDataType() async throws {
        let server = try await ScriptedServer.start { $0.quotes["AAPL"] = (bid: 201.5, ask: 201.6, last: 201.55, volume: 12_345) }
        let client = try await connectedClient(server)
        let (events, task) = Recorder.record(await client.subscribeQuotes(aapl))

        try await waitUntil("volume and time") {
            events.events.contains { if case .update(let q) = $0 { q.lastTradeTime != nil } else { false } }
        }
        guard case .update(let quote)? = events.events.last else { throw TimedOut(description: "no quote") }
        #expect(quote.bid == 201.5)
        #expect(quote.ask == 201.6)
        #expect(quote.last == 201.55)
        #expect(quote.bidSize == FixedDecimal(100))
        #expect(quote.askSize == FixedDecimal(200))
        #expect(quote.lastSize == FixedDecimal(5))
        #expect(quote.volume == FixedDecimal(12_345))
        #expect(quote.lastTradeTime == 1_760_000_000)
        #expect(quote.marketDataType == .live)
        #expect(quote.isLive)

        // Dropping the stream cancels the subscription on the wire.
        let reqId = server.received.compactMap(\.message.marketDataRequestID).first
        task.cancel()
        try await waitUntil("cancel sent") { server.received.contains { $0.message == .cancelMarketData(reqId: reqId ?? -1) } }
        await client.disconnect()
        await server.stop()
    }

    @Test func eachUpdateSaysWhatItsMessageCarriedAndADataTypeAloneIsNotLive() async throws {
        let server = try await ScriptedServer.start { $0.quotes["AAPL"] = (bid: 201.5, ask: 201.6, last: 201.55, volume: 12_345) }
        let client = try await connectedClient(server)
        let (events, task) = Recorder.record(await client.subscribeQuotes(aapl))
        try await waitUntil("volume and time") {
            events.events.contains { if case .update(let q) = $0 { q.lastTradeTime != nil } else { false } }
        }
        let updates = events.events.compactMap { event -> Quote? in if case .update(let q) = event { q } else { nil } }
        // The gateway answers a request with MARKET_DATA_TYPE first: it brings no data.
        let first = try #require(updates.first)
        #expect(first.carried == .marketDataType)
        #expect(!first.isLive && first.updatedAt == nil, "a data type is no proof that data flows")
        #expect(first.receivedAt != nil)
        #expect(updates.contains { $0.carried.contains(.bid) && $0.isLive && $0.updatedAt != nil })
        #expect(updates.dropFirst().allSatisfy { $0.carried.carriesMarketData })
        task.cancel()
        await client.disconnect()
        await server.stop()
    }

    @Test func aPerTickerErrorArrivesAsANoticeOnThatStreamOnly() async throws {
        let server = try await ScriptedServer.start {
            $0.quotes["AAPL"] = (bid: 1, ask: 2, last: 1.5, volume: 10)
            $0.quoteErrors["MSFT"] = (354, "Requested market data is not subscribed.")
        }
        let client = try await connectedClient(server)
        let (good, goodTask) = Recorder.record(await client.subscribeQuotes(aapl))
        let (bad, badTask) = Recorder.record(await client.subscribeQuotes(msft))
        try await waitUntil("354 on MSFT") { bad.events.contains { if case .notice(let n) = $0 { n.code == 354 } else { false } } }
        try await waitUntil("AAPL ticks") { good.events.contains { if case .update = $0 { true } else { false } } }
        #expect(!good.events.contains { if case .notice = $0 { true } else { false } })
        await client.disconnect()
        goodTask.cancel()
        badTask.cancel()
        await server.stop()
    }

    @Test func contractDetailsResolveASymbolOrFailWithTheGatewaysError() async throws {
        var details = ContractDetails()
        details.contract = Contract(conId: 265_598, symbol: "AAPL", primaryExchange: "NASDAQ")
        details.minTick = 0.01
        let server = try await ScriptedServer.start { [details] in $0.contracts["AAPL"] = details }
        let client = try await connectedClient(server)

        let found = try await client.contractDetails(aapl)
        #expect(found.map(\.contract.conId) == [265_598])
        #expect(found.first?.minTick == 0.01)
        do {
            _ = try await client.contractDetails(Contract(symbol: "NOPE"))
            Issue.record("expected error 200")
        } catch {
            #expect(error.code == .requestFailed)
            #expect(error.notice?.code == 200)
        }
        await client.disconnect()
        await server.stop()
    }

    @Test func marketDataTypeIsSentAndKept() async throws {
        let server = try await ScriptedServer.start()
        let client = try await connectedClient(server)
        await client.setMarketDataType(.delayed)
        try await waitUntil("REQ_MARKET_DATA_TYPE 3") { server.received.contains { $0.message == .requestMarketDataType(3) } }
        server.closeLatest()
        try await waitUntil("resent on the new connection") { server.messages(on: 1).contains(.requestMarketDataType(3)) }
        await client.disconnect()
        await server.stop()
    }
}
