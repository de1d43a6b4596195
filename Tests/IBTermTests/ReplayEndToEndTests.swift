import Foundation
import TestPrerequisites
import Testing

/// `ibterm replay` in the real `ibterm` in tmux: a run with one order is recorded with
/// `--trace`, then replayed at max speed with no gateway: the watchlist's quotes and the
/// position the order made come back, the status bar says REPLAY ×max, and a new order is
/// refused.
///
/// Needs tmux, python3 and the built `ibterm` (see `TerminalEndToEndTests`).
@Suite(.serialized, .requires(.tmux, .python3, .ibterm))
struct ReplayEndToEndTests {
    @Test func aRecordedRunPlaysBackWithItsQuotesAndPositionAndRefusesOrders() async throws {
        let run = try TerminalEndToEndTests.Run()
        defer { try? FileManager.default.removeItem(at: run.home) }
        let trace = run.home.appendingPathComponent("run.trace").path
        let recording = try await FlightRecorderEndToEndTests.start(run, trace: trace)
        try #require(await recording.waitFor(timeout: .seconds(30), TerminalEndToEndTests.isReady) != nil, "no live AAPL quote")
        try await OrderTruthEndToEndTests.order(recording, "buy 7 AAPL mkt")
        #expect(await recording.waitFor(timeout: .seconds(5)) { $0.contains("Enter send") } != nil, "the order did not reach review")
        try await recording.send("Enter")
        let filled = await recording.waitFor(timeout: .seconds(15)) { OrderTruthEndToEndTests.line($0, containing: "BUY", "AAPL", "Filled 7/7") != nil }
        try #require(filled != nil, "the order did not fill")
        try await recording.send("Escape")
        try await recording.send("q")
        #expect(await recording.waitFor(timeout: .seconds(15)) { TerminalEndToEndTests.exitLine($0) == "EXIT 0" } != nil)

        // The same folders (the same watchlist), no paper gateway: the trace stands in for it.
        let live = "\(run.binary) --theme mono --seed 7 --fresh --state \(run.home.path)/paper.sqlite"
        #expect(run.commandLine.contains(live))
        let replay = run.commandLine.replacingOccurrences(of: live, with: "\(run.binary) replay \(trace) --speed max --theme mono")
        let session = try await TmuxSession(command: replay + "; sleep 120")
        let played = await session.waitFor(timeout: .seconds(60)) { screen in
            screen.contains("REPLAY ×max") && screen.contains("connected")
                && (EndToEndTests.row(screen, "MSFT").map { EndToEndTests.numbers(in: $0).count >= 3 } ?? false)
                && screen.split(separator: "\n").contains { $0.contains("AAPL") && $0.contains(" 7 ") && !$0.contains("BUY") }
        }
        let last = await session.capture()
        let screen = try #require(played, "the replay did not show the quotes, the position and the badge:\n\(last)")
        print("--- replay ---\n\(screen)")
        #expect(screen.contains("PAPER"))
        // The order shows when the recorded run learned of it through the account-wide
        // requests (executions, completed orders) that the replayed client asks again; the
        // events the recorded session's own order handle received have no taker in a replay
        // (README, "Replay"), so whether it shows depends on the recorded timing.
        let order = await session.waitFor(timeout: .seconds(10)) { OrderTruthEndToEndTests.line($0, containing: "BUY", "AAPL", "Filled 7/7") != nil }
        withKnownIssue("an order the recorded session placed shows only when an account-wide answer carried it", isIntermittent: true) {
            #expect(order != nil, "the order is not in the orders pane")
        }

        try await OrderTruthEndToEndTests.order(session, "buy 1 AAPL mkt")
        try await session.send("Enter")
        let refused = await session.waitFor(timeout: .seconds(10)) { $0.contains("This is a replay") || $0.contains("is a replay") }
        let afterOrder = await session.capture()
        #expect(refused != nil, "the ticket did not refuse the order:\n\(afterOrder)")
        if let refused { print("--- order during the replay ---\n\(FooterEndToEndTests.footer(refused))") }
        try await session.send("Escape")
        try await session.send("Escape")
        try await session.send("q")
        #expect(await session.waitFor(timeout: .seconds(15)) { TerminalEndToEndTests.exitLine($0) == "EXIT 0" } != nil)
    }
}
