import Dashboard
import Testing
import TerminalUI
import Vocabulary

/// The footer row: the keys of each pane and mode as bound, the last result while it is shown,
/// at 80 and 160 columns; the command line's keys; the Messages pane's new-below count; a
/// fill's flash.
@Suite struct FooterTests {
    static func hints(_ mode: FooterMode, keymap: Keymap = .defaults, width: Int = 160) -> String {
        FooterView(line: DashboardScreenBuilder.footer(note: nil, mode: mode, keymap: keymap)).text(width: width, glyphs: .unicode)
    }

    @Test(arguments: [
        (FooterMode.pane(.watchlist), "b buy  s sell  a add  d remove  Tab panes  : command  ? help  q quit"),
        (.pane(.positions), "x close  r reverse  b buy  s sell  Tab panes  : command  ? help  q quit"),
        (.pane(.orders), "e modify  c cancel  C cancel all  ↑↓ select  Tab panes  : command  ? help  q quit"),
        (.pane(.messages), "↑↓ scroll  End newest  Tab panes  : command  ? help  q quit"),
        (.ticketEditing(canOverride: false), "Tab next field  m l s t r R type  g tif  a attach  $ size by money  Enter review  Esc close"),
        (.ticketEditing(canOverride: true), "Tab next field  m l s t r R type  g tif  a attach  $ size by money  Enter review  Esc close  o override"),
        (.ticketReview(canOverride: false), "Enter send  Esc edit"),
        (.commandLine, "Enter run  Tab complete  ↑↓ history  Esc close"),
        (.confirmation, "y yes  n no"),
    ])
    func eachPaneAndModeNamesItsKeys(mode: FooterMode, expected: String) {
        #expect(Self.hints(mode) == expected)
    }

    @Test func theHintsShowTheKeysActuallyBound() {
        var keymap = Keymap.defaults
        _ = keymap.apply(overrides: ["buy": ["B"], "remove_symbol": [], "command": [";"], "move_up": ["k"], "move_down": ["j"]])
        #expect(Self.hints(.pane(.watchlist), keymap: keymap) == "B buy  s sell  a add  Tab panes  ; command  ? help  q quit")
        #expect(Self.hints(.pane(.orders), keymap: keymap) == "e modify  c cancel  C cancel all  k/j select  Tab panes  ; command  ? help  q quit")
    }

