import Dashboard
import Testing
import TerminalUI
import Vocabulary

@Suite struct KeymapTests {
    @Test func bindsArrowsAndVimKeysAndTheTradingKeysByDefault() {
        let keymap = Keymap.defaults
        let expected: [(String, KeyAction)] = [
            ("up", .moveUp), ("k", .moveUp), ("down", .moveDown), ("j", .moveDown), ("h", .moveLeft),
            ("l", .moveRight), ("tab", .nextPane), ("shift-tab", .previousPane), ("enter", .confirm),
            ("esc", .back), ("b", .buy), ("s", .sell), ("c", .cancelOrder), ("C", .cancelAll),
            ("a", .addSymbol), ("d", .removeSymbol), ("?", .help), (":", .command), ("q", .quit),
        ]
        for (name, action) in expected {
            #expect(keymap.action(for: KeyEvent(name: name)!) == action, "\(name)")
        }
        #expect(keymap.action(for: .character("z")) == nil)
        #expect(keymap.entries.first?.action == .moveUp)
        #expect(keymap.entries.count == keymap.actions.count)
    }

    @Test func theDefaultConfigAndAConfigWithoutKeysLeaveTheKeymapAsBuiltAndWarnNothing() throws {
        // The defaults live in one place, the keymap: a config that names no keys overrides
        // nothing (until issue #13 the config carried a second list naming actions that do not
        // exist, three warnings at every start).
        var keymap = Keymap.defaults
        #expect(keymap.apply(overrides: DashboardConfig().keyBindings).isEmpty)
        #expect(keymap == Keymap.defaults)
        let parsed = try DashboardConfig.parse(toml: "watchlist = [\"AAPL\"]\n").config
        #expect(keymap.apply(overrides: parsed.keyBindings).isEmpty)
        #expect(keymap == Keymap.defaults)
    }

    @Test func theHelpSaysWhatHAndLDoInThePanes() {
        // h/l and the arrows switch panes; the help said "field or column".
        let input = DashboardKeyInput(keymap: .defaults)
        #expect(input.intent(for: .character("h"), overlay: .none, ticket: nil) == .previousPane)
        #expect(input.intent(for: .character("l"), overlay: .none, ticket: nil) == .nextPane)
        #expect(KeyAction.moveLeft.helpText == KeyAction.previousPane.helpText)
        #expect(KeyAction.moveRight.helpText == KeyAction.nextPane.helpText)
    }

    @Test func replacesAnActionsKeysAndFreesThemFromOtherActions() {
        var keymap = Keymap.defaults
        let warnings = keymap.apply(overrides: ["quit": ["ctrl-q", "F10"], "buy": ["B", "q"]])
        #expect(warnings.isEmpty)
        #expect(keymap.keys(for: .quit) == [.control("q"), .function(10)])
        #expect(keymap.action(for: .character("q")) == .buy)
        #expect(keymap.action(for: .character("b")) == nil)
        #expect(keymap.action(for: .function(10)) == .quit)
    }

    @Test func stealsADefaultKeyFromTheActionThatHadIt() {
        var keymap = Keymap.defaults
        _ = keymap.apply(overrides: ["help": ["k"]])
        #expect(keymap.action(for: .character("k")) == .help)
        #expect(keymap.keys(for: .moveUp) == [.up])
    }

    @Test func warnsAboutUnknownActionsKeysAndDoubleBindings() {
        var keymap = Keymap.defaults
        let warnings = keymap.apply(overrides: [
            "launch_rockets": ["x"], "sell": ["S", "hyper-s"], "buy": ["x"], "cancel_all": ["x"],
        ])
        #expect(warnings.map(\.keyPath) == ["keys.cancel_all", "keys.launch_rockets", "keys.sell"])
        #expect(warnings[0].message.contains("already bound to buy"))
        #expect(keymap.action(for: .character("x")) == .buy)
        #expect(keymap.keys(for: .sell) == [.character("S")])
        #expect(keymap.keys(for: .cancelAll).isEmpty)
    }

