@testable import PaperGateway
import PaperExchange
import TWSWire
import Testing
import Vocabulary

/// Tick by tick, real-time bars, generic ticks and the contract queries, over the wire.
@Suite struct LiveDataTests {
    /// Sends CURRENT_TIME and waits for it, so everything sent before it has arrived.
    static func settle(_ client: WireTestClient) async throws {
        try await client.send(.requestCurrentTime)
        _ = try await client.next { if case .currentTime = $0 { true } else { nil } }
    }

    @Test func tickByTickSendsQuotesAndTrades() async throws {
        let gateway = try await GatewayFixture.make()
        let client = try await gateway.connect()
        try await client.send(.requestTickByTick(RequestTickByTick(reqId: 1, contract: .stock("AAPL"), tickType: "BidAsk")))
        let first = try await client.next { if case let .tickByTick(t) = $0, t.reqId == 1 { t } else { nil } }
        guard case let .bidAsk(bid, ask, _, _, _) = first.payload else { Issue.record("not a quote: \(first)"); return }
        #expect(bid < ask)
        try await client.send(.requestTickByTick(RequestTickByTick(reqId: 2, contract: .stock("AAPL"), tickType: "Last")))
        for _ in 0..<40 { try await gateway.advance(milliseconds: 250) }
        try await Self.settle(client)
        let ticks = client.all.compactMap { if case let .tickByTick(t) = $0 { t } else { nil } }
        #expect(ticks.filter { $0.reqId == 1 }.count > 1)
        #expect(ticks.contains { if case .trade(false, _, _, _, "NASDAQ", _) = $0.payload { $0.reqId == 2 } else { false } })
        let eur = Contract(symbol: "EUR", secType: "CASH", exchange: "IDEALPRO", currency: "USD")
        try await client.send(.requestTickByTick(RequestTickByTick(reqId: 3, contract: eur, tickType: "Last")))
        #expect(try await client.next { if case let .error(e) = $0, e.id == 3 { e } else { nil } }.code == 321)
        try await client.send(.requestTickByTick(RequestTickByTick(reqId: 4, contract: .stock("AAPL"), tickType: "Trades")))
        #expect(try await client.next { if case let .error(e) = $0, e.id == 4 { e } else { nil } }.code == 321)
        try await gateway.server.stop()
    }

    @Test func realTimeBarsComeEveryFiveSeconds() async throws {
        let gateway = try await GatewayFixture.make()
        let client = try await gateway.connect()
        try await client.send(.requestRealTimeBars(RequestRealTimeBars(reqId: 5, contract: .stock("AAPL"))))
        try await client.send(.requestRealTimeBars(RequestRealTimeBars(reqId: 6, contract: .stock("AAPL"), whatToShow: "MIDPOINT")))
        try await Self.settle(client)
        for _ in 0..<44 { try await gateway.advance(milliseconds: 250) }
        try await Self.settle(client)
        let bars = client.all.compactMap { if case let .realTimeBar(b) = $0 { b } else { nil } }
        let trades = bars.filter { $0.reqId == 5 }
        #expect(trades.count == 2)
        #expect(trades.allSatisfy { $0.time % 5 == 0 && $0.low <= $0.high && $0.count >= 0 })
        #expect(zip(trades, trades.dropFirst()).allSatisfy { $1.time == $0.time + 5 })
        #expect(bars.filter { $0.reqId == 6 }.allSatisfy { $0.volume == FixedDecimal(-1) && $0.count == -1 })
        try await client.send(.requestRealTimeBars(RequestRealTimeBars(reqId: 7, contract: .stock("AAPL"), barSize: 10)))
        #expect(try await client.next { if case let .error(e) = $0, e.id == 7 { e } else { nil } }.code == 321)
        try await gateway.server.stop()
    }

