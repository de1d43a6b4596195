import Testing
import Vocabulary
@testable import Dashboard

/// The command line: its history (Up/Down, saved and restored), Tab completion, and what a
/// refused line says in the footer.
@Suite struct CommandLineHistoryTests {
    /// Runs `lines` through the command line, as typed.
    static func harness(running lines: [String]) -> DashboardHarness {
        var harness = DashboardHarness.withLiveAAPL()
        for line in lines {
            harness.user(.openCommandLine)
            harness.type(line)
            harness.user(.submit)
            harness.user(.back)
        }
        return harness
    }

    var overlay: (DashboardHarness) -> Overlay = { $0.state.interface.overlay }

    @Test func upAndDownWalkTheHistoryAndComeBackToTheDraft() {
        var harness = Self.harness(running: ["explain 354", "add KO", "theme light"])
        harness.user(.openCommandLine)
        harness.type("ca")
        harness.user(.recallCommand(older: true))
        #expect(overlay(harness) == .commandLine("theme light"))
        harness.user(.recallCommand(older: true))
        harness.user(.recallCommand(older: true))
        #expect(overlay(harness) == .commandLine("explain 354"))
        harness.user(.recallCommand(older: true))
        #expect(overlay(harness) == .commandLine("explain 354"), "nothing older: the line stays")
        #expect(harness.state.footer?.text == "No older command.")
        harness.user(.recallCommand(older: false))
        #expect(overlay(harness) == .commandLine("add KO"))
        harness.user(.recallCommand(older: false))
        harness.user(.recallCommand(older: false))
        #expect(overlay(harness) == .commandLine("ca"), "past the newest: the text typed before browsing")
    }

    @Test func aRecalledLineRunsAndIsRecordedOnceAsTheNewest() {
        var harness = Self.harness(running: ["explain 354", "add KO"])
        harness.user(.openCommandLine)
        harness.user(.recallCommand(older: true))
        harness.user(.recallCommand(older: true))
        let effects = harness.user(.submit)
        #expect(effects.contains(.saveCommandHistory(["explain 354", "add KO", "explain 354"])))
        #expect(harness.state.interface.overlay == .explanation(
            MessageCatalog.filledEntry(MessageCatalog.entryOrUnknown(for: 354))))
        harness.user(.back)
        harness.user(.openCommandLine)
        harness.type("explain 354")
        #expect(!harness.user(.submit).contains { if case .saveCommandHistory = $0 { true } else { false } },
                "a repeat of the newest line is not recorded (or saved) again")
    }

    @Test func theHistoryIsBoundedAndSavedWhole() {
        var history = CommandHistory()
        for index in 0..<(CommandHistory.defaultCapacity + 5) { history.record("explain \(index)") }
        #expect(history.lines.count == CommandHistory.defaultCapacity)
        #expect(history.lines.first == "explain 5" && history.lines.last == "explain 204")
        history.record("  :add KO \n")
        history.record("")
        #expect(history.lines.last == "add KO", "the leading colon and blanks are dropped, empty lines skipped")
    }

    @Test func aSavedHistoryIsRestoredAtStart() {
        var harness = DashboardHarness.connected()
        harness.send(.commandHistoryLoaded(["add KO", "buy 10 AAPL", "buy 10 AAPL", ""]))
        #expect(harness.state.commandHistory.lines == ["add KO", "buy 10 AAPL"])
        harness.user(.openCommandLine)
        harness.user(.recallCommand(older: true))
        #expect(harness.state.interface.overlay == .commandLine("buy 10 AAPL"))
    }

    @Test func upAndDownOutsideTheCommandLineDoNothing() {
        var harness = Self.harness(running: ["add KO"])
        let before = harness.state.interface
        harness.user(.recallCommand(older: true))
        harness.user(.completeCommand)
        #expect(harness.state.interface == before)
    }
}

@Suite struct CommandCompletionTests {
    static let symbols = ["AAPL", "AMZN", "META", "MSFT", "KO"]

