import Testing
@testable import Dashboard

@Suite struct InterfaceStateTests {
    @Test func tabCyclesThroughEveryPaneAndBack() {
        var harness = DashboardHarness.connected()
        var seen: [Pane] = [harness.state.interface.focusedPane]
        for _ in 0..<5 {
            harness.user(.nextPane)
            seen.append(harness.state.interface.focusedPane)
        }
        #expect(seen == [.watchlist, .positions, .orders, .executions, .messages, .watchlist])
        harness.user(.previousPane)
        #expect(harness.state.interface.focusedPane == .messages)
    }

    @Test func selectionMovesPerPaneAndStaysInsideTheRows() {
        var harness = DashboardHarness.connected()
        harness.user(.moveSelection(.up))
        #expect(harness.state.selectedIndex(in: .watchlist) == 0)
        harness.user(.moveSelection(.down))
        harness.user(.moveSelection(.down))
        #expect(harness.state.selectedSymbol == "NVDA")
        harness.user(.moveSelection(.bottom))
        harness.user(.moveSelection(.down))
        #expect(harness.state.selectedSymbol == "IWM")
        harness.user(.moveSelection(.top))
        #expect(harness.state.selectedSymbol == "AAPL")
        harness.user(.focus(.positions))
        harness.user(.moveSelection(.down))
        #expect(harness.state.selectedIndex(in: .positions) == nil)
        #expect(harness.state.interface.selectedRow(in: .watchlist) == 0)
    }

    @Test func theSelectedSymbolFollowsTheFocusedPane() {
        var harness = DashboardHarness.connected()
        harness.send(.position(PositionUpdate(symbol: "TSLA", quantity: 5, averageCost: 250)))
        harness.user(.focus(.positions))
        #expect(harness.state.selectedSymbol == "TSLA")
        harness.user(.openTicket(.sell))
        #expect(harness.state.ticket?.ticket.symbol == "TSLA")
    }

    @Test func helpTogglesAndEscapeClosesIt() {
        var harness = DashboardHarness.connected()
        harness.user(.toggleHelp)
        #expect(harness.state.interface.overlay == .help)
        harness.user(.toggleHelp)
        #expect(harness.state.interface.overlay == .none)
        harness.user(.toggleHelp)
        harness.user(.back)
        #expect(harness.state.interface.overlay == .none)
    }

    @Test func helpOverTheTicketReturnsToTheTicket() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.openTicket(.buy))
        harness.user(.toggleHelp)
        #expect(harness.state.interface.overlay == .help)
        harness.user(.back)
        #expect(harness.state.interface.overlay == .ticket)
    }

    @Test func paneActionsAreIgnoredWhileAnOverlayIsOpen() {
        var harness = DashboardHarness.connected()
        harness.user(.toggleHelp)
        #expect(harness.user(.quit).isEmpty)
        harness.user(.nextPane)
        #expect(harness.state.interface.focusedPane == .watchlist)
        harness.user(.openTicket(.buy))
        #expect(harness.state.ticket == nil)
        #expect(!harness.state.isQuitting)
    }

    @Test func theCommandLineCollectsTextAndBackspaceOnEmptyClosesIt() {
        var harness = DashboardHarness.connected()
        harness.user(.openCommandLine)
        #expect(harness.state.interface.overlay.acceptsText)
        harness.type("th")
        harness.user(.deleteBackward)
        #expect(harness.state.interface.overlay == .commandLine("t"))
        harness.user(.deleteBackward)
        harness.user(.deleteBackward)
        #expect(harness.state.interface.overlay == .none)
    }

    @Test func escapeAbandonsTheCommandLine() {
        var harness = DashboardHarness.connected()
        harness.user(.openCommandLine)
        harness.type("q")
        #expect(harness.user(.back).isEmpty)
        #expect(harness.state.interface.overlay == .none)
        #expect(!harness.state.isQuitting)
    }

    @Test func themeCommandEmitsLoadThemeAndRemembersTheName() {
        var harness = DashboardHarness.connected()
        harness.user(.openCommandLine)
        harness.type("theme high-contrast")
        #expect(harness.user(.submit) == [.saveCommandHistory(["theme high-contrast"]), .loadTheme(name: "high-contrast")])
        #expect(harness.state.interface.themeName == "high-contrast")
    }

    @Test func explainCommandShowsTheCatalogEntry() throws {
        var harness = DashboardHarness.connected()
        harness.user(.runCommand(":explain 354"))
        guard case .explanation(let entry) = harness.state.interface.overlay else {
            Issue.record("expected an explanation overlay")
            return
        }
        #expect(entry.code == 354)
        #expect(entry.explanation.contains("the symbol"))
        #expect(!entry.explanation.contains("{symbol}"))
        harness.user(.submit)
        #expect(harness.state.interface.overlay == .none)
    }

    @Test func explainingAnUnknownCodeKeepsTheCode() {
        var harness = DashboardHarness.connected()
        harness.user(.runCommand("explain 99999"))
        guard case .explanation(let entry) = harness.state.interface.overlay else {
            Issue.record("expected an explanation overlay")
            return
        }
        #expect(entry.code == 99999)
        #expect(!entry.isKnown)
    }

    @Test func anUnknownCommandIsLoggedAsAWarning() {
        var harness = DashboardHarness.connected()
        #expect(harness.user(.runCommand("frobnicate")).isEmpty)
        #expect(harness.latestMessage?.code == LocalMessage.commandFailed.rawValue)
        #expect(harness.latestMessage?.severity == .warning)
    }

    @Test func helpCommandOpensHelp() {
        var harness = DashboardHarness.connected()
        harness.user(.runCommand("help"))
        #expect(harness.state.interface.overlay == .help)
    }

    @Test func textIsIgnoredWhenNothingTakesIt() {
        var harness = DashboardHarness.connected()
        let version = harness.state.version
        harness.user(.insertText("x"))
        harness.user(.deleteBackward)
        harness.user(.focus(.positions))
        let focused = harness.state.version
        #expect(focused == version + 1)
        harness.user(.submit)  // Enter opens the detail view only from the watchlist
        harness.user(.back)
        #expect(harness.state.version == focused)
    }

    @Test func everyChangeMovesTheVersionOnce() {
        var harness = DashboardHarness.connected()
        let version = harness.state.version
        harness.user(.nextPane)
        #expect(harness.state.version == version + 1)
        harness.user(.runCommand("theme light"))
        #expect(harness.state.version == version + 2)
    }

    @Test func overlaysThatTakeTextAreMarked() {
        #expect(Overlay.addSymbol("").acceptsText)
        #expect(Overlay.ticket.acceptsText)
        #expect(!Overlay.help.acceptsText)
        #expect(!Overlay.confirm(.cancelAllOrders(workingCount: 1)).acceptsText)
    }
}