    @Test func eightyColumnsKeepWholeHintsAndCutALongNote() {
        #expect(Self.hints(.pane(.orders), width: 45) == "e modify  c cancel  C cancel all  ↑↓ select")
        #expect(Self.hints(.pane(.orders), width: 44) == "e modify  c cancel  C cancel all")
        let note = FooterNote("Command not run: unknown command 'foo'; did you mean 'add'?", severity: .warning, since: .origin)
        let short = FooterView(line: DashboardScreenBuilder.footer(note: note, mode: .pane(.watchlist), keymap: .defaults))
        #expect(short.text(width: 80, glyphs: .unicode)
            == "△ Command not run: unknown command 'foo'; did you mean 'add'?  b buy  s sell")
        #expect(short.text(width: 160, glyphs: .unicode).hasSuffix("did you mean 'add'?  b buy  s sell  a add  d remove  Tab panes  : command  ? help  q quit"))
        let long = FooterNote(String(repeating: "word ", count: 30), severity: .info, since: .origin)
        let cut = FooterView(line: DashboardScreenBuilder.footer(note: long, mode: .pane(.watchlist), keymap: .defaults))
        #expect(cut.text(width: 80, glyphs: .unicode).hasSuffix("word …"))
        #expect(DisplayWidth.of(cut.text(width: 80, glyphs: .unicode)) == 78, "the row less its margin, no hint after it")
        #expect(cut.text(width: 80, glyphs: .ascii).hasSuffix("..."))
    }

    /// The footer row of the whole dashboard at `size`.
    static func footerRow(_ scenario: AdapterScenario, size: Size) -> String {
        var renderer = DashboardFrameRenderer(keymap: .defaults)
        let canvas = renderer.frame(state: scenario.state, now: scenario.now, size: size, theme: .builtinDefault, glyphs: .unicode)
        #expect(canvas == DashboardView.render(scenario.screen(), size: size, theme: .builtinDefault, glyphs: .unicode),
                "the frame renderer draws what the view draws")
        return canvas.lines[size.height - 2]
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 160, height: 48)])
    func aFailedCommandAnswersInTheFooterUntilItExpires(size: Size) {
        var scenario = AdapterScenario.market()
        scenario.user(.openCommandLine)
        scenario.type("foo")
        scenario.user(.submit)
        let closest = DashboardCommand.closestVerb(to: "foo")
        let row = Self.footerRow(scenario, size: size)
        #expect(row.hasPrefix(" △ Command not run: unknown command 'foo'; did you mean '\(closest)'?  b buy"), "\(row)")
        scenario.at(8)
        #expect(Self.footerRow(scenario, size: size).hasPrefix(" b buy  s sell  a add"))
    }

    @Test func theCommandLineSitsAboveTheFooterWithItsKeys() {
        var scenario = AdapterScenario.market()
        scenario.user(.openCommandLine)
        scenario.type("expl")
        let canvas = DashboardView.render(scenario.screen(), size: Size(width: 80, height: 24), theme: .builtinDefault, glyphs: .unicode)
        #expect(canvas.lines[21].hasPrefix(":expl "))
        #expect(canvas.lines[22].hasPrefix(" Enter run  Tab complete  ↑↓ history  Esc close"))
        #expect(canvas.lines[23].hasPrefix(" PAPER"))
    }

    @Test func upDownAndTabActInTheCommandLineOnly() {
        let input = DashboardKeyInput(keymap: .defaults)
        #expect(input.intent(for: .up, overlay: .commandLine("x"), ticket: nil) == .recallCommand(older: true))
        #expect(input.intent(for: .down, overlay: .commandLine("x"), ticket: nil) == .recallCommand(older: false))
        #expect(input.intent(for: .tab, overlay: .commandLine("x"), ticket: nil) == .completeCommand)
        #expect(input.intent(for: .character("k"), overlay: .commandLine("x"), ticket: nil) == .insertText("k"))
        #expect(input.intent(for: .tab, overlay: .addSymbol("K"), ticket: nil) == nil)
        #expect(input.intent(for: .up, overlay: .none, ticket: nil) == .moveSelection(.up))
    }

    @Test func theMessagesPaneListsTheNewestLastAndSaysWhatArrivedBelowWhenScrolled() throws {
        var scenario = AdapterScenario.market()
        for index in 0..<4 { scenario.user(.runCommand("nope\(index)")) }
        var screen = scenario.screen()
        #expect(screen.messages.last?.text.hasPrefix("Command not run: unknown command 'nope3'") == true,
                "ibterm's own message with its own text, newest last")
        #expect(screen.selection[.messages] == screen.messages.count - 1, "following the newest")
        scenario.user(.focus(.messages))
        scenario.user(.moveSelection(.up))
        scenario.user(.runCommand("nope4"))
        scenario.user(.runCommand("nope5"))
        screen = scenario.screen()
        #expect(screen.messagesNewBelow == 2)
        let canvas = DashboardView.render(screen, size: Size(width: 120, height: 40), theme: .builtinDefault, glyphs: .unicode)
        #expect(canvas.textDump.contains(" 2 new ↓ "))
        scenario.user(.moveSelection(.bottom))
        #expect(scenario.screen().messagesNewBelow == 0)
    }

    @Test func aFillFlashesItsRowsForAMoment() throws {
        var scenario = AdapterScenario.market()
        scenario.at(41)
        scenario.send(.openOrder(OpenOrderSnapshot(orderID: 100, symbol: "AAPL", side: .buy, quantity: 100,
                                                 orderType: .limit, limitPrice: FixedDecimal("231.21"), status: .submitted)))
        scenario.at(42)
        scenario.send(.execution(FillReport(executionID: "0001", orderID: 100, symbol: "AAPL", side: .buy,
                                            shares: 100, price: 231.19)))
        var screen = scenario.screen()
        #expect(screen.executions.first?.isFlashing == true)
        #expect(screen.orders.first { $0.orderID == "100" }?.isFlashing == true)
        let size = Size(width: 120, height: 40)
        var renderer = DashboardFrameRenderer(keymap: .defaults)
        let canvas = renderer.frame(state: scenario.state, now: scenario.now, size: size, theme: .builtinDefault, glyphs: .unicode)
        let row = try #require(canvas.lines.firstIndex { $0.contains("231.19") && $0.contains("BUY") && $0.contains("1.00") == false })
        #expect(canvas.roleLines[row].contains("FFFF"))
        scenario.at(44)
        screen = scenario.screen()
        #expect(screen.executions.first?.isFlashing == false)
        let later = renderer.frame(state: scenario.state, now: scenario.now, size: size, theme: .builtinDefault, glyphs: .unicode)
        #expect(!later.roleDump.contains("F"), "the flash is over two seconds later")
        #expect(later == DashboardView.render(screen, size: size, theme: .builtinDefault, glyphs: .unicode))
    }
}