    @Test(arguments: [
        ("ex", "explain "),
        ("ca", "cancel"),
        ("cancela", "cancelall "),
        (":th", ":theme "),
        ("buy 10 AA", "buy 10 AAPL "),
        ("buy 10 a", "buy 10 A"),
        ("add k", "add KO "),
        ("remove MS", "remove MSFT "),
        ("buy AA", "buy AA"),
        ("explain 35", "explain 35"),
        ("zz", "zz"),
    ])
    func completesVerbsAndTheSymbolAVerbTakes(line: String, completed: String) {
        #expect(CommandCompletion.complete(line, symbols: Self.symbols).line == completed)
    }

    @Test func severalMatchesAreListedInTheFooter() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.openCommandLine)
        harness.type("sell 5 M")
        harness.user(.completeCommand)
        #expect(harness.state.interface.overlay == .commandLine("sell 5 M"))
        #expect(harness.state.footer?.text == "Tab: META MSFT")
        harness.type("S")
        harness.user(.completeCommand)
        #expect(harness.state.interface.overlay == .commandLine("sell 5 MSFT "))
        harness.user(.completeCommand)
        #expect(harness.state.footer?.text == "Nothing to complete.")
    }

    @Test func aPositionOffTheWatchlistCompletes() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.send(.position(PositionUpdate(account: DashboardHarness.paperAccount, symbol: "XOM", quantity: 30, averageCost: 110)))
        harness.user(.openCommandLine)
        harness.type("sell 30 X")
        harness.user(.completeCommand)
        #expect(harness.state.interface.overlay == .commandLine("sell 30 XOM "))
    }
}

@Suite struct CommandRefusalTests {
    @Test(arguments: [
        ("selll", "sell"), ("bye", "buy"), ("cancelal", "cancelall"), ("explian", "explain"), ("thme", "theme"),
        ("ad", "add"), ("qiut", "quit"), ("rmove", "remove"), ("hlep", "help"),
    ])
    func anUnknownVerbNamesTheClosestCommand(typed: String, closest: String) {
        #expect(DashboardCommand.closestVerb(to: typed) == closest)
        guard case .failure(let error) = DashboardCommand.parse(typed) else {
            Issue.record("'\(typed)' parsed")
            return
        }
        #expect(error.message == "unknown command '\(typed)'; did you mean '\(closest)'?")
    }

    @Test func everyVerbOfTheTableIsAKnownCommand() {
        for verb in DashboardCommand.verbs {
            for spelling in verb.spellings {
                if case .failure(let error) = DashboardCommand.parse(spelling) {
                    #expect(!error.message.hasPrefix("unknown command"), "\(spelling)")
                }
            }
        }
    }

    @Test func aFailedCommandSaysWhyInTheFooterAndTheLog() throws {
        var harness = DashboardHarness.connected()
        harness.user(.openCommandLine)
        harness.type("foo")
        harness.user(.submit)
        let closest = DashboardCommand.closestVerb(to: "foo")
        let footer = try #require(harness.state.footerNote(at: harness.instant))
        #expect(footer.text == "Command not run: unknown command 'foo'; did you mean '\(closest)'?")
        #expect(footer.severity == .warning)
        #expect(harness.latestMessage?.explanation == "unknown command 'foo'; did you mean '\(closest)'?")
    }

    @Test(arguments: [
        ("buy", "'buy' needs a quantity and a symbol: buy QTY|$AMOUNT SYMBOL"),
        ("sell 100", "'sell 100' needs a symbol after the quantity: sell QTY|$AMOUNT SYMBOL"),
        ("buy AAPL", "'buy AAPL' needs a quantity before the symbol: buy QTY|$AMOUNT SYMBOL"),
    ])
    func anIncompleteOrderSaysWhatIsMissing(line: String, start: String) throws {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.runCommand(line))
        let footer = try #require(harness.state.footerNote(at: harness.instant))
        #expect(footer.text.hasPrefix("Order not understood: " + start), "\(footer.text)")
        #expect(harness.state.ticket == nil)
    }
}