@Suite struct SelectionAnchorTests {
    @Test func theSelectedOrderStaysSelectedWhenNewOrdersArriveAbove() {
        var harness = DashboardHarness.connected()
        for id in [1, 2] {
            harness.send(.openOrder(OpenOrderSnapshot(orderID: id, symbol: "SPY", side: .buy, quantity: 1, orderType: .market, status: .submitted)))
        }
        harness.user(.focus(.orders))
        harness.user(.moveSelection(.down))
        #expect(harness.state.selectedOrder?.orderID == 1)
        harness.send(.openOrder(OpenOrderSnapshot(orderID: 3, symbol: "QQQ", side: .sell, quantity: 1, orderType: .market, status: .submitted)))
        #expect(harness.state.orderList.map(\.orderID) == [3, 2, 1])
        #expect(harness.state.selectedOrder?.orderID == 1)
        #expect(harness.user(.cancelSelectedOrder).actions == [.cancelOrder(orderID: 1)])
    }

    @Test func theSelectedPositionStaysSelectedWhenAPositionSortsAbove() {
        var harness = DashboardHarness.connected()
        harness.send(.position(PositionUpdate(symbol: "MSFT", quantity: 1, averageCost: 400)))
        harness.send(.position(PositionUpdate(symbol: "TSLA", quantity: 1, averageCost: 250)))
        harness.user(.focus(.positions))
        harness.user(.moveSelection(.down))
        #expect(harness.state.selectedSymbol == "TSLA")
        harness.send(.position(PositionUpdate(symbol: "AAPL", quantity: 1, averageCost: 200)))
        #expect(harness.state.selectedSymbol == "TSLA")
        #expect(harness.state.selectedIndex(in: .positions) == 2)
    }

    @Test func aFinishedOrderSortingBelowKeepsTheSelectionOnIt() {
        var harness = DashboardHarness.connected()
        for id in [1, 2] {
            harness.send(.openOrder(OpenOrderSnapshot(orderID: id, symbol: "SPY", side: .buy, quantity: 1, orderType: .market, status: .submitted)))
        }
        harness.user(.focus(.orders))
        #expect(harness.state.selectedOrder?.orderID == 2)
        harness.user(.moveSelection(.top))
        harness.send(.orderStatus(OrderStatusReport(orderID: 2, status: .filled, filled: 1, remaining: 0)))
        #expect(harness.state.orderList.map(\.orderID) == [1, 2])
        #expect(harness.state.selectedOrder?.orderID == 2)
        #expect(harness.user(.cancelSelectedOrder).actions.isEmpty)
    }
}

extension SelectionAnchorTests {
    @Test func focusingAPaneAnchorsTheRowShownSelected() {
        var harness = DashboardHarness.connected()
        harness.send(.openOrder(OpenOrderSnapshot(orderID: 1, symbol: "SPY", side: .buy, quantity: 1, orderType: .market, status: .submitted)))
        harness.user(.focus(.orders))
        harness.send(.openOrder(OpenOrderSnapshot(orderID: 2, symbol: "QQQ", side: .buy, quantity: 1, orderType: .market, status: .submitted)))
        #expect(harness.state.selectedOrder?.orderID == 1)
    }
}
