import Foundation
import TestPrerequisites
import Testing

/// `ibterm replay` in the real `ibterm` in tmux: a run with one order is recorded with
/// `--trace`, then replayed at max speed with no gateway: the watchlist's quotes, the order in
/// the orders pane and the position it made come back, the status bar says REPLAY ×max, and a
/// new order is refused.
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
        // The recorded session's own order: its events reach the replaying client unasked
        // (no handle of its own follows it), as an earlier run's order would.
        let order = await session.waitFor(timeout: .seconds(30)) { OrderTruthEndToEndTests.line($0, containing: "BUY", "AAPL", "Filled 7/7") != nil }
        let orders = await session.capture()
        #expect(order != nil, "the order is not in the orders pane:\n\(orders)")

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

    /// A recording played at ×10: the badge shows the recorded time and the time bar its place,
    /// the recorded order is in the orders pane; space pauses, `<` rewinds (the recording plays
    /// again from its start, the order gone until it is reached again), `.` steps a second,
    /// space plays on and the order comes back.
    @Test func atTenTimesTheBadgeShowsTheRecordedTimeAndTheKeysPauseRewindAndStep() async throws {
        let run = try TerminalEndToEndTests.Run()
        defer { try? FileManager.default.removeItem(at: run.home) }
        let trace = run.home.appendingPathComponent("run.trace").path
        let recording = try await FlightRecorderEndToEndTests.start(run, trace: trace)
        try #require(await recording.waitFor(timeout: .seconds(30), TerminalEndToEndTests.isReady) != nil, "no live AAPL quote")
        try await OrderTruthEndToEndTests.order(recording, "buy 3 AAPL mkt")
        #expect(await recording.waitFor(timeout: .seconds(5)) { $0.contains("Enter send") } != nil, "the order did not reach review")
        try await recording.send("Enter")
        let filled = await recording.waitFor(timeout: .seconds(15)) { OrderTruthEndToEndTests.line($0, containing: "BUY", "AAPL", "Filled 3/3") != nil }
        try #require(filled != nil, "the order did not fill")
        try await recording.send("Escape")
        // A few seconds more of quotes, so the replay has a time line to walk.
        try await Task.sleep(for: .seconds(8))
        try await recording.send("q")
        #expect(await recording.waitFor(timeout: .seconds(15)) { TerminalEndToEndTests.exitLine($0) == "EXIT 0" } != nil)

        let live = "\(run.binary) --theme mono --seed 7 --fresh --state \(run.home.path)/paper.sqlite"
        let replay = run.commandLine.replacingOccurrences(of: live, with: "\(run.binary) replay \(trace) --speed 10 --theme mono")
        let session = try await TmuxSession(command: replay + "; sleep 120")
        let badge = #/REPLAY ×10 (\d\d:\d\d:\d\d)/#
        func recordedTime(_ screen: String) -> String? {
            screen.firstMatch(of: badge).map { String($0.output.1) }
        }
        let playing = await session.waitFor(timeout: .seconds(30)) { screen in
            recordedTime(screen) != nil && screen.contains("connected") && screen.contains("━")
        }
        let first = await session.capture()
        try #require(playing != nil, "no recorded time in the badge:\n\(first)")
        let order = await session.waitFor(timeout: .seconds(30)) { OrderTruthEndToEndTests.line($0, containing: "BUY", "AAPL", "Filled 3/3") != nil }
        let orders = await session.capture()
        #expect(order != nil, "the recorded order is not in the orders pane:\n\(orders)")

        try await session.send("Space")
        let paused = await session.waitFor(timeout: .seconds(10)) { $0.contains("REPLAY ×10 PAUSED") }
        let afterSpace = await session.capture()
        try #require(paused != nil, "space did not pause:\n\(afterSpace)")
        func pausedTime(_ screen: String) -> String? { recordedTime(screen.replacingOccurrences(of: "PAUSED ", with: "")) }
        let standing = try #require(pausedTime(afterSpace))
        // A minute back: the recording plays again from its start (the client reconnects), paused.
        try await session.send("<")
        let rewound = await session.waitFor(timeout: .seconds(30)) { screen in
            (pausedTime(screen).map { $0 < standing } ?? false) && screen.contains("connected") && screen.contains("No orders")
        }
        let afterRewind = await session.capture()
        let start = try #require(rewound.flatMap(pausedTime), "< did not rewind from \(standing):\n\(afterRewind)")
        try await session.send(".")
        let stepped = await session.waitFor(timeout: .seconds(10)) { screen in pausedTime(screen).map { $0 > start } ?? false }
        #expect(stepped != nil, "a step did not move the recorded time from \(start)")
        if let stepped { print("--- replay ×10, rewound and stepped ---\n\(stepped)") }
        try await session.send("Space")
        let again = await session.waitFor(timeout: .seconds(30)) { screen in
            !screen.contains("PAUSED") && OrderTruthEndToEndTests.line(screen, containing: "BUY", "AAPL", "Filled 3/3") != nil
        }
        let end = await session.capture()
        #expect(again != nil, "playing on did not bring the order back:\n\(end)")
        try await session.send("q")
        #expect(await session.waitFor(timeout: .seconds(15)) { TerminalEndToEndTests.exitLine($0) == "EXIT 0" } != nil)
    }
}
