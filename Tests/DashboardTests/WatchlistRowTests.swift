import Testing
@testable import Dashboard
import Vocabulary

@Suite struct WatchlistRowTests {
    @Test func aRowShowsPricesAndTheDayChangeFromTheClose() throws {
        let harness = DashboardHarness.withLiveAAPL()
        let row = try #require(harness.state.watchlistRows.first)
        #expect(row.symbol == "AAPL")
        #expect(row.quote.last == 231.20)
        #expect(row.freshness.state == .live)
        #expect(abs((row.change ?? 0) - 2.20) < 1e-9)
        #expect(abs((row.changePercent ?? 0) - 2.20 / 229.00 * 100) < 1e-9)
    }

    @Test func aRowWithoutACloseHasNoChange() throws {
        var harness = DashboardHarness.connected()
        harness.send(.quote(QuoteUpdate(symbol: "MSFT", bid: 410, ask: 410.1)))
        let row = try #require(harness.state.watchlistRows.first { $0.symbol == "MSFT" })
        #expect(row.change == nil && row.changePercent == nil)
        #expect(row.freshness.state == .live)
    }

    @Test func subscribedQuotesWithoutTicksShowNoData() {
        let harness = DashboardHarness.connected()
        #expect(harness.state.watchlistRows.allSatisfy { $0.freshness.state == .noData })
        #expect(harness.state.freshnessCounts[.noData] == 10)
    }

    @Test func quotesForSymbolsNotSubscribedAreIgnoredWithoutARedraw() {
        var harness = DashboardHarness.connected()
        let version = harness.state.version
        harness.send(.quote(QuoteUpdate(symbol: "XYZ", last: 1)))
        #expect(harness.state.version == version)
        #expect(harness.state.quotes.tracked("XYZ") == nil)
    }

    @Test func aQuoteAgesThroughAgingToStaleKeepingItsPriceAndAge() throws {
        var harness = DashboardHarness.withLiveAAPL()
        harness.advance(milliseconds: 2_500)
        #expect(harness.state.freshness(of: "AAPL")?.state == .live)
        harness.advance(milliseconds: 1)
        #expect(harness.state.freshness(of: "AAPL")?.state == .aging)
        harness.advance(milliseconds: 44_499)
        let row = try #require(harness.state.watchlistRows.first)
        #expect(row.freshness.state == .stale)
        #expect(row.freshness.label == "stale 47 s")
        #expect(row.quote.last == 231.20)
        harness.tickAAPL(last: 231.50)
        #expect(harness.state.freshness(of: "AAPL")?.state == .live)
    }

    @Test func notice1100MarksEveryQuoteDisconnectedAtOnce() {
        var harness = DashboardHarness.connected()
        for symbol in harness.state.watchlist.symbols {
            harness.send(.quote(QuoteUpdate(symbol: symbol, last: 100)))
        }
        #expect(harness.state.freshnessCounts[.live] == 10)
        let effects = harness.send(.notice(Notice(code: 1100, text: "Connectivity between IB and TWS has been lost.")))
        #expect(harness.state.freshnessCounts[.disconnected] == 10)
        #expect(harness.state.freshnessCounts.total == 10)
        #expect(harness.state.connection.state == .linkLost)
        #expect(harness.latestMessage?.code == 1100)
        #expect(harness.latestMessage?.severity == .error)
        #expect(effects == [.journal(.message(Notice(code: 1100, text: "Connectivity between IB and TWS has been lost."), context: .system, at: harness.now))])
    }

