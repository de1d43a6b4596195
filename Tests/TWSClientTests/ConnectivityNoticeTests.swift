import Testing
import TWSClient
import TWSSession
import TWSWire
import Vocabulary

@Suite(.timeLimit(.minutes(1))) struct ConnectivityNoticeTests {
    private func kinds(_ events: [QuoteEvent]) -> [String] {
        events.map { event in
            switch event {
            case .update: "update"
            case .gap(let gap): "gap(\(gap))"
            case .resumed: "resumed"
            case .notice(let notice): "notice(\(notice.code))"
            }
        }.reduce(into: []) { result, kind in if result.last != kind || kind != "update" { result.append(kind) } }
    }

    private func latestRequestID(_ server: ScriptedServer, _ symbol: String) -> Int? {
        server.received.last { $0.message.marketDataSymbol == symbol }?.message.marketDataRequestID
    }

    @Test func after1100QuotesAreNotLiveAnd1101ResubscribesEveryQuote() async throws {
        let server = try await ScriptedServer.start {
            $0.quotes["AAPL"] = (bid: 1, ask: 2, last: 1.5, volume: 10)
            $0.quotes["MSFT"] = (bid: 3, ask: 4, last: 3.5, volume: 20)
        }
        let client = try await connectedClient(server)
        let (a, aTask) = Recorder.record(await client.subscribeQuotes(aapl))
        let (m, mTask) = Recorder.record(await client.subscribeQuotes(msft))
        try await waitUntil("ticks") { a.events.count > 2 && m.events.count > 2 }
        let oldAAPL = try #require(latestRequestID(server, "AAPL"))

        server.notice(1100, "Connectivity between IB and Trader Workstation has been lost.")
        try await waitUntil("gap on both") {
            [a, m].allSatisfy { $0.events.contains(.gap(.serverLinkDown(code: 1100))) }
        }
        server.notice(1101, "Connectivity between IB and TWS has been restored - data lost.")
        try await waitUntil("resubscribed and ticking") {
            [a, m].allSatisfy { recorder in
                guard let resumed = recorder.events.lastIndex(of: .resumed) else { return false }
                return recorder.events[resumed...].contains { if case .update(let q) = $0 { q.isLive } else { false } }
            }
        }
        #expect(kinds(a.events) == ["update", "gap(serverLinkDown(code: 1100))", "resumed", "update"])
        #expect(server.messages(on: 0).contains(.cancelMarketData(reqId: oldAAPL)))
        #expect(server.messages(on: 0).compactMap(\.marketDataSymbol) == ["AAPL", "MSFT", "AAPL", "MSFT"])
        #expect(latestRequestID(server, "AAPL") != oldAAPL, "a fresh ticker id")
        #expect(server.connectionCount == 1, "1100/1101 never drop the socket")
        await client.disconnect()
        aTask.cancel()
        mTask.cancel()
        await server.stop()
    }

    @Test func after1102OnlyTheFeedsThatStaySilentAreResubscribed() async throws {
        let server = try await ScriptedServer.start {
            $0.quotes["AAPL"] = (bid: 1, ask: 2, last: 1.5, volume: 10)
            $0.quotes["MSFT"] = (bid: 3, ask: 4, last: 3.5, volume: 20)
        }
        var configuration = fastConfiguration()
        configuration.silentFeedGrace = .milliseconds(300)
        let client = try await connectedClient(server, configuration: configuration)
        let (a, aTask) = Recorder.record(await client.subscribeQuotes(aapl))
        let (m, mTask) = Recorder.record(await client.subscribeQuotes(msft))
        try await waitUntil("ticks") { a.events.count > 2 && m.events.count > 2 }

        server.notice(1102, "Connectivity between IB and TWS has been restored - data maintained.")
        let aaplID = try #require(latestRequestID(server, "AAPL"))
        server.send(.tickPrice(TickPrice(reqId: aaplID, tickType: .bid, price: 1.01, size: FixedDecimal(100))))

        try await waitUntil("MSFT resubscribed after the grace period") {
            server.messages(on: 0).compactMap(\.marketDataSymbol) == ["AAPL", "MSFT", "MSFT"]
        }
        try await waitUntil("MSFT resumed") { m.events.contains(.resumed) }
        #expect(m.events.contains(.gap(.silentFeed)))
        #expect(!a.events.contains(.gap(.silentFeed)), "AAPL ticked within the grace period")
        await client.disconnect()
        aTask.cancel()
        mTask.cancel()
        await server.stop()
    }

    @Test func aDataFarmBlipIsFollowedBySilentFeedResubscription() async throws {
        let server = try await ScriptedServer.start { $0.quotes["AAPL"] = (bid: 1, ask: 2, last: 1.5, volume: 10) }
        var configuration = fastConfiguration()
        configuration.silentFeedGrace = .milliseconds(300)
        let client = try await connectedClient(server, configuration: configuration)
        let (a, aTask) = Recorder.record(await client.subscribeQuotes(aapl))
        try await waitUntil("ticks") { a.events.count > 2 }

        server.notice(2103, "Market data farm connection is broken:usfarm")
        server.notice(2104, "Market data farm connection is OK:usfarm")
        try await waitUntil("AAPL resubscribed") { server.messages(on: 0).compactMap(\.marketDataSymbol).count == 2 }
        // The stream's subscriber sees the gap on its own task, a moment after the server saw
        // the new request.
        try await waitUntil("the silent-feed gap reaches the stream") { a.events.contains(.gap(.silentFeed)) }
        #expect(a.events.contains(.gap(.silentFeed)))
        await client.disconnect()
        aTask.cancel()
        await server.stop()
    }
}
