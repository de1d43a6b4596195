import Testing
@testable import Dashboard
import Vocabulary

/// Issue #14 item 3: `/` asks the gateway's matcher as the trader types; a chosen result is
/// qualified by the app before it joins the watchlist.
@Suite struct SymbolSearchTests {
    static let euro = SymbolSearchResult(symbol: "EUR.USD", securityType: "CASH", exchange: "IDEALPRO", description: "Euro")
    static let future = SymbolSearchResult(symbol: "ES", securityType: "FUT", exchange: "CME", description: "E-mini S&P 500 (front month)")

    @Test func typingAsksTheMatcherAndOnlyTheLatestAnswerShows() throws {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.beginSearch)
        #expect(harness.user(.insertText("E")).actions == [.searchSymbols(query: "E")])
        #expect(harness.user(.insertText("U")).actions == [.searchSymbols(query: "EU")])
        // An answer for the older query is dropped.
        harness.send(.symbolSearchResults(query: "E", results: [Self.future], failure: nil))
        guard case .search(let stale) = harness.state.interface.overlay else { Issue.record("no search"); return }
        #expect(stale.results.isEmpty)
        harness.send(.symbolSearchResults(query: "EU", results: [Self.euro, Self.future], failure: nil))
        guard case .search(let search) = harness.state.interface.overlay else { Issue.record("no search"); return }
        #expect(search.results == [Self.euro, Self.future])
        #expect(search.isCurrent)
        harness.user(.moveSelection(.down))
        let chosen = harness.user(.submit)
        #expect(chosen.actions == [.qualifyInstrument(Self.future)])
        #expect(harness.state.interface.overlay == .none)
        #expect(harness.latestMessage?.title == "Qualifying ES")
    }

    @Test func enterBeforeTheAnswerOrWithoutResultsSaysSo() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.beginSearch)
        harness.user(.insertText("Z"))
        #expect(harness.user(.submit).actions.isEmpty)
        #expect(harness.latestMessage?.title == "Nothing chosen")
        harness.send(.symbolSearchResults(query: "Z", results: [], failure: nil))
        guard case .search(let search) = harness.state.interface.overlay else { Issue.record("closed"); return }
        #expect(search.message == "No symbol matches 'Z'.")
        // Backspace on an empty query closes the search.
        harness.user(.deleteBackward)
        harness.user(.deleteBackward)
        #expect(harness.state.interface.overlay == .none)
    }

    @Test func aSymbolAlreadyListedIsNotQualifiedAgainAndAFailureIsSaid() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.beginSearch)
        harness.user(.insertText("AAPL"))
        let apple = SymbolSearchResult(symbol: "AAPL", securityType: "STK", exchange: "NASDAQ", description: "APPLE INC")
        harness.send(.symbolSearchResults(query: "AAPL", results: [apple], failure: nil))
        #expect(harness.user(.submit).actions.isEmpty)
        #expect(harness.latestMessage?.title == "AAPL is already on the watchlist")
        harness.send(.instrumentNotQualified(symbol: "ZZ", reason: "IB knows no contract for ZZ."))
        #expect(harness.latestMessage?.title == "ZZ not added")
    }
}

/// Issue #14 item 2: Enter on a watchlist row opens the detail view; its data arrives as events.
@Suite struct SymbolDetailTests {
    @Test func enterOpensTheDetailAndEscStopsIt() throws {
        var harness = DashboardHarness.withLiveAAPL()
        let opened = harness.user(.submit)
        #expect(opened.actions == [.followDetail(symbol: "AAPL"), .requestDetailBars(symbol: "AAPL", range: .day)])
        #expect(harness.state.interface.overlay == .detail)
        harness.send(.detailBars(symbol: "AAPL", range: .day, closes: [230, 231], failure: nil))
        harness.send(.detailDepth(symbol: "AAPL", bids: [DepthLevel(price: 231.19, size: 100)], asks: [DepthLevel(price: 231.21, size: 200)], failure: nil))
        harness.send(.detailTrade(symbol: "AAPL", time: harness.now, price: 231.21, size: 100, failure: nil))
        harness.send(.detailTrade(symbol: "AAPL", time: harness.now, price: 231.19, size: 50, failure: nil))
        let detail = try #require(harness.state.detail)
        #expect(detail.closes == [230, 231])
        #expect(detail.trades.map(\.aggressor) == [.seller, .buyer], "newest first, judged against the quote")
        // Another span asks for its bars; an answer for the old span is dropped.
        #expect(harness.user(.setDetailRange(.month)).actions == [.requestDetailBars(symbol: "AAPL", range: .month)])
        harness.send(.detailBars(symbol: "AAPL", range: .day, closes: [1], failure: nil))
        #expect(harness.state.detail?.closes == [])
        #expect(harness.user(.back).actions == [.stopDetail(symbol: "AAPL")])
        #expect(harness.state.detail == nil)
        #expect(harness.state.interface.overlay == .none)
    }

    @Test func cTogglesTheChartStyleAndTheNextDetailKeepsIt() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.submit)
        #expect(harness.state.detail?.chartStyle == .blocks)
        #expect(harness.user(.toggleDetailChartStyle).actions.isEmpty, "the same bars, drawn another way")
        #expect(harness.state.detail?.chartStyle == .line)
        harness.user(.back)
        harness.user(.submit)
        #expect(harness.state.detail?.chartStyle == .line)
        harness.user(.toggleDetailChartStyle)
        #expect(harness.state.detail?.chartStyle == .blocks)
    }

    @Test func theTradesAreBounded() {
        var detail = SymbolDetail(symbol: "AAPL")
        for index in 0..<(SymbolDetail.tradeLimit + 20) {
            detail.record(TradePrint(time: Timestamp(secondsSinceEpoch: Int64(index)), price: 1, size: 1))
        }
        #expect(detail.trades.count == SymbolDetail.tradeLimit)
        #expect(detail.trades.first?.time == Timestamp(secondsSinceEpoch: Int64(SymbolDetail.tradeLimit + 19)))
    }
}
