import Dashboard
import Testing
import TerminalUI

/// Regression for "after Ctrl-Z and `fg` the P&L pane shows Realized = Unrealized (true value
/// 0.00) and the status bar twice".
///
/// Root cause: not the P&L numbers (the mapping below is right) but the screen. While the
/// dashboard was stopped the shell printed `[1]+ Stopped` and `fg`, which scrolled the screen;
/// on resume the backend diffed the next frame against the last frame it had drawn, printing
/// only the cells that changed, onto a screen that no longer showed that frame. Every row was
/// one row too high: the row labelled Realized (scrolled up from below) received the changed
/// digits of Unrealized, and the old status bar stayed one row above the new one. The fix:
/// SIGCONT (and Ctrl-L) make the loop `invalidate()` the backend, so the next frame clears the
/// screen and prints every cell.
@Suite struct PnLAfterResumeTests {
    static let size = Size(width: 120, height: 40)

    static func scenario(unrealized: Double) -> AdapterScenario {
        // No positions: the P&L pane then shows the gateway's account figures as they come.
        var scenario = AdapterScenario.connected()
        scenario.send(.accountPnL(AccountPnL(daily: unrealized, unrealized: unrealized, realized: 0)))
        return scenario
    }

    static func frame(_ scenario: AdapterScenario) -> Canvas {
        DashboardView.render(scenario.screen(), size: size, theme: .builtinDefault, glyphs: .unicode)
    }

    /// The P&L pane's row that starts with `label`, as the screen shows it.
    static func pnlRow(_ label: String, on canvas: Canvas) -> String? {
        canvas.lines.compactMap { line -> String? in
            guard let range = line.range(of: "│ \(label) ") else { return nil }
            return String(line[range.lowerBound...])
        }.first
    }

    @Test func realizedStaysZeroWhileUnrealizedMoves() throws {
        for unrealized in [-1.35, -2.48, 12.5] {
            let scenario = Self.scenario(unrealized: unrealized)
            let pnl = scenario.screen().pnl
            #expect(pnl.realized.value.text == "0.00" && pnl.realized.source == "gateway")
            #expect(pnl.unrealized.value.text != "0.00")
            let row = try #require(Self.pnlRow("Realized", on: Self.frame(scenario)))
            #expect(row.contains(" 0.00 gateway"), "\(row)")
        }
    }

    /// The bug as it was: a diff printed onto a screen the shell scrolled by one row.
    @Test func aDiffOntoAScrolledScreenShowsUnrealizedUnderTheRealizedLabel() throws {
        let terminal = VirtualTerminal(size: Self.size)
        terminal.present(Self.frame(Self.scenario(unrealized: -1.35)))
        terminal.scrollScreen(by: 1)  // `[1]+ Stopped` / `fg` while suspended
        let next = Self.frame(Self.scenario(unrealized: -2.48))
        terminal.present(next)
        let realized = try #require(Self.pnlRow("Realized", on: terminal.screen))
        #expect(realized.contains("2.48"), "the stale screen: \(realized)")
        #expect(terminal.screen.lines != next.lines)
    }

    /// The fix: SIGCONT and Ctrl-L invalidate, and the next frame repaints every cell.
    @Test func afterInvalidateTheScreenIsTheFrameAgain() throws {
        let terminal = VirtualTerminal(size: Self.size)
        terminal.present(Self.frame(Self.scenario(unrealized: -1.35)))
        terminal.scrollScreen(by: 1)
        terminal.invalidate()
        let next = Self.frame(Self.scenario(unrealized: -2.48))
        terminal.present(next)
        #expect(terminal.diffs.last?.isFullRedraw == true)
        #expect(terminal.screen.lines == next.lines)
        let realized = try #require(Self.pnlRow("Realized", on: terminal.screen))
        #expect(realized.contains(" 0.00 gateway"), "\(realized)")
        #expect(terminal.screen.lines.filter { $0.contains("PAPER") }.count == 1, "one status bar")
    }
}
