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
        let command = "env \(home.environment) \(home.binary) --seed 7 --fresh --state \(home.path)/paper.sqlite --theme mono; sleep 120"
        var session = try await TmuxSession(command: command, width: 160, height: 48)
        let ready = await session.waitFor { screen in
            EndToEndTests.row(screen, "AAPL").map { $0.contains("live") && EndToEndTests.numbers(in: $0).count >= 3 } ?? false
        }
        let screen = try #require(ready, "no live AAPL quote")
        let row = try #require(EndToEndTests.row(screen, "AAPL"))
        let last = try #require(EndToEndTests.numbers(in: row).dropFirst(2).first)
        // The simulated market moves a few cents a second: one of the two levels is crossed.
        for rule in ["AAPL > \(String(format: "%.2f", last + 0.03))", "AAPL < \(String(format: "%.2f", last - 0.03))"] {
            try await session.send(":")
            try await session.send("alert \(rule)", literal: true)
            try await session.send("Enter")
        }
        let fired = await session.waitFor(timeout: .seconds(30)) { $0.contains("became true on a live quote") }
        print("--- alert fired ---\n\(fired ?? "none")")
        #expect(fired != nil, "neither alert fired")
        var json: String?
        for _ in 0..<50 where json == nil {
            json = (try? String(contentsOfFile: output, encoding: .utf8)).flatMap { $0.isEmpty ? nil : $0 }
            if json == nil { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(json?.contains("\"symbol\":\"AAPL\"") == true, "the alert's command did not get the alert: \(json ?? "nothing")")
        // The footer keeps it after its note's seconds, until A.
        let kept = await session.waitFor(timeout: .seconds(15)) { $0.contains("A acknowledges") }
        #expect(kept != nil, "the fired alert left the footer unacknowledged")
        try await session.send("A")
        #expect(await session.waitFor(timeout: .seconds(5)) { $0.contains("Alerts acknowledged") } != nil)
        try await session.send("q")
        #expect(await session.waitFor(timeout: .seconds(10)) { !$0.contains("PAPER") } != nil)

        session = try await TmuxSession(
            command: "env \(home.environment) \(home.binary) --seed 7 --state \(home.path)/paper.sqlite --theme mono; sleep 120",
            width: 160, height: 48)
        #expect(await session.waitFor { $0.contains("connected") } != nil)
        try await session.send(":")
        try await session.send("alerts", literal: true)
        try await session.send("Enter")
        let listed = await session.waitFor(timeout: .seconds(5)) { $0.contains("2 alerts: 1: AAPL >") }
        print("--- alerts after restart ---\n\(listed ?? "none")")
        #expect(listed != nil, "the alerts were not restored")
        try await session.send("q")
        try? FileManager.default.removeItem(atPath: home.path)
    }
}