    @Test func genericTicksAreServedOrRefused() async throws {
        let gateway = try await GatewayFixture.make()
        let client = try await gateway.connect()
        try await client.send(.requestMarketData(RequestMarketData(reqId: 8, contract: .stock("AAPL"), genericTickList: "233,236,165")))
        for _ in 0..<40 { try await gateway.advance(milliseconds: 250) }
        try await Self.settle(client)
        let all = client.all
        #expect(all.contains { if case let .tickGeneric(t) = $0 { t.reqId == 8 && t.tickType == .shortable && t.value == 3 } else { false } })
        let stats = all.compactMap { if case let .tickPrice(t) = $0, t.reqId == 8, (15...20).contains(t.tickType.rawValue) { t } else { nil } }
        #expect(stats.count == 6)
        let rtVolume = all.compactMap { if case let .tickString(t) = $0, t.reqId == 8, t.tickType == .rtVolume { t.value } else { nil } }
        #expect(rtVolume.first.map { $0.split(separator: ";").count == 6 && $0.hasSuffix(";true") } == true)
        try await client.send(.requestMarketData(RequestMarketData(reqId: 9, contract: .stock("AAPL"), genericTickList: "233,999")))
        let refused = try await client.next { if case let .error(e) = $0, e.id == 9 { e } else { nil } }
        #expect(refused.code == 321 && refused.message.contains("999"))
        try await gateway.server.stop()
    }

    @Test func answersContractQueries() async throws {
        let gateway = try await GatewayFixture.make()
        let client = try await gateway.connect()
        try await client.send(.requestMatchingSymbols(RequestMatchingSymbols(reqId: 10, pattern: "aap")))
        let bySymbol = try await client.next { if case let .symbolSamples(s) = $0, s.reqId == 10 { s } else { nil } }
        #expect(bySymbol.matches.first?.contract.symbol == "AAPL")
        try await client.send(.requestMatchingSymbols(RequestMatchingSymbols(reqId: 11, pattern: "micro")))
        let byName = try await client.next { if case let .symbolSamples(s) = $0, s.reqId == 11 { s } else { nil } }
        #expect(byName.matches.contains { $0.contract.symbol == "MSFT" })
        try await client.send(.requestMatchingSymbols(RequestMatchingSymbols(reqId: 12, pattern: "ZZZZQ")))
        #expect(try await client.next { if case let .symbolSamples(s) = $0, s.reqId == 12 { s } else { nil } }.matches.isEmpty)
        try await client.send(.requestMarketRule(marketRuleId: 26))
        let rule = try await client.next { if case let .marketRule(r) = $0 { r } else { nil } }
        #expect(rule.increments == [MarketRule.Increment(lowEdge: 0, increment: 0.01)])
        try await client.send(.requestOptionParameters(RequestOptionParameters(reqId: 13, underlyingSymbol: "AAPL", underlyingSecType: "STK", underlyingConId: 265598)))
        _ = try await client.next { if case .optionParametersEnd(13) = $0 { true } else { nil } }
        try await gateway.server.stop()
    }
}

@Suite struct ContractDetailsTests {
    @Test func detailsCarryHoursAndEchoTheExchangeAsked() async throws {
        let gateway = try await GatewayFixture.make()
        let client = try await gateway.connect()
        var spy = Contract.stock("SPY")
        spy.exchange = "ARCA"
        try await client.send(.requestContractDetails(RequestContractDetails(reqId: 1, contract: spy)))
        let details = try await client.next { if case let .contractData(c) = $0, c.reqId == 1 { c.details } else { nil } }
        #expect(details.contract.exchange == "ARCA")
        #expect(details.industry == "Funds" && details.category == "Exchange Traded Fund")
        #expect(details.timeZoneId == "US/Eastern")
        // Monday 2025-11-24: a week of sessions with Thanksgiving (Thursday 27th) and the weekend closed.
        #expect(details.liquidHours.hasPrefix("20251124:0930-20251124:1600;20251125:0930-20251125:1600;20251126:0930-20251126:1600;20251127:CLOSED;20251128:0930-20251128:1600;20251129:CLOSED"))
        #expect(details.tradingHours.hasPrefix("20251124:0400-20251124:2000;"))
        let es = Contract(symbol: "ES", secType: "FUT", exchange: "CME", currency: "USD")
        try await client.send(.requestContractDetails(RequestContractDetails(reqId: 2, contract: es)))
        let future = try await client.next { if case let .contractData(c) = $0, c.reqId == 2 { c.details } else { nil } }
        #expect(future.timeZoneId == "US/Central")
        #expect(future.tradingHours.hasPrefix("20251123:1700-20251124:1600;"))
        try await client.send(.requestAccountUpdates(RequestAccountUpdates(subscribe: true, account: "")))
        _ = try await client.next { if case let .accountValue(v) = $0, v.key == "StockMarketValue" { v } else { nil } }
        try await gateway.server.stop()
    }
}
