import Dashboard
import Testing
import TerminalUI
import Vocabulary

/// Keys as the terminal loop hands them over (`DashboardKeyInput.command`), applied to a real
/// dashboard state: the "terminal too small" screen, Ctrl-C, Ctrl-L and Ctrl-Z.
@Suite struct DashboardKeyCommandTests {
    static let tooSmall = Size(width: 40, height: 10)
    static let full = Size(width: 120, height: 40)

    /// A scenario plus the effects its keys produced.
    struct Keyboard {
        var scenario: AdapterScenario
        var input = DashboardKeyInput(keymap: .defaults)
        var effects: [DashboardEffect] = []
        var commands: [DashboardKeyInput.Command?] = []

        init(_ scenario: AdapterScenario) {
            self.scenario = scenario
        }

        /// Presses `keys` on a terminal of `size`, sending each intent as the loop does.
        mutating func press(_ keys: KeyEvent..., size: Size) {
            for key in keys {
                let state = scenario.state
                let command = input.command(
                    for: key, overlay: state.interface.overlay, ticket: state.ticket,
                    screenTooSmall: DashboardLayout.isTooSmall(size))
                commands.append(command)
                if case let .intent(intent)? = command {
                    let produced = scenario.state.apply(.user(intent), at: scenario.now)
                    effects += produced
                    // The gateway answers a review's what-if at once.
                    for case .requestWhatIf(let serial, _) in produced {
                        effects += scenario.state.apply(
                            .whatIf(serial: serial, .answered(WhatIfReport(initMarginChange: 5_000))), at: scenario.now)
                    }
                }
            }
        }

        var placedOrders: Int {
            effects.filter { if case .placeOrder = $0 { true } else { false } }.count
        }

        var screen: String {
            DashboardView.render(scenario.screen(), size: DashboardKeyCommandTests.tooSmall, theme: .builtinDefault, glyphs: .unicode)
                .lines.joined(separator: "\n")
        }
    }

    /// The market with a working AAPL limit buy.
    static func working() -> AdapterScenario {
        var scenario = AdapterScenario.market()
        scenario.send(.openOrder(OpenOrderSnapshot(orderID: 120, symbol: "AAPL", side: .buy, quantity: 10,
                                                 orderType: .limit, limitPrice: FixedDecimal("230.00"), status: .submitted)))
        return scenario
    }

    static let buyMarket: [KeyEvent] = [.character("b"), .character("1"), .character("m"), .enter, .enter]

    // MARK: The too-small screen

    @Test func theSameKeysPlaceAnOrderAtFullSize() {
        var keyboard = Keyboard(AdapterScenario.market())
        for key in Self.buyMarket { keyboard.press(key, size: Self.full) }
        #expect(keyboard.placedOrders == 1, "the control case: these keys do place an order when the panes show")
    }

    @Test func tradingKeysDoNothingWhileTheTerminalIsTooSmall() {
        var keyboard = Keyboard(AdapterScenario.market())
        let before = keyboard.scenario.state
        for key in Self.buyMarket { keyboard.press(key, size: Self.tooSmall) }
        let others: [KeyEvent] = [.character("C"), .character("c"), .character(":"), .character("a"), .character("d"),
                                  .character("?"), .tab, .down, .escape, .character("y"), .backspace, .function(1)]
        for key in others { keyboard.press(key, size: Self.tooSmall) }
        #expect(keyboard.effects.isEmpty)
        #expect(keyboard.placedOrders == 0)
        #expect(keyboard.commands.allSatisfy { $0 == nil })
        #expect(keyboard.scenario.state.version == before.version, "not even the focus or an overlay changed")
    }

    @Test func tooSmallIgnoresKeysInsideAnOpenTicket() {
        var scenario = AdapterScenario.market()
        scenario.user(.openTicket(.buy))
        var keyboard = Keyboard(scenario)
        for key: KeyEvent in [.character("1"), .character("0"), .enter, .enter, .enter] { keyboard.press(key, size: Self.tooSmall) }
        #expect(keyboard.effects.isEmpty)
        #expect(keyboard.scenario.state.ticket == scenario.state.ticket)
        #expect(keyboard.scenario.state.ticket?.sentOrderID == nil)
        #expect(keyboard.scenario.state.interface.overlay == .ticket)
    }

    @Test func quitKeysQuitOnTheTooSmallScreenWithNothingWorking() {
        for key: KeyEvent in [.character("q"), .control("c")] {
            var keyboard = Keyboard(AdapterScenario.market())
            keyboard.press(key, size: Self.tooSmall)
            #expect(keyboard.scenario.state.isQuitting, "\(key)")
            #expect(keyboard.effects == [.quit])
        }
    }

    @Test func tooSmallQuitAsksWithWorkingOrdersAndTheScreenSaysSo() {
        var keyboard = Keyboard(Self.working())
        #expect(keyboard.screen.contains("other keys ignored; q or ctrl-c quits"))
        keyboard.press(.character("q"), size: Self.tooSmall)
        #expect(!keyboard.scenario.state.isQuitting)
        #expect(keyboard.scenario.state.interface.overlay == .confirm(.quitWithWorkingOrders(workingCount: 1)))
        #expect(keyboard.screen.contains("orders working: q or ctrl-c again quits"))
        // Only quit keys act: Esc, n, y and Enter are ignored while nothing can be read.
        keyboard.press(.escape, .character("n"), .character("y"), .enter, size: Self.tooSmall)
        #expect(keyboard.effects.isEmpty)
        keyboard.press(.character("q"), size: Self.tooSmall)
        #expect(keyboard.scenario.state.isQuitting)
        #expect(keyboard.effects == [.quit])
    }

