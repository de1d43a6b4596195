import Dashboard
import Foundation
import TestPrerequisites
import Testing

/// The footer of the real `ibterm` in tmux: a failed `:` command answered with the closest
/// command, a config warning shown at start, Tab completion, and the command history kept
/// between runs. Every wait polls the screen with a bound.
///
/// Needs tmux, python3 and the built `ibterm` (see `TerminalEndToEndTests`).
@Suite(.serialized, .requires(.tmux, .python3, .ibterm))
struct FooterEndToEndTests {
    /// The footer: the row above the status bar.
    static func footer(_ screen: String) -> String {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let status = lines.lastIndex(where: { $0.contains("PAPER") && $0.contains("DU0000001") }), status > 0 else { return "" }
        return lines[status - 1]
    }

    @Test func aFailedCommandSaysWhyInTheFooterWithTheClosestCommand() async throws {
        let run = try TerminalEndToEndTests.Run()
        let session = try await run.start()
        try #require(await session.waitFor(timeout: .seconds(30), TerminalEndToEndTests.isReady) != nil, "no live AAPL quote")
        try await session.send(":")
        try await session.send("foo", literal: true)
        try await session.send("Enter")
        let expected = "Command not run: unknown command 'foo'; did you mean '\(DashboardCommand.closestVerb(to: "foo"))'?"
        let answered = try #require(await session.waitFor(timeout: .seconds(10)) { Self.footer($0).contains(expected) },
                                    "the footer did not answer :foo")
        print("--- after :foo Enter ---\n\(answered)")
        #expect(answered.contains("Command not run: unknown command 'foo'"), "the message log shows it with its own text")
        #expect(Self.footer(answered).contains("b buy  s sell"), "the watchlist's keys follow the answer")
        let expired = try #require(await session.waitFor(timeout: .seconds(15)) { !Self.footer($0).contains("foo") },
                                   "the answer stayed in the footer")
        #expect(Self.footer(expired).trimmingCharacters(in: .whitespaces).hasPrefix("b buy  s sell  a add"))
        try await session.send("q")
        #expect(await session.waitFor(timeout: .seconds(15)) { TerminalEndToEndTests.exitLine($0) == "EXIT 0" } != nil)
    }

    @Test func aConfigWarningShowsAtStartAndTheHistoryIsKeptBetweenRuns() async throws {
        let run = try TerminalEndToEndTests.Run()
        let folder = run.home.appendingPathComponent("config/ibterm")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("colour = \"green\"\n".utf8).write(to: folder.appendingPathComponent("config.toml"))

        let first = try await run.start()
        let warned = try #require(await first.waitFor(timeout: .seconds(30)) {
            Self.footer($0).contains("Config warning: config.toml: line 1: colour: unknown key, ignored")
        }, "the config warning did not reach the footer")
        print("--- at start with an unknown key ---\n\(Self.footer(warned))")
        #expect(warned.contains("Config warning: config.toml: line 1: colour"), "and the message log")
        try #require(await first.waitFor(timeout: .seconds(30), TerminalEndToEndTests.isReady) != nil, "no live AAPL quote")
        try await first.send(":")
        try await first.send("expl", literal: true)
        try await first.send("Tab")
        #expect(await first.waitFor(timeout: .seconds(10)) { $0.contains(":explain") } != nil, "Tab did not complete")
        try await first.send("354", literal: true)
        try await first.send("Enter")
        #expect(await first.waitFor(timeout: .seconds(10)) { $0.contains("354") && $0.contains("What to do") } != nil,
                "the explanation of 354 did not open")
        try await first.send("Escape")
        try await first.send("q")
        #expect(await first.waitFor(timeout: .seconds(15)) { TerminalEndToEndTests.exitLine($0) == "EXIT 0" } != nil)
        let saved = try String(contentsOf: run.home.appendingPathComponent("state/ibterm/command_history"), encoding: .utf8)
        #expect(saved == "explain 354\n")

        let second = try await run.start()
        try #require(await second.waitFor(timeout: .seconds(30), TerminalEndToEndTests.isReady) != nil, "no live AAPL quote")
        try await second.send(":")
        try await second.send("Up")
        let recalled = try #require(await second.waitFor(timeout: .seconds(10)) { $0.contains(":explain 354") },
                                    "Up did not recall the line of the earlier run")
        print("--- second run, : then Up ---\n\(Self.footer(recalled))")
        #expect(Self.footer(recalled).contains("Enter run  Tab complete  ↑↓ history  Esc close"))
        try await second.send("Escape")
        try await second.send("q")
        #expect(await second.waitFor(timeout: .seconds(15)) { TerminalEndToEndTests.exitLine($0) == "EXIT 0" } != nil)
    }
}