    @Test func afterRestoreQuotesStayStaleUntilAFreshTick() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.send(.notice(Notice(code: 1100)))
        harness.advance(seconds: 3)
        harness.send(.notice(Notice(code: 1102)))
        #expect(harness.state.connection.state == .connected)
        #expect(harness.state.freshness(of: "AAPL")?.state == .stale)
        #expect(harness.state.freshness(of: "AAPL")?.reasonCode == 1102)
        harness.tickAAPL()
        #expect(harness.state.freshness(of: "AAPL")?.state == .live)
    }

    @Test func error354MarksTheSymbolNotEntitledWithAMessageNamingItAndTheLastGoodQuote() throws {
        var harness = DashboardHarness.withLiveAAPL()
        let lastGood = harness.now
        harness.advance(seconds: 47)
        let notice = Notice(requestID: harness.tickerID("AAPL"), code: 354, text: "Requested market data is not subscribed.")
        let effects = harness.send(.notice(notice))
        #expect(effects == [.journal(.message(notice, context: RequestContext(kind: .quote, requestID: notice.requestID, symbol: "AAPL"), at: harness.now))])
        let freshness = try #require(harness.state.freshness(of: "AAPL"))
        #expect(freshness.state == .noEntitlement)
        #expect(freshness.reasonCode == 354)
        #expect(harness.state.freshness(of: "MSFT")?.state == .noData)
        let message = try #require(harness.latestMessage)
        #expect(message.code == 354)
        #expect(message.explanation.contains("AAPL"))
        #expect(message.explanation.contains(TimeText.timeOfDayUTC(lastGood)))
        #expect(message.explanation.contains("47 s ago"))
        #expect(message.action.contains("paper"))
        #expect(harness.state.watchlistRows.first?.quote.last == 231.20)
    }

    @Test func repeated10197NoticesCollapseIntoOneLogEntryWithACount() {
        var harness = DashboardHarness.connected()
        let id = harness.tickerID("TSLA")
        for _ in 0..<12 { harness.send(.notice(Notice(requestID: id, code: 10197))) }
        let entries = harness.state.messages.entries.filter { $0.message.code == 10197 }
        #expect(entries.count == 1)
        #expect(entries.first?.count == 12)
        #expect(harness.journal.count == 12)
    }

    @Test func aDelayedMarketDataTypeMarksTheQuoteDelayed() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.send(.marketDataType(requestID: harness.tickerID("AAPL"), type: .delayed))
        #expect(harness.state.freshness(of: "AAPL")?.state == .delayed)
        harness.send(.marketDataType(requestID: harness.tickerID("AAPL"), type: .frozen))
        #expect(harness.state.freshness(of: "AAPL")?.state == .frozen)
        let version = harness.state.version
        harness.send(.marketDataType(requestID: 42, type: .live))
        #expect(harness.state.version == version)
    }

    @Test func aHaltTickMarksTheQuoteHalted() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.send(.quote(QuoteUpdate(symbol: "AAPL", haltedValue: 1)))
        #expect(harness.state.freshness(of: "AAPL")?.state == .halted)
    }

    @Test func farmNoticesTrackEachFarmByNameAndKind() throws {
        var harness = DashboardHarness.connected()
        harness.send(.notice(Notice(code: 2104, text: "Market data farm connection is OK:usfarm")))
        harness.send(.notice(Notice(code: 2106, text: "HMDS data farm connection is OK:ushmds")))
        harness.send(.notice(Notice(code: 2158, text: "Sec-def data farm connection is OK:secdefil")))
        harness.advance(seconds: 5)
        harness.send(.notice(Notice(code: 2103, text: "Market data farm connection is broken:usfarm")))
        let usfarm = try #require(harness.state.dataFarms["usfarm"])
        #expect(usfarm.kind == .marketData)
        #expect(usfarm.state == .broken)
        #expect(usfarm.since == harness.now)
        #expect(harness.state.dataFarms["ushmds"]?.kind == .historicalData)
        #expect(harness.state.dataFarms["secdefil"]?.state == .ok)
        #expect(harness.state.messages.newestFirst.first { $0.message.code == 2104 }?.message.severity == .info)
    }

    @Test func aClockTickRedrawsOnlyWhenANewSecondBegins() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.clock = (harness.clock / 1000) * 1000 + 100
        harness.send(.clockTick)
        let version = harness.state.version
        harness.advance(milliseconds: 200)
        #expect(harness.state.version == version)
        harness.advance(milliseconds: 800)
        #expect(harness.state.version == version + 1)
    }

    @Test func everyTickOfDataBumpsTheVersion() {
        var harness = DashboardHarness.withLiveAAPL()
        let version = harness.state.version
        harness.tickAAPL(last: 231.30)
        harness.tickAAPL(last: 231.40)
        #expect(harness.state.version == version + 2)
    }
}
