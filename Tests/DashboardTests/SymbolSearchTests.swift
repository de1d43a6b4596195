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
