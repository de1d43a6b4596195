import Foundation
import TestPrerequisites
import Testing

/// Issue #14 item 6 in the real binary against the embedded paper gateway (tmux): a price
/// alert set on the command line fires on the simulated market, says so in the footer until
/// acknowledged, runs its command with the alert as JSON, and is there again after a restart.
///
/// Needs tmux, python3 and the built `ibterm`: without them the suite is reported as skipped,
/// except under `CI=true`, where it runs and a missing prerequisite fails it.
@Suite(.serialized, .requires(.tmux, .python3, .ibterm))
struct AlertEndToEndTests {
    @Test func aPriceAlertFiresRunsItsCommandAndOutlivesARestart() async throws {
        let home = try OrderTruthEndToEndTests.Home()
        let output = "\(home.path)/alert.json"
        try FileManager.default.createDirectory(atPath: "\(home.path)/config/ibterm", withIntermediateDirectories: true)
        try "[alerts]\ncommand = \"cat > \(output)\"\n".write(toFile: "\(home.path)/config/ibterm/config.toml", atomically: true, encoding: .utf8)
        func dashboard(fresh: Bool) -> String {
            "env \(home.environment) \(home.binary) --seed 7 \(fresh ? "--fresh" : "") --state \(home.path)/paper.sqlite --theme mono; sleep 120"
        }
        var session = try await TmuxSession(command: dashboard(fresh: true), width: 160, height: 48)
        let ready = await session.waitFor { screen in
            EndToEndTests.row(screen, "AAPL").map { $0.contains("live") && EndToEndTests.numbers(in: $0).count >= 3 } ?? false
        }
        let screen = try #require(ready, "no live AAPL quote")
        let row = try #require(EndToEndTests.row(screen, "AAPL"))
        let last = try #require(EndToEndTests.numbers(in: row).dropFirst(2).first)
        // A level well below the market: the rule holds when set, so it waits for a crossing
        // (no firing now), and holds again at the next start, where it fires on the first live
        // quote (a rule true at start fires once): deterministic, whatever the market does.
        let level = String(format: "%.2f", last - 5)
        try await session.send(":")
        try await session.send("alert AAPL > \(level)", literal: true)
        try await session.send("Enter")
        #expect(await session.waitFor(timeout: .seconds(5)) { $0.contains("It holds already") } != nil)
        try await session.send(":")
        try await session.send("alert pnl < -1000000", literal: true)
        try await session.send("Enter")
        #expect(await session.waitFor(timeout: .seconds(5)) { $0.contains("Alert 2 set") } != nil)
        #expect(!FileManager.default.fileExists(atPath: output), "an alert that held when set fired")
        try await session.send("q")
        #expect(await session.waitFor(timeout: .seconds(10)) { !$0.contains("PAPER") } != nil)

        session = try await TmuxSession(command: dashboard(fresh: false), width: 160, height: 48)
        let fired = await session.waitFor(timeout: .seconds(30)) { $0.contains("became true on a live quote") }
        print("--- alert fired at the next start ---\n\(fired ?? "none")")
        #expect(fired?.contains("Alert 1: AAPL > \(level)") == true, "the restored alert did not fire")
        var json: String?
        for _ in 0..<50 where json == nil {
            json = (try? String(contentsOfFile: output, encoding: .utf8)).flatMap { $0.isEmpty ? nil : $0 }
            if json == nil { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(json?.contains("\"rule\":\"AAPL > \(level)\"") == true, "the alert's command did not get the alert: \(json ?? "nothing")")
        // The footer keeps it after its note's seconds, until A.
        #expect(await session.waitFor(timeout: .seconds(15)) { $0.contains("A acknowledges") } != nil, "the fired alert left the footer unacknowledged")
        try await session.send("A")
        #expect(await session.waitFor(timeout: .seconds(5)) { $0.contains("Alerts acknowledged") } != nil)
        try await session.send(":")
        try await session.send("alerts", literal: true)
        try await session.send("Enter")
        let listed = await session.waitFor(timeout: .seconds(5)) { $0.contains("2 alerts: 1: AAPL >") }
        #expect(listed?.contains("2: pnl < -1,000,000.00 (armed)") == true || listed?.contains("2: pnl < -1000000.00 (armed)") == true,
                "the alerts were not restored: \(listed ?? "none")")
        try await session.send("q")
        try? FileManager.default.removeItem(atPath: home.path)
    }
}