@Suite struct FooterNoteTests {
    @Test func anInfoNoteShowsForFourSecondsOnTheMonotonicClock() throws {
        var harness = DashboardHarness.connected()
        harness.user(.addSymbol("KO"))
        let note = try #require(harness.state.footerNote(at: harness.instant))
        #expect(note.text.hasPrefix("KO added"), "\(note.text)")
        harness.wallOffset = -3_600_000
        harness.advance(milliseconds: 3_999)
        #expect(harness.state.footerNote(at: harness.instant) != nil, "a stepped wall clock changes nothing")
        harness.advance(milliseconds: 1)
        #expect(harness.state.footerNote(at: harness.instant) == nil)
    }

    @Test func aWarningShowsForEightSecondsAndTheNextNoteReplacesIt() throws {
        var harness = DashboardHarness.connected()
        harness.user(.runCommand("launch"))
        harness.advance(seconds: 7)
        #expect(harness.state.footerNote(at: harness.instant)?.severity == .warning)
        harness.advance(seconds: 1)
        #expect(harness.state.footerNote(at: harness.instant) == nil)
        harness.user(.runCommand("nonsense"))
        harness.user(.addSymbol("KO"))
        #expect(harness.state.footerNote(at: harness.instant)?.text.hasPrefix("KO added") == true)
    }

    @Test func theFooterModeFollowsTheOverlayAndTheTicket() {
        var harness = DashboardHarness.withLiveAAPL()
        #expect(harness.state.footerMode == .pane(.watchlist))
        harness.user(.nextPane)
        #expect(harness.state.footerMode == .pane(.positions))
        harness.user(.openCommandLine)
        #expect(harness.state.footerMode == .commandLine)
        harness.user(.back)
        harness.user(.focus(.watchlist))
        harness.user(.openTicket(.buy))
        #expect(harness.state.footerMode == .ticketEditing(canOverride: false))
        harness.type("10")
        harness.user(.submit)
        #expect(harness.state.footerMode == .ticketReview(canOverride: false))
        harness.user(.submit)
        #expect(harness.state.footerMode == .ticketSent)
    }

    @Test func configWarningsReachTheLogAndTheFooterOnce() throws {
        var harness = DashboardHarness()
        harness.send(.configWarnings(["keys.up: unknown action, ignored", "line 3: theme_x: unknown key, ignored"]))
        #expect(harness.state.messages.entries.map(\.message.explanation)
            == ["keys.up: unknown action, ignored", "line 3: theme_x: unknown key, ignored"])
        #expect(harness.state.messages.entries.allSatisfy { $0.message.severity == .warning })
        let footer = try #require(harness.state.footerNote(at: harness.instant))
        #expect(footer.text == "Config warning: keys.up: unknown action, ignored (2 warnings, all in Messages)")
        harness.advance(seconds: 10)
        #expect(harness.state.footerNote(at: harness.instant) == nil)
        harness.send(.configWarnings([]))
        #expect(harness.state.messages.entries.count == 2, "no warnings, nothing said")
    }
}

@Suite struct MessagesFollowTests {
    /// A harness whose log holds `count` distinct messages of ibterm's own.
    static func harness(messages count: Int) -> DashboardHarness {
        var harness = DashboardHarness.connected()
        harness.state.messages.clear()
        for index in 0..<count { harness.user(.runCommand("nope\(index)")) }
        return harness
    }

    @Test func twoRefusalsWithDifferentReasonsAreTwoLines() {
        let harness = Self.harness(messages: 2)
        #expect(harness.state.messages.entries.count == 2)
        #expect(harness.state.messages.entries.map(\.count) == [1, 1])
    }

    @Test func thePaneFollowsTheNewestUntilScrolledAndCountsWhatArrivesBelow() {
        var harness = Self.harness(messages: 3)
        harness.user(.focus(.messages))
        #expect(harness.state.isFollowingMessages)
        #expect(harness.state.selectedIndex(in: .messages) == 2)
        harness.user(.runCommand("nope3"))
        #expect(harness.state.selectedIndex(in: .messages) == 3, "following: the newest is selected")
        #expect(harness.state.newMessagesBelow == 0)

        harness.user(.moveSelection(.up))
        #expect(!harness.state.isFollowingMessages)
        #expect(harness.state.selectedIndex(in: .messages) == 2)
        harness.user(.runCommand("nope4"))
        harness.user(.runCommand("nope5"))
        #expect(harness.state.selectedIndex(in: .messages) == 2, "scrolled: the selection stays on its line")
        #expect(harness.state.newMessagesBelow == 2)

        harness.user(.moveSelection(.bottom))
        #expect(harness.state.isFollowingMessages)
        #expect(harness.state.newMessagesBelow == 0)
        harness.user(.runCommand("nope6"))
        #expect(harness.state.selectedIndex(in: .messages) == 6)
    }

