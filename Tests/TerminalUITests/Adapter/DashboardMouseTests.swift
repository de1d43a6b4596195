import Dashboard
import Testing
@testable import TerminalUI

/// Issue #14 item 7: a click selects a row or a pane, the wheel scrolls; only on the frame shown.
@Suite struct DashboardMouseTests {
    static let size = Size(width: 120, height: 40)

    /// Where the row `index` of `pane` is drawn at `size` (the pane's border, header, then rows).
    static func point(row index: Int, of pane: PaneID, in screen: DashboardScreen) throws -> Point {
        let layout = DashboardView.layout(of: screen, size: size, glyphs: .unicode)
        let area = try #require(layout.panes[pane])
        return Point(x: area.x + 5, y: area.y + 2 + index)
    }

    @Test func aClickOnAWatchlistRowSelectsThatRow() throws {
        var scenario = AdapterScenario.market()
        let screen = scenario.screen()
        let intents = DashboardMouse.intents(
            for: MouseEvent(.press, at: try Self.point(row: 2, of: .watchlist, in: screen)), screen: screen, size: Self.size, glyphs: .unicode)
        #expect(intents == [.selectRow(.watchlist, 2)])
        for intent in intents { scenario.user(intent) }
        #expect(scenario.state.selectedSymbol == scenario.state.watchlist.symbols[2])
    }

    @Test func aClickOnAnotherPaneFocusesItAndSelectsItsRow() throws {
        var scenario = AdapterScenario.market()
        let screen = scenario.screen()
        let intents = DashboardMouse.intents(
            for: MouseEvent(.press, at: try Self.point(row: 1, of: .positions, in: screen)), screen: screen, size: Self.size, glyphs: .unicode)
        #expect(intents == [.selectRow(.positions, 1)])
        for intent in intents { scenario.user(intent) }
        #expect(scenario.state.interface.focusedPane == .positions)
        #expect(scenario.state.selectedIndex(in: .positions) == 1)
    }

    @Test func aClickOnAHeaderOrBelowTheRowsOnlyFocuses() throws {
        let scenario = AdapterScenario.market()
        let screen = scenario.screen()
        let layout = DashboardView.layout(of: screen, size: Self.size, glyphs: .unicode)
        let positions = try #require(layout.panes[.positions])
        let header = Point(x: positions.x + 3, y: positions.y + 1)
        #expect(DashboardMouse.intents(for: MouseEvent(.press, at: header), screen: screen, size: Self.size, glyphs: .unicode) == [.focus(.positions)])
        let below = Point(x: positions.x + 3, y: positions.maxY - 2)
        #expect(DashboardMouse.intents(for: MouseEvent(.press, at: below), screen: screen, size: Self.size, glyphs: .unicode) == [.focus(.positions)])
    }

    @Test func theWheelScrollsThePaneUnderIt() throws {
        let scenario = AdapterScenario.market()
        let screen = scenario.screen()
        let point = try Self.point(row: 0, of: .watchlist, in: screen)
        #expect(DashboardMouse.intents(for: MouseEvent(.wheelDown, at: point), screen: screen, size: Self.size, glyphs: .unicode)
                == [.focus(.watchlist), .moveSelection(.down), .moveSelection(.down), .moveSelection(.down)])
        #expect(DashboardMouse.intents(for: MouseEvent(.wheelUp, at: point), screen: screen, size: Self.size, glyphs: .unicode).count == 4)
    }

    @Test func aScrolledListCountsFromItsFirstVisibleRow() {
        // 30 rows, 5 visible, row 20 selected: rows 16-20 show; the third visible line is row 18.
        #expect(Table.firstVisibleRow(selectedRow: 20, totalRows: 30, visibleRows: 5) == 16)
        #expect(Table.firstVisibleRow(selectedRow: 2, totalRows: 30, visibleRows: 5) == 0)
    }

    @Test func theMouseDoesNothingUnderAnOverlayOrOnTheStatusBarOrWhenTooSmall() throws {
        var scenario = AdapterScenario.market()
        let plain = scenario.screen()
        let status = Point(x: 3, y: Self.size.height - 1)
        #expect(DashboardMouse.intents(for: MouseEvent(.press, at: status), screen: plain, size: Self.size, glyphs: .unicode).isEmpty)
        #expect(DashboardMouse.intents(for: MouseEvent(.press, at: Point(x: 3, y: 3)), screen: plain, size: Size(width: 60, height: 20), glyphs: .unicode).isEmpty)
        scenario.user(.toggleHelp)
        let help = scenario.screen()
        #expect(DashboardMouse.intents(for: MouseEvent(.press, at: try Self.point(row: 1, of: .watchlist, in: help)), screen: help, size: Self.size, glyphs: .unicode).isEmpty)
        scenario.user(.back)
        scenario.user(.openTicket(.buy))
        let ticket = scenario.screen()
        #expect(DashboardMouse.intents(for: MouseEvent(.press, at: try Self.point(row: 1, of: .watchlist, in: ticket)), screen: ticket, size: Self.size, glyphs: .unicode).isEmpty)
    }
}

extension DashboardMouseTests {
    @Test func aClickOnAnOlderMessageSelectsItAndStopsFollowing() throws {
        var scenario = AdapterScenario.market()
        let screen = scenario.screen()
        let intents = DashboardMouse.intents(
            for: MouseEvent(.press, at: try Self.point(row: 0, of: .messages, in: screen)), screen: screen, size: Self.size, glyphs: .unicode)
        #expect(intents == [.selectRow(.messages, 0)])
        for intent in intents { scenario.user(intent) }
        #expect(scenario.state.interface.focusedPane == .messages)
        #expect(scenario.state.selectedIndex(in: .messages) == 0)
        #expect(!scenario.state.isFollowingMessages)
    }
}
