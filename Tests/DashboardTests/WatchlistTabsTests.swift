import Testing
import Vocabulary
@testable import Dashboard

/// Named watchlists: made, renamed, deleted after a question, switched (with their quote
/// lines), saved at every change and restored at start.
@Suite struct WatchlistTabsTests {
    static func saves(_ effects: [DashboardEffect]) -> [SavedWatchlists] {
        effects.compactMap { if case .saveWatchlists(let lists) = $0 { return lists } else { return nil } }
    }

    static func subscriptions(_ effects: [DashboardEffect]) -> (subscribed: [String], unsubscribed: [String]) {
        (effects.compactMap { if case .subscribeQuotes(let symbol) = $0 { return symbol } else { return nil } },
         effects.compactMap { if case .unsubscribeQuotes(let symbol) = $0 { return symbol } else { return nil } })
    }

    /// Connected on AAPL, MSFT with the quote requests answered.
    static func harness() -> DashboardHarness {
        DashboardHarness.connected(config: DashboardConfig(watchlist: ["AAPL", "MSFT"]))
    }

    @Test func theConfigsListIsTheFirstListCalledMain() {
        let harness = Self.harness()
        #expect(harness.state.watchlists.names == ["main"])
        #expect(harness.state.watchlists.saved == SavedWatchlists(
            lists: [.init(name: "main", symbols: ["AAPL", "MSFT"])], active: "main"))
    }

    @Test func everyChangeToTheListsIsSavedAtOnce() {
        var harness = Self.harness()
        var effects = harness.user(.addSymbol("pltr"))
        #expect(Self.saves(effects) == [SavedWatchlists(lists: [.init(name: "main", symbols: ["AAPL", "MSFT", "PLTR"])], active: "main")])
        effects = harness.user(.runCommand("remove MSFT"))
        #expect(Self.saves(effects).first?.lists.first?.symbols == ["AAPL", "PLTR"])
        harness.user(.moveSelection(.top))
        effects = harness.user(.moveSelectedSymbol(up: false))
        #expect(Self.saves(effects).first?.lists.first?.symbols == ["PLTR", "AAPL"])
        effects = harness.user(.runCommand("wl new tech"))
        #expect(Self.saves(effects).first == SavedWatchlists(
            lists: [.init(name: "main", symbols: ["PLTR", "AAPL"]), .init(name: "tech", symbols: [])], active: "tech"))
        effects = harness.user(.runCommand("wl rename chips"))
        #expect(Self.saves(effects).first?.lists.map(\.name) == ["main", "chips"])
        effects = harness.user(.stepWatchlist(by: 1))
        #expect(Self.saves(effects).first?.active == "main")
        // Nothing that leaves the lists as they were saves.
        #expect(Self.saves(harness.send(.quote(QuoteUpdate(symbol: "AAPL", last: 1)))).isEmpty)
        #expect(Self.saves(harness.user(.addSymbol("AAPL"))).isEmpty)
        #expect(Self.saves(harness.user(.runCommand("sort last"))).isEmpty)
    }

    @Test func newMakesAnEmptyActiveListAndRefusesBadOrRepeatedNames() {
        var harness = Self.harness()
        harness.user(.runCommand("wl new tech"))
        #expect(harness.state.watchlists.names == ["main", "tech"])
        #expect(harness.state.watchlists.activeName == "tech")
        #expect(harness.state.watchlistOrder.isEmpty)
        harness.user(.runCommand("wl new TECH"))
        #expect(harness.latestMessage?.title == "Watchlist not made")
        harness.user(.runCommand("wl new a/b"))
        #expect(harness.state.watchlists.names == ["main", "tech"])
        harness.user(.runCommand("wl rename main"))
        #expect(harness.latestMessage?.title == "Watchlist not renamed")
        harness.user(.runCommand("wl rename chips"))
        #expect(harness.state.watchlists.names == ["main", "chips"])
    }

    @Test func switchingSubscribesTheNewListAndCancelsOnlyWhatNothingElseNeeds() {
        var harness = Self.harness()
        // A position in MSFT keeps its line when MSFT leaves the screen.
        harness.send(.position(PositionUpdate(account: DashboardHarness.paperAccount, symbol: "MSFT", quantity: 5, averageCost: 400)))
        var effects = harness.user(.runCommand("wl new tech"))
        #expect(Self.subscriptions(effects).unsubscribed == ["AAPL"])
        #expect(Self.subscriptions(effects).subscribed.isEmpty)
        #expect(harness.state.quotes.tracked("AAPL") == nil)
        #expect(harness.state.quotes.tracked("MSFT") != nil)
        effects = harness.user(.addSymbol("NVDA"))
        #expect(Self.subscriptions(effects).subscribed == ["NVDA"])
        harness.send(.quoteRequested(symbol: "NVDA", requestID: 7, instrumentClass: .stock))
        effects = harness.user(.showWatchlist(0))
        #expect(harness.state.watchlists.activeName == "main")
        #expect(harness.state.watchlistOrder == ["AAPL", "MSFT"])
        // AAPL comes back (MSFT never left); NVDA goes.
        #expect(Self.subscriptions(effects) == (["AAPL"], ["NVDA"]))
        #expect(effects.contains(.requestContractDetails(symbol: "AAPL")))
        // A list that does not exist says so.
        #expect(harness.user(.showWatchlist(5)).isEmpty)
        #expect(harness.state.watchlists.activeName == "main")
    }

    @Test func aSymbolOnDelayedDataComesBackDelayedAndDIsForTheRowShown() {
        var harness = Self.harness()
        harness.send(.notice(Notice(requestID: harness.tickerID("MSFT"), code: 354, text: "Requested market data is not subscribed.")))
        harness.user(.runCommand("sort symbol desc"))
        #expect(harness.state.watchlistOrder == ["MSFT", "AAPL"])
        harness.user(.moveSelection(.top))
        harness.user(.switchToDelayedData)
        #expect(harness.state.delayedSymbols == ["MSFT"], "D acts on the row shown selected, not the list's first")
        harness.user(.runCommand("wl new tech"))
        let effects = harness.user(.showWatchlist(0))
        #expect(effects.contains(.subscribeDelayedQuotes(symbol: "MSFT")))
        #expect(!effects.contains(.subscribeQuotes(symbol: "MSFT")))
    }

    @Test func theOpenTicketsSymbolKeepsItsLineAcrossASwitch() {
        var harness = Self.harness()
        harness.user(.openTicket(.buy))
        #expect(harness.state.ticket?.ticket.symbol == "AAPL")
        // The ticket holds the keys; the command comes in directly, as the app could send it.
        let effects = harness.send(.user(.runCommand("wl new tech")))
        #expect(!Self.subscriptions(effects).unsubscribed.contains("AAPL"))
        #expect(Self.subscriptions(effects).unsubscribed == ["MSFT"])
        #expect(harness.state.quotes.tracked("AAPL") != nil)
        // Closing the ticket cancels the line it kept.
        let closed = harness.user(.back)
        #expect(Self.subscriptions(closed).unsubscribed == ["AAPL"])
        #expect(harness.state.quotes.tracked("AAPL") == nil)
        #expect(harness.state.trails["AAPL"] == nil)
    }

    @Test func bracketsWrapAroundAndDigitsJump() {
        var harness = Self.harness()
        harness.user(.runCommand("wl new b"))
        harness.user(.runCommand("wl new c"))
        #expect(harness.state.watchlists.activeIndex == 2)
        harness.user(.stepWatchlist(by: 1))
        #expect(harness.state.watchlists.activeIndex == 0)
        harness.user(.stepWatchlist(by: -1))
        #expect(harness.state.watchlists.activeIndex == 2)
        harness.user(.showWatchlist(1))
        #expect(harness.state.watchlists.activeName == "b")
        harness.user(.runCommand("wl main"))
        #expect(harness.state.watchlists.activeName == "main")
    }

    @Test func deleteAsksFirstAndDeletesOnlyOnYes() {
        var harness = Self.harness()
        harness.user(.runCommand("wl new tech"))
        harness.user(.addSymbol("NVDA"))
        harness.send(.quoteRequested(symbol: "NVDA", requestID: 7, instrumentClass: .stock))
        harness.user(.runCommand("wl delete"))
        #expect(harness.state.interface.overlay == .confirm(.deleteWatchlist(name: "tech", symbolCount: 1)))
        harness.user(.back)
        #expect(harness.state.watchlists.names == ["main", "tech"])
        harness.user(.runCommand("wl delete"))
        let effects = harness.user(.submit)
        #expect(harness.state.watchlists.names == ["main"])
        #expect(harness.state.watchlists.activeName == "main")
        #expect(Self.subscriptions(effects) == (["AAPL", "MSFT"], ["NVDA"]))
        #expect(Self.saves(effects).first?.lists.map(\.name) == ["main"])
        // The last list stays.
        harness.user(.runCommand("wl delete"))
        #expect(harness.state.interface.overlay == .none)
        #expect(harness.latestMessage?.title == "Last watchlist kept")
    }

    @Test func savedListsReplaceTheConfigsAtStartAndAreSubscribedThere() {
        var harness = DashboardHarness(config: DashboardConfig(watchlist: ["AAPL", "MSFT"]))
        let saved = SavedWatchlists(lists: [
            .init(name: "main", symbols: ["AAPL"]), .init(name: "tech", symbols: ["nvda", "AMD", "1bad", "NVDA"]),
            .init(name: "bad name!", symbols: ["X"]),
        ], active: "tech")
        #expect(Self.saves(harness.send(.watchlistsLoaded(saved))).isEmpty)
        #expect(harness.state.watchlists.names == ["main", "tech"])
        #expect(harness.state.watchlist.symbols == ["NVDA", "AMD"])
        let effects = harness.send(.started)
        #expect(effects == [
            .requestContractDetails(symbol: "NVDA"), .subscribeQuotes(symbol: "NVDA"),
            .requestContractDetails(symbol: "AMD"), .subscribeQuotes(symbol: "AMD"),
        ])
    }

    @Test func aLoadAfterStartMovesTheSubscriptionsAndNothingUsableKeepsTheConfigs() {
        var harness = Self.harness()
        #expect(harness.send(.watchlistsLoaded(SavedWatchlists(lists: [.init(name: "", symbols: ["X"])], active: ""))).isEmpty)
        #expect(harness.state.watchlist.symbols == ["AAPL", "MSFT"])
        let effects = harness.send(.watchlistsLoaded(SavedWatchlists(lists: [.init(name: "x", symbols: ["MSFT", "SPY"])], active: "x")))
        #expect(Self.subscriptions(effects) == (["SPY"], ["AAPL"]))
    }
}