    @Test func movingDownOntoTheNewestLineFollowsAgain() {
        var harness = Self.harness(messages: 3)
        harness.user(.focus(.messages))
        harness.user(.moveSelection(.up))
        harness.user(.moveSelection(.up))
        harness.user(.runCommand("nope3"))
        #expect(harness.state.newMessagesBelow == 1)
        harness.user(.moveSelection(.down))
        harness.user(.moveSelection(.down))
        #expect(!harness.state.isFollowingMessages, "one line above the newest")
        harness.user(.moveSelection(.down))
        #expect(harness.state.isFollowingMessages)
    }
}

@Suite struct FillAlertTests {
    /// Order 100 working at IB (reported by `openOrder`, as after sending it).
    static func sentOrder(config: DashboardConfig = DashboardConfig()) -> DashboardHarness {
        var harness = DashboardHarness.withLiveAAPL(config: config)
        harness.send(.openOrder(OpenOrderSnapshot(orderID: 100, symbol: "AAPL", side: .buy, quantity: 100,
                                                  orderType: .limit, limitPrice: dec("231.20"), status: .submitted)))
        harness.allEffects = []
        return harness
    }

    static let fill = FillReport(executionID: "0001.01", orderID: 100, symbol: "AAPL", side: .buy, shares: 100, price: 231.19)

    @Test func aFillOfAWorkingOrderRingsAndFlashesForTwoSeconds() {
        var harness = Self.sentOrder()
        #expect(harness.send(.execution(Self.fill)).contains(.ringBell))
        #expect(harness.state.isFlashing(executionID: "0001.01", at: harness.instant))
        #expect(harness.state.isFlashing(orderID: 100, at: harness.instant))
        harness.advance(milliseconds: 1_999)
        #expect(harness.state.isFlashing(executionID: "0001.01", at: harness.instant))
        harness.advance(milliseconds: 1)
        #expect(!harness.state.isFlashing(executionID: "0001.01", at: harness.instant))
        #expect(!harness.state.isFlashing(orderID: 100, at: harness.instant))
        #expect(!harness.send(.execution(Self.fill)).contains(.ringBell), "a fill read again rings no more")
    }

    @Test func theBellCanBeSwitchedOffButTheRowStillFlashes() throws {
        let config = try DashboardConfig.parse(toml: "[alerts]\nbell_on_fill = false\n").config
        var harness = Self.sentOrder(config: config)
        #expect(!harness.send(.execution(Self.fill)).contains(.ringBell))
        #expect(harness.state.isFlashing(executionID: "0001.01", at: harness.instant))
    }

    @Test func aFillReadBackForAnOrderNeverSeenWorkingIsHistory() {
        var harness = DashboardHarness.connected()
        let old = FillReport(executionID: "0009.01", orderID: 77, symbol: "MSFT", side: .sell, shares: 5, price: 415)
        #expect(!harness.send(.execution(old)).contains(.ringBell))
        #expect(!harness.state.isFlashing(executionID: "0009.01", at: harness.instant))
    }

    @Test func theAlertsTableIsCheckedLikeTheRest() throws {
        #expect(DashboardConfig().bellOnFill)
        let parsed = try DashboardConfig.parse(toml: "[alerts]\nbell_on_fill = true\nflash = 3\n")
        #expect(parsed.warnings.map(\.keyPath) == ["alerts.flash"])
        #expect(throws: ConfigError.self) { try DashboardConfig.parse(toml: "[alerts]\nbell_on_fill = \"yes\"\n") }
    }
}
