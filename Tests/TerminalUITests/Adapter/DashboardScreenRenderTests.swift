import Dashboard
import Testing
import TerminalUI
import Vocabulary

@Suite struct DashboardScreenRenderTests {
    /// The session with a sell ticket on stale MSFT, refused until the override.
    static func withRefusedTicket() -> AdapterScenario {
        var scenario = AdapterScenario.session()
        scenario.user(.moveSelection(.down))
        scenario.user(.openTicket(.sell))
        scenario.type("50")
        scenario.user(.submit)
        return scenario
    }

    static func render(_ screen: DashboardScreen, _ width: Int, _ height: Int) -> Canvas {
        DashboardView.render(screen, size: Size(width: width, height: height), theme: .builtinDefault, glyphs: .unicode)
    }

    @Test func theStaleTicketIsRefusedOnTheReferenceQuote() throws {
        let ticket = try #require(Self.withRefusedTicket().screen().ticket)
        #expect(ticket.side == .sell && ticket.symbol == "MSFT" && ticket.referenceState == .stale)
        let refusal = try #require(ticket.refusal)
        #expect(refusal.field == nil)
        #expect(refusal.message.contains("STALE"))
        #expect(refusal.message.hasSuffix("Press o to override."))
    }

    @Test func theOverrideLetsTheStaleTicketReachReview() throws {
        var scenario = Self.withRefusedTicket()
        scenario.user(.overrideQuoteFreshness)
        scenario.user(.submit)
        let ticket = try #require(scenario.screen().ticket)
        #expect(ticket.mode == .review && ticket.refusal == nil)
        #expect(ticket.reviewLines.contains { $0.contains("STALE") })
    }

    @Test(arguments: [(120, 40), (80, 24)])
    func renderShowsStatesBadgeAndOrders(width: Int, height: Int) {
        let canvas = Self.render(Self.withRefusedTicket().screen(), width, height)
        let text = canvas.lines.joined(separator: "\n")
        #expect(text.contains("stale 47 s"))
        #expect(text.contains("no entitlement"))
        #expect(text.contains("aging 3 s"))
        #expect(text.contains("PAPER"))
        #expect(text.contains("14:30:47"))
        #expect(text.contains("SELL  50 MSFT LMT 415.02 DAY"), "the ticket, as a pane or a compact overlay")
        #expect(text.contains("Refused"))
        if width >= 100 {
            #expect(text.contains("Filled 100/100"))
            #expect(text.contains("Rejected"))
            #expect(text.contains("No market-data subscription"))
        }
    }

    /// The session's frame is drawn at 2024-06-10 14:30:47 UTC (10:30:47 in New York, on EDT).
    @Test(arguments: [
        (DisplayTimeZone.utc, "14:30:47 UTC"),
        (.exchange, "10:30:47 EDT"),
        (.fixed(offsetSeconds: 2 * 3600, abbreviation: "CEST"), "16:30:47 CEST"),
    ])
    func theStatusBarClockNamesItsZone(zone: DisplayTimeZone, clock: String) throws {
        let scenario = AdapterScenario.session()
        for (width, height) in [(120, 40), (80, 24)] {
            let canvas = Self.render(scenario.screen(timeZone: zone), width, height)
            let statusBar = try #require(canvas.lines.last)
            #expect(statusBar.hasSuffix(clock), "\(width)x\(height): \(statusBar)")
        }
        // Every other time of the frame is in the same zone: the newest message's time.
        let messages = scenario.screen(timeZone: zone).messages
        #expect(messages.last?.time == TimeText.timeOfDay(Timestamp(secondsSinceEpoch: AdapterScenario.start + 43), in: zone))
    }

