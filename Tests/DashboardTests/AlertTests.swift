import Testing
@testable import Dashboard
import Vocabulary

/// Issue #14 item 6: alerts set on the command line, firing on the change to true, judged on
/// LIVE evidence only, saved, acknowledged.
@Suite struct AlertTests {
    @Test(arguments: [
        ("AAPL > 275", AlertRule.price(symbol: "AAPL", comparison: .above, level: 275)),
        ("aapl < 260.5", .price(symbol: "AAPL", comparison: .below, level: FixedDecimal("260.5")!)),
        ("AAPL chg% < -2", .changePercent(symbol: "AAPL", comparison: .below, level: -2)),
        ("pnl < -500", .dailyPnL(comparison: .below, level: -500)),
        ("stale AAPL 30s", .stale(symbol: "AAPL", seconds: 30)),
        ("farm", .farmDown),
    ])
    func parsesEveryRule(text: String, rule: AlertRule) {
        #expect(AlertRule.parse(text) == .success(rule))
    }

    @Test(arguments: ["", "AAPL", "AAPL >", "AAPL = 3", "AAPL > x", "stale AAPL", "stale AAPL 0s", "pnl chg% < 2", "AAPL > -3"])
    func refusesWhatIsNotARuleWithASentence(text: String) {
        guard case .failure(let error) = AlertRule.parse(text) else {
            Issue.record("'\(text)' parsed")
            return
        }
        #expect(!error.message.isEmpty)
    }

    @Test func aPriceAlertFiresOnceWhenCrossedAndReArmsWhenItFallsBack() throws {
        var harness = DashboardHarness.withLiveAAPL()
        let set = harness.user(.runCommand("alert AAPL > 232"))
        #expect(set.actions == [.saveAlerts([AlertRecord(rule: .price(symbol: "AAPL", comparison: .above, level: 232))])])
        harness.tickAAPL(last: 231.90)
        #expect(harness.state.alerts.first?.firedAt == nil)
        let crossed = harness.send(.quote(QuoteUpdate(symbol: "AAPL", last: 232.10, lastSize: 5)))
        #expect(crossed.actions.contains(.ringBell))
        #expect(harness.latestMessage?.title == "Alert 1: AAPL > 232.00 (232.10)")
        #expect(crossed.journalEntries.count == 1, "the firing is journaled")
        #expect(harness.state.isAlerting(symbol: "AAPL", at: harness.instant), "the row flashes")
        #expect(!harness.state.isAlerting(symbol: "AAPL", at: harness.instant + .seconds(4)), "for 3 s")
        #expect(harness.state.footerNote(at: harness.instant)?.text.hasPrefix("Alert 1: AAPL > 232.00 (232.10)") == true)
        // Still above: no second firing.
        #expect(!harness.send(.quote(QuoteUpdate(symbol: "AAPL", last: 232.30, lastSize: 6))).actions.contains(.ringBell))
        // Back below, then above again: fires again.
        harness.send(.quote(QuoteUpdate(symbol: "AAPL", last: 231.50, lastSize: 7)))
        #expect(harness.send(.quote(QuoteUpdate(symbol: "AAPL", last: 232.40, lastSize: 8))).actions.contains(.ringBell))
        // The footer keeps it until acknowledged, after the note's own seconds.
        harness.advance(seconds: 30)
        #expect(harness.state.footerNote(at: harness.instant)?.text.contains("A acknowledges") == true)
        harness.user(.acknowledgeAlerts)
        harness.advance(seconds: 30)
        #expect(harness.state.footerNote(at: harness.instant) == nil)
        #expect(harness.state.isAlerting(symbol: "AAPL", at: harness.instant) == false)
    }

