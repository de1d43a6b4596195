import PaperExchange
import PaperGateway
import Testing
import TWSWire

@Suite struct MarketDataTests {
    @Test func streamsQuotesWithTypeAndParametersFirst() async throws {
        let gateway = try await GatewayFixture.make()
        let client = try await gateway.connect()
        try await client.send(.requestMarketData(RequestMarketData(reqId: 11, contract: .stock("AAPL"))))
        try await client.send(.requestMarketData(RequestMarketData(reqId: 12, contract: .stock("MSFT"))))
        let type = try await client.next { message -> Int? in
            if case let .marketDataType(m) = message, m.reqId == 11 { return m.marketDataType }
            return nil
        }
        #expect(type == 1)
        let minTick = try await client.next { message -> Double? in
            if case let .tickRequestParameters(m) = message, m.reqId == 11 { return m.minTick }
            return nil
        }
        #expect(minTick == 0.01)
        try await gateway.advance(milliseconds: 2000)
        try await client.send(.requestCurrentTime)
        _ = try await client.next { if case .currentTime = $0 { true } else { nil } }
        let all = client.all
        // Every bid/ask/last TICK_PRICE is followed by its TICK_SIZE.
        for (index, message) in all.enumerated() {
            guard case let .tickPrice(t) = message, [TickType.bid, .ask, .last].contains(t.tickType) else { continue }
            guard case let .tickSize(s) = all[index + 1] else { Issue.record("no size after \(t)"); continue }
            #expect(s.reqId == t.reqId)
        }
        let ticksAfterSnapshot = all.filter {
            if case let .tickPrice(t) = $0, t.reqId == 11 { return true }
            return false
        }.count
        #expect(ticksAfterSnapshot > 6)
        #expect(all.contains { if case let .tickString(s) = $0 { s.tickType == .lastTimestamp } else { false } })
        #expect(client.decodeErrors.isEmpty)
        try await gateway.server.stop()
    }

    @Test func answers354ForANotEntitledSymbolAndSendsNoTicks() async throws {
        let gateway = try await GatewayFixture.make(notEntitled: ["TSLA"])
        let client = try await gateway.connect()
        try await client.send(.requestMarketData(RequestMarketData(reqId: 7, contract: .stock("TSLA"))))
        let error = try await client.next { message -> ErrorMessage? in
            if case let .error(e) = message { return e }
            return nil
        }
        #expect(error.id == 7 && error.code == 354)
        try await gateway.advance(milliseconds: 3000)
        try await client.send(.requestCurrentTime)
        _ = try await client.next { if case .currentTime = $0 { true } else { nil } }
        #expect(!client.all.contains { if case let .tickPrice(t) = $0 { t.reqId == 7 } else { false } })
        // Contract details still resolve.
        try await client.send(.requestContractDetails(RequestContractDetails(reqId: 8, contract: .stock("TSLA"))))
        _ = try await client.next { if case .contractDataEnd(8) = $0 { true } else { nil } }
        try await gateway.server.stop()
    }

    @Test func sendsDelayedTicksAfter10167WhenDelayedDataIsRequested() async throws {
        let gateway = try await GatewayFixture.make(notEntitled: ["NVDA"])
        let client = try await gateway.connect()
        try await client.send(.requestMarketDataType(3))
        try await client.send(.requestMarketData(RequestMarketData(reqId: 4, contract: .stock("NVDA"))))
        #expect(try await client.next { $0.errorCode } == 10167)
        let type = try await client.next { message -> Int? in
            if case let .marketDataType(m) = message { return m.marketDataType }
            return nil
        }
        #expect(type == 3)
        let tick = try await client.next { message -> TickType? in
            if case let .tickPrice(t) = message { return t.tickType }
            return nil
        }
        #expect(tick.isDelayed)
        try await gateway.server.stop()
    }

    @Test func reportsUnknownSymbolsCancelsAndLineLimits() async throws {
        let gateway = try await GatewayFixture.make()
        let client = try await gateway.connect()
        try await client.send(.requestMarketData(RequestMarketData(reqId: 1, contract: .stock("NOPE"))))
        #expect(try await client.next { $0.errorCode } == 200)
        try await client.send(.cancelMarketData(reqId: 999))
        #expect(try await client.next { $0.errorCode } == 300)
        for reqId in 100..<201 {
            try await client.send(.requestMarketData(RequestMarketData(reqId: reqId, contract: .stock("SPY"))))
        }
        // 101 requests in one second also earn IB's pacing warning (100); the line limit is 101.
        let error = try await client.next(timeout: .seconds(30)) { message -> ErrorMessage? in
            if case let .error(e) = message, e.code != 100 { return e }
            return nil
        }
        #expect(error.code == 101 && error.id == 200)
        try await gateway.server.stop()
    }
}

extension MarketDataTests {
    /// The delayed line runs the configured delay behind: its ticks carry the market of then,
    /// and IB's delayed last timestamp (tick 88) says when that was.
    @Test func theDelayedLineRunsTheDelayBehind() async throws {
        let gateway = try await GatewayFixture.make(notEntitled: ["NVDA"]) { $0.delayedDataDelay = .seconds(60) }
        // Two minutes of market before anyone asks: the tape records it.
        for _ in 0..<120 { try await gateway.advance(milliseconds: 1000) }
        let client = try await gateway.connect()
        try await client.send(.requestMarketDataType(3))
        try await client.send(.requestMarketData(RequestMarketData(reqId: 4, contract: .stock("NVDA"))))
        for _ in 0..<5 { try await gateway.advance(milliseconds: 1000) }
        try await client.send(.requestCurrentTime)
        let now = try await client.next { message -> Int? in
            if case let .currentTime(t) = message { return t.time }
            return nil
        }
        let stamps = client.all.compactMap { message -> Int? in
            if case let .tickString(s) = message, s.reqId == 4, s.tickType == .delayedLastTimestamp { return Int(s.value) }
            return nil
        }
        #expect(!stamps.isEmpty)
        for stamp in stamps {
            #expect(now - stamp >= 60, "a delayed tick is at least the delay old")
            #expect(now - stamp <= 70)
        }
        #expect(!client.all.contains { if case let .tickPrice(t) = $0, t.reqId == 4 { !t.tickType.isDelayed } else { false } })
        try await gateway.server.stop()
    }
}