    @Test func asciiRenderStaysSevenBit() {
        let screen = Self.withRefusedTicket().screen()
        for (width, height) in [(120, 40), (80, 24)] {
            let canvas = DashboardView.render(screen, size: Size(width: width, height: height),
                                              theme: .builtinDefault, glyphs: .ascii)
            #expect(isASCII(canvas))
            #expect(canvas.lines.contains { $0.contains("! MSFT") && $0.contains("stale 47 s") })
        }
    }

    @Test func fullRenderDump() {
        let canvas = Self.render(Self.withRefusedTicket().screen(), 120, 40)
        print(canvas.lines.joined(separator: "\n"))
        print(Self.render(Self.withRefusedTicket().screen(), 80, 24).lines.joined(separator: "\n"))
        #expect(canvas.lines.count == 40)
    }

    @Test func helpCommandLineAndPrompt() {
        var scenario = AdapterScenario.session()
        scenario.user(.toggleHelp)
        #expect(scenario.screen().overlay == .help(.defaults))
        #expect(Self.render(scenario.screen(), 120, 40).lines.contains { $0.contains("Keys") })
        scenario.user(.back)
        scenario.user(.openCommandLine)
        scenario.type("explain 3")
        #expect(scenario.screen().overlay == .commandLine(text: "explain 3", cursor: 9))
        #expect(Self.render(scenario.screen(), 80, 24).lines.contains { $0.hasPrefix(":explain 3") })
        scenario.user(.back)
        scenario.user(.beginAddSymbol)
        scenario.type("tsla")
        let overlay = scenario.screen().overlay
        guard case let .prompt(label, text, cursor)? = overlay else {
            Issue.record("expected the add-symbol prompt, got \(String(describing: overlay))")
            return
        }
        #expect(label == "add symbol" && text.uppercased() == "TSLA" && cursor == 4)
        #expect(Self.render(scenario.screen(), 120, 40).lines.contains { $0.uppercased().hasPrefix("ADD SYMBOL: TSLA") })
    }

    @Test func explanationOverlayShowsTheCatalogEntry() {
        var scenario = AdapterScenario.session()
        scenario.user(.runCommand("explain 354"))
        guard case let .explanation(explanation)? = scenario.screen().overlay else {
            Issue.record("expected an explanation")
            return
        }
        #expect(explanation.code == "354" && explanation.level == .error)
        #expect(explanation.title == "No market-data subscription")
        let text = Self.render(scenario.screen(), 120, 40).lines.joined(separator: "\n")
        #expect(text.contains("354 · No market-data subscription"))
        #expect(text.contains("What to do:"))
        #expect(text.contains("Esc closes"))
        let small = Self.render(scenario.screen(), 80, 24).lines.joined(separator: "\n")
        #expect(small.contains("Esc closes"))
    }

    @Test func confirmationsAskWithYAndN() throws {
        var scenario = AdapterScenario.session()
        scenario.send(.openOrder(OpenOrderSnapshot(orderID: 120, symbol: "AAPL", side: .buy, quantity: 10,
                                                 orderType: .limit, limitPrice: FixedDecimal("230.00"), status: .submitted)))
        scenario.user(.cancelAllOrders)
        guard case let .confirmation(cancelAll)? = scenario.screen().overlay else {
            Issue.record("expected a confirmation")
            return
        }
        #expect(cancelAll.title == "Cancel all orders")
        #expect(cancelAll.question == "Cancel all 1 working order?")
        #expect(cancelAll.details == ["#120 BUY 10 AAPL LMT 230.00 DAY (Submitted)"])
        #expect(cancelAll.confirmKey == "y" && cancelAll.cancelKey == "n" && cancelAll.isDestructive)
        let text = Self.render(scenario.screen(), 80, 24).lines.joined(separator: "\n")
        #expect(text.contains("y yes   n no"))

        scenario.user(.back)
        scenario.user(.quit)
        guard case let .confirmation(quit)? = scenario.screen().overlay else {
            Issue.record("expected the quit confirmation")
            return
        }
        #expect(quit.question.contains("still working") && quit.details.count == 1)
    }
}