    @Test func aStalePriceNeverFiresAPriceAlert() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.runCommand("alert AAPL > 232"))
        harness.send(.connectionLost(reason: "test"))
        harness.send(.quote(QuoteUpdate(symbol: "AAPL", last: 240, lastSize: 9)))
        #expect(harness.state.alerts.first?.firedAt == nil, "a price read while the link is down is no evidence")
    }

    @Test func anAlertThatHoldsWhenSetWaitsForTheNextCrossing() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.runCommand("alert AAPL > 200"))
        #expect(harness.latestMessage?.explanation.contains("It holds already") == true)
        harness.tickAAPL(last: 231.30)
        #expect(harness.state.alerts.first?.firedAt == nil)
    }

    @Test func changePnLStaleAndFarmAlerts() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.runCommand("alert AAPL chg% > 2"))
        harness.user(.runCommand("alert pnl < -500"))
        harness.user(.runCommand("alert stale AAPL 30s"))
        harness.user(.runCommand("alert farm"))
        // close 229.00: +2 % is 233.58.
        harness.send(.quote(QuoteUpdate(symbol: "AAPL", last: 234, lastSize: 10)))
        #expect(harness.state.alerts[0].firedValue == "+2.18 %")
        harness.send(.accountPnL(AccountPnL(daily: -612.5, unrealized: nil, realized: nil)))
        #expect(harness.state.alerts[1].firedValue == "-612.50")
        harness.advance(seconds: 20)
        #expect(harness.state.alerts[2].firedAt == nil)
        harness.advance(seconds: 45)
        #expect(harness.state.alerts[2].firedAt != nil, "no live tick for more than 30 s")
        harness.send(.notice(Notice(requestID: -1, code: 2103, text: "Market data farm connection is broken:usfarm")))
        #expect(harness.state.alerts[3].firedValue == "usfarm")
    }

    @Test func alertsAreListedRemovedSavedAndRestored() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.runCommand("alert AAPL > 300"))
        harness.user(.runCommand("alert pnl < -500"))
        harness.user(.runCommand("alerts"))
        #expect(harness.latestMessage?.explanation == "1: AAPL > 300.00 (armed); 2: pnl < -500.00 (armed)")
        let removed = harness.user(.runCommand("alert rm 1"))
        #expect(removed.actions == [.saveAlerts([AlertRecord(rule: .dailyPnL(comparison: .below, level: -500))])])
        harness.user(.runCommand("alert rm 9"))
        #expect(harness.latestMessage?.title == "No alert 9")

        var config = DashboardConfig()
        config.configuredAlerts = [AlertRecord(rule: .farmDown, command: "notify")]
        var restarted = DashboardHarness(config: config)
        restarted.send(.alertsLoaded([AlertRecord(rule: .dailyPnL(comparison: .below, level: -500))]))
        #expect(restarted.state.alerts.map(\.rule) == [.dailyPnL(comparison: .below, level: -500), .farmDown])
        #expect(restarted.state.alerts.last?.command == "notify")
    }

    @Test func aFiredAlertsCommandGetsTheAlertAsJSON() {
        var config = DashboardConfig()
        config.alertCommand = "notify-me"
        var harness = DashboardHarness.withLiveAAPL(config: config)
        harness.user(.runCommand("alert AAPL > 232"))
        let effects = harness.send(.quote(QuoteUpdate(symbol: "AAPL", last: 232.5, lastSize: 11)))
        let run = effects.first { if case .runAlertCommand = $0 { true } else { false } }
        guard case .runAlertCommand(let command, let json)? = run else {
            Issue.record("no command run: \(effects)")
            return
        }
        #expect(command == "notify-me")
        #expect(json.hasPrefix("{\"id\":1,\"rule\":\"AAPL > 232.00\",\"value\":\"232.50\",\"time_ms\":"))
        #expect(json.hasSuffix(",\"symbol\":\"AAPL\"}"))
    }

    @Test func theConfigReadsAlertRulesAndWarnsOnBadOnes() throws {
        let toml = """
            [alerts]
            bell_on_alert = false
            command = "notify-send-json"

            [[alerts.rule]]
            when = "AAPL > 275"

            [[alerts.rule]]
            when = "AAPL ~ 3"
            """
        let parsed = try DashboardConfig.parse(toml: toml)
        #expect(parsed.config.bellOnAlert == false)
        #expect(parsed.config.alertCommand == "notify-send-json")
        #expect(parsed.config.configuredAlerts == [AlertRecord(rule: .price(symbol: "AAPL", comparison: .above, level: 275))])
        #expect(parsed.warnings.contains { $0.keyPath == "alerts.rule[1]" })
    }
}
