import Foundation
import TestPrerequisites
import Testing

/// The real `ibterm` in tmux against its embedded gateway: named watchlists that last across
/// a restart on the same state directory, and the watchlist's columns with their sparklines.
@Suite(.serialized, .requires(.tmux, .python3, .ibterm))
struct WatchlistEndToEndTests {
    /// The watchlist's title line (the pane's top border).
    static func title(_ screen: String) -> String? {
        screen.split(separator: "\n").map(String.init).first { $0.contains("Watchlist") }
    }

    @Test func aSymbolAddedToANewListIsThereInTheSameListAfterARestart() async throws {
        let run = try TerminalEndToEndTests.Run()
        let first = try await run.start(width: 160, height: 40)
        let ready = try #require(await first.waitFor(timeout: .seconds(30), TerminalEndToEndTests.isReady), "no live AAPL quote")
        print("--- first start, 160x40 ---\n\(ready)")
        try await first.send(":")
        try await first.send("wl new tech", literal: true)
        try await first.send("Enter")
        try #require(await first.waitFor(timeout: .seconds(10)) { Self.title($0)?.contains("[2 tech]") == true } != nil,
                     "no tab for the new list")
        try await first.send("a")
        try await first.send("KO", literal: true)
        try await first.send("Enter")
        let added = try #require(await first.waitFor(timeout: .seconds(20)) { screen in
            EndToEndTests.row(screen, "KO").map { EndToEndTests.numbers(in: $0).count >= 3 } ?? false
        }, "KO shows no quote in the new list")
        print("--- KO added to tech ---\n\(added)")
        #expect(EndToEndTests.row(added, "AAPL") == nil, "the new list shows the old list's symbols")
        try await first.send("q")
        #expect(await first.waitFor(timeout: .seconds(15)) { TerminalEndToEndTests.exitLine($0) == "EXIT 0" } != nil)

        let file = run.home.appendingPathComponent("state/ibterm/watchlists.json")
        let saved = try String(contentsOf: file, encoding: .utf8)
        #expect(saved.contains("\"tech\"") && saved.contains("\"KO\""), "watchlists.json: \(saved)")

        let second = try await run.start(width: 160, height: 40)
        let restored = try #require(await second.waitFor(timeout: .seconds(30)) { screen in
            Self.title(screen)?.contains("[2 tech]") == true
                && (EndToEndTests.row(screen, "KO").map { $0.contains("live") && EndToEndTests.numbers(in: $0).count >= 3 } ?? false)
        }, "the restart did not restore the tech list with KO")
        print("--- after the restart ---\n\(restored)")
        #expect(EndToEndTests.row(restored, "AAPL") == nil)
        // The first list is still there, behind key 1.
        try await second.send("1")
        let main = try #require(await second.waitFor(timeout: .seconds(20)) { screen in
            Self.title(screen)?.contains("[1 main]") == true && EndToEndTests.row(screen, "AAPL") != nil
        }, "key 1 did not show the main list")
        #expect(EndToEndTests.row(main, "KO") == nil)
        try await second.send("q")
        #expect(await second.waitFor(timeout: .seconds(15)) { TerminalEndToEndTests.exitLine($0) == "EXIT 0" } != nil)
    }
}