    @Test func aReboundQuitKeyIsTheOneThatWorksWhenTooSmall() {
        var keymap = Keymap.defaults
        _ = keymap.apply(overrides: ["quit": ["x"]])
        var keyboard = Keyboard(AdapterScenario.market())
        keyboard.input = DashboardKeyInput(keymap: keymap)
        keyboard.press(.character("q"), size: Self.tooSmall)
        #expect(!keyboard.scenario.state.isQuitting)
        keyboard.press(.character("x"), size: Self.tooSmall)
        #expect(keyboard.scenario.state.isQuitting)
        let screen = DashboardScreen(state: AdapterScenario.market().state, now: keyboard.scenario.now, keymap: keymap)
        #expect(screen.quitKeys == ["x", "ctrl-c"])
    }

    // MARK: Ctrl-C

    @Test func ctrlCQuitsAtOnceWithNothingWorking() {
        var keyboard = Keyboard(AdapterScenario.market())
        keyboard.press(.control("c"), size: Self.full)
        #expect(keyboard.commands == [.intent(.quit)])
        #expect(keyboard.scenario.state.isQuitting)
        #expect(keyboard.effects == [.quit])
    }

    @Test func ctrlCAsksWithWorkingOrdersAndASecondCtrlCQuits() {
        var keyboard = Keyboard(Self.working())
        keyboard.press(.control("c"), size: Self.full)
        #expect(!keyboard.scenario.state.isQuitting)
        #expect(keyboard.scenario.state.interface.overlay == .confirm(.quitWithWorkingOrders(workingCount: 1)))
        let asked = DashboardView.render(keyboard.scenario.screen(), size: Self.full, theme: .builtinDefault, glyphs: .unicode)
        #expect(asked.lines.joined().contains("y/ctrl-c yes   n no"))
        keyboard.press(.control("c"), size: Self.full)
        #expect(keyboard.commands == [.intent(.quit), .intent(.submit)])
        #expect(keyboard.scenario.state.isQuitting)
        #expect(keyboard.effects == [.quit])
    }

    @Test func ctrlCAskedThenDeclinedKeepsRunning() {
        var keyboard = Keyboard(Self.working())
        keyboard.press(.control("c"), .character("n"), size: Self.full)
        #expect(!keyboard.scenario.state.isQuitting)
        #expect(keyboard.scenario.state.interface.overlay == .none)
        #expect(keyboard.effects.isEmpty)
    }

    @Test func ctrlCQuitsFromTheTicketAndTheCommandLineAsQDoesFromThePanes() {
        var ticket = AdapterScenario.market()
        ticket.user(.openTicket(.buy))
        var keyboard = Keyboard(ticket)
        keyboard.press(.control("c"), size: Self.full)
        #expect(keyboard.commands == [.intent(.runCommand("quit"))])
        #expect(keyboard.scenario.state.isQuitting, "nothing working: quits")

        var working = Self.working()
        working.user(.openCommandLine)
        working.type("buy 5 AAPL mkt")
        keyboard = Keyboard(working)
        keyboard.press(.control("c"), size: Self.full)
        #expect(keyboard.scenario.state.interface.overlay == .confirm(.quitWithWorkingOrders(workingCount: 1)))
        #expect(keyboard.placedOrders == 0)
        keyboard.press(.control("c"), size: Self.full)
        #expect(keyboard.scenario.state.isQuitting)
    }

    @Test func ctrlCNeverAnswersYesToCancelAll() {
        var keyboard = Keyboard(Self.working())
        keyboard.press(.character("C"), size: Self.full)
        #expect(keyboard.scenario.state.interface.overlay == .confirm(.cancelAllOrders(workingCount: 1)))
        keyboard.press(.control("c"), size: Self.full)
        #expect(!keyboard.effects.contains(.cancelAllOrders))
        #expect(keyboard.scenario.state.interface.overlay == .confirm(.quitWithWorkingOrders(workingCount: 1)))
    }

    @Test func quitIntentForEveryOverlay() {
        #expect(DashboardKeyInput.quitIntent(overlay: .none) == .quit)
        #expect(DashboardKeyInput.quitIntent(overlay: .confirm(.quitWithWorkingOrders(workingCount: 2))) == .submit)
        for overlay: Overlay in [.help, .ticket, .commandLine("x"), .addSymbol("A"), .confirm(.cancelAllOrders(workingCount: 1))] {
            #expect(DashboardKeyInput.quitIntent(overlay: overlay) == .runCommand("quit"), "\(overlay)")
        }
    }

    // MARK: Ctrl-L and Ctrl-Z

    @Test func ctrlLRedrawsAndCtrlZSuspendsEverywhereWithoutTouchingTheState() {
        var ticket = AdapterScenario.market()
        ticket.user(.openTicket(.buy))
        var command = AdapterScenario.market()
        command.user(.openCommandLine)
        for scenario in [AdapterScenario.market(), ticket, command, Self.working()] {
            for size in [Self.full, Self.tooSmall] {
                var keyboard = Keyboard(scenario)
                keyboard.press(.control("l"), .control("z"), size: size)
                #expect(keyboard.commands == [.redraw, .suspend])
                #expect(keyboard.scenario.state.version == scenario.state.version)
            }
        }
    }
}