    @Test func unbindsAnActionGivenAnEmptyList() {
        var keymap = Keymap.defaults
        _ = keymap.apply(overrides: ["remove_symbol": []])
        #expect(keymap.action(for: .character("d")) == nil)
    }

    @Test func readsOverridesFromTheKeysTableOfConfigText() throws {
        let text = """
            gateway = "127.0.0.1:4002"
            [keys]
            quit = ["ctrl-q", "Q"]
            help = "F1"
            buy = 42
            """
        let (overrides, warnings) = try Keymap.overrides(fromTOML: text)
        #expect(overrides == ["quit": ["ctrl-q", "Q"], "help": ["F1"]])
        #expect(warnings.map(\.keyPath) == ["keys.buy"])
        #expect(try Keymap.overrides(fromTOML: "a = 1").overrides.isEmpty)
        #expect(throws: ConfigError.self) { try Keymap.overrides(fromTOML: "[keys\nquit = 1") }
    }

    @Test func aPanesOwnKeysShadowTheKeysOfEveryPaneOnlyInThatPane() {
        // Issue #13: r reverses a position in the positions pane and retries the connection
        // elsewhere; x closes a position; e modifies an order.
        let input = DashboardKeyInput(keymap: .defaults)
        #expect(input.intent(for: .character("r"), overlay: .none, ticket: nil, pane: .positions) == .reverseSelectedPosition)
        #expect(input.intent(for: .character("r"), overlay: .none, ticket: nil, pane: .watchlist) == .retryConnection)
        #expect(input.intent(for: .character("x"), overlay: .none, ticket: nil, pane: .positions) == .closeSelectedPosition)
        #expect(input.intent(for: .character("x"), overlay: .none, ticket: nil, pane: .orders)
                == .keyOfAnotherPane(key: "x", does: "close (flatten)", pane: .positions))
        #expect(input.intent(for: .character("e"), overlay: .none, ticket: nil, pane: .orders) == .modifySelectedOrder)
        #expect(input.intent(for: .character("b"), overlay: .none, ticket: nil, pane: .positions) == .openTicket(.buy))
        #expect(Keymap.defaults.keys(for: .reversePosition) == [.character("r")])
        #expect(Keymap.defaults.keys(for: .retryConnection) == [.character("r")])
    }

    @Test func rebindingAPanesKeyConflictsOnlyWithinItsScope() {
        var keymap = Keymap.defaults
        // x is free among the positions pane's keys once close_position moves to X.
        let warnings = keymap.apply(overrides: ["close_position": ["X"], "reverse_position": ["x"]])
        #expect(warnings.isEmpty)
        #expect(keymap.action(for: .character("x"), in: .positions) == .reversePosition)
        #expect(keymap.action(for: .character("r"), in: .positions) == .retryConnection)
        #expect(keymap.action(for: .character("X"), in: .positions) == .closePosition)
    }
}

extension KeymapTests {
    /// The replay's keys: space, `.`, `<`, `>` in the panes; in the ticket `.` stays a decimal point.
    @Test func theReplayKeysPauseStepAndJumpAndLeaveTheTicketAndTheWatchlistKeysAlone() {
        let input = DashboardKeyInput()
        #expect(input.intent(for: .character(" "), overlay: .none, ticket: nil) == .replay(.togglePause))
        #expect(input.intent(for: .character("."), overlay: .none, ticket: nil, pane: .orders) == .replay(.step))
        #expect(input.intent(for: .character("<"), overlay: .none, ticket: nil) == .replay(.jump(seconds: -60)))
        #expect(input.intent(for: .character(">"), overlay: .none, ticket: nil, pane: .positions) == .replay(.jump(seconds: 60)))
        #expect(input.intent(for: .character("]"), overlay: .none, ticket: nil) == .stepWatchlist(by: 1))
        #expect(input.intent(for: .character("."), overlay: .ticket, ticket: nil) == .insertText("."))
    }
}
