import Testing
@testable import Dashboard

@Suite struct WatchlistStateTests {
    @Test func startsWithTheDefaultWatchlistForANewUser() {
        let state = DashboardState()
        #expect(state.watchlist.symbols == ["AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "TSLA", "SPY", "QQQ", "IWM"])
    }

    @Test func startsWithTheConfiguredWatchlistNormalizedAndDeduplicated() {
        let state = DashboardState(config: DashboardConfig(watchlist: ["spy", " qqq", "SPY", ""]))
        #expect(state.watchlist.symbols == ["SPY", "QQQ"])
    }

    @Test func startingEmitsAContractLookupAndASubscriptionPerSymbolOnce() {
        var harness = DashboardHarness(config: DashboardConfig(watchlist: ["AAPL", "MSFT"]))
        let effects = harness.send(.started)
        #expect(effects == [
            .requestContractDetails(symbol: "AAPL"), .subscribeQuotes(symbol: "AAPL"),
            .requestContractDetails(symbol: "MSFT"), .subscribeQuotes(symbol: "MSFT"),
        ])
        #expect(harness.send(.started).isEmpty)
    }

    @Test func addingASymbolThroughThePromptEmitsLookupAndSubscribe() {
        var harness = DashboardHarness.connected()
        harness.user(.beginAddSymbol)
        #expect(harness.state.interface.overlay == .addSymbol(""))
        harness.type("pltr")
        #expect(harness.state.interface.overlay == .addSymbol("pltr"))
        let effects = harness.user(.submit)
        #expect(effects == [
            .requestContractDetails(symbol: "PLTR"), .subscribeQuotes(symbol: "PLTR"), .saveWatchlists(harness.state.watchlists.saved),
        ])
        #expect(harness.state.watchlist.symbols.last == "PLTR")
        #expect(harness.state.interface.overlay == .none)
        #expect(harness.state.interface.selectedRow(in: .watchlist) == 10)
        #expect(harness.latestMessage?.code == LocalMessage.symbolAdded.rawValue)
    }

    @Test func addingADuplicateOrInvalidSymbolEmitsNothingAndSaysWhy() {
        var harness = DashboardHarness.connected()
        #expect(harness.user(.addSymbol("aapl")).isEmpty)
        #expect(harness.latestMessage?.title == "AAPL already listed")
        #expect(harness.user(.addSymbol("1ABC")).isEmpty)
        #expect(harness.latestMessage?.code == LocalMessage.symbolRejected.rawValue)
        #expect(harness.user(.addSymbol("A$B")).isEmpty)
        #expect(harness.state.watchlist.count == 10)
    }

    @Test func removingTheSelectedSymbolEmitsUnsubscribeAndForgetsItsQuote() {
        var harness = DashboardHarness.withLiveAAPL()
        let effects = harness.user(.removeSelectedSymbol)
        #expect(effects == [.unsubscribeQuotes(symbol: "AAPL"), .saveWatchlists(harness.state.watchlists.saved)])
        #expect(!harness.state.watchlist.contains("AAPL"))
        #expect(harness.state.quotes.tracked("AAPL") == nil)
        #expect(harness.state.watchlistRows.first?.symbol == "MSFT")
    }

    @Test func removingTheLastRowKeepsTheSelectionOnTheList() {
        var harness = DashboardHarness.connected()
        harness.user(.moveSelection(.bottom))
        #expect(harness.state.selectedSymbol == "IWM")
        harness.user(.removeSelectedSymbol)
        #expect(harness.state.selectedSymbol == "QQQ")
        #expect(harness.state.interface.selectedRow(in: .watchlist) == 8)
    }

    @Test func removingOutsideTheWatchlistPaneRemovesNothing() {
        var harness = DashboardHarness.connected()
        harness.user(.focus(.orders))
        #expect(harness.user(.removeSelectedSymbol).isEmpty)
        #expect(harness.state.watchlist.count == 10)
        #expect(harness.latestMessage?.code == LocalMessage.nothingToDo.rawValue)
    }

    @Test func movesTheSelectedSymbolUpAndDownWithTheSelectionFollowing() {
        var harness = DashboardHarness.connected()
        harness.user(.moveSelection(.down))
        harness.user(.moveSelectedSymbol(up: true))
        #expect(Array(harness.state.watchlist.symbols.prefix(2)) == ["MSFT", "AAPL"])
        #expect(harness.state.selectedSymbol == "MSFT")
        harness.user(.moveSelectedSymbol(up: true))
        #expect(harness.state.watchlist.symbols.first == "MSFT")
        harness.user(.moveSelectedSymbol(up: false))
        harness.user(.moveSelectedSymbol(up: false))
        #expect(Array(harness.state.watchlist.symbols.prefix(3)) == ["AAPL", "NVDA", "MSFT"])
        #expect(harness.state.selectedSymbol == "MSFT")
    }

    @Test func watchlistMovesRefuseToLeaveTheList() {
        var list = Watchlist(["A", "B"])
        #expect(list.moveUp(at: 0) == nil)
        #expect(list.moveDown(at: 1) == nil)
        #expect(list.moveDown(at: 5) == nil)
        #expect(list.moveDown(at: 0) == 1)
        #expect(list.symbols == ["B", "A"])
    }

    @Test func anUnknownContractTakesTheSymbolOffWithUnsubscribe() {
        var harness = DashboardHarness.connected()
        harness.user(.addSymbol("ZZZZQ"))
        let effects = harness.send(.contractResolved(symbol: "ZZZZQ", contract: nil))
        #expect(effects == [.unsubscribeQuotes(symbol: "ZZZZQ"), .saveWatchlists(harness.state.watchlists.saved)])
        #expect(!harness.state.watchlist.contains("ZZZZQ"))
        #expect(harness.state.messages.newestFirst.contains { $0.message.title == "ZZZZQ not found" })
    }

    @Test func aResolvedContractIsKeptForTickSizeAndClass() {
        var harness = DashboardHarness.connected()
        let summary = ContractSummary(symbol: "AAPL", contractID: 265_598, minimumTick: 0.01, primaryExchange: "NASDAQ")
        #expect(harness.send(.contractResolved(symbol: "AAPL", contract: summary)).isEmpty)
        #expect(harness.state.contracts["AAPL"] == summary)
    }

    @Test func commandsAddAndRemoveSymbols() {
        var harness = DashboardHarness.connected()
        #expect(harness.user(.runCommand("add ko")) == [
            .requestContractDetails(symbol: "KO"), .subscribeQuotes(symbol: "KO"), .saveWatchlists(harness.state.watchlists.saved),
        ])
        #expect(harness.user(.runCommand("rm KO")) == [.unsubscribeQuotes(symbol: "KO"), .saveWatchlists(harness.state.watchlists.saved)])
        #expect(harness.user(.runCommand("remove KO")).isEmpty)
        #expect(harness.latestMessage?.title == "KO not listed")
    }
}
