import Foundation
import TestPrerequisites
import Testing

/// Issue #14 item 7 in the real binary (tmux, TERM=xterm-256color, xterm's SGR mouse reports):
/// with `mouse = true` a click selects a row and focuses its pane and the wheel scrolls; without
/// it (the default) the same click does nothing.
///
/// Needs tmux, python3 and the built `ibterm`: without them the suite is reported as skipped,
/// except under `CI=true`, where it runs and a missing prerequisite fails it.
@Suite(.serialized, .requires(.tmux, .python3, .ibterm))
struct MouseEndToEndTests {
    /// The 0-based screen row that shows `symbol` in the watchlist.
    static func rowIndex(_ screen: String, _ symbol: String) -> Int? {
        screen.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(" \(symbol) ") }
    }

    func run(mouse: Bool) async throws -> (before: String, after: String?) {
        let home = try OrderTruthEndToEndTests.Home()
        defer { try? FileManager.default.removeItem(atPath: home.path) }
        try FileManager.default.createDirectory(atPath: "\(home.path)/config/ibterm", withIntermediateDirectories: true)
        try "mouse = \(mouse)\n".write(toFile: "\(home.path)/config/ibterm/config.toml", atomically: true, encoding: .utf8)
        let session = try await TmuxSession(command: home.dashboard(fresh: true), width: 120, height: 40)
        let ready = try #require(await session.waitFor { EndToEndTests.row($0, "META")?.contains("live") ?? false }, "no live quotes")
        let metaRow = try #require(Self.rowIndex(ready, "META"))
        try await session.click(x: 10, y: metaRow)
        var after = await session.waitFor(timeout: .seconds(mouse ? 10 : 3)) { screen in
            screen.split(separator: "\n").contains { $0.contains("META") && $0.contains(">") }
        }
        if mouse, after != nil {
            // One notch up: the selection moves three rows, META (6th) to NVDA (3rd).
            try await session.wheel(down: false, x: 10, y: metaRow)
            after = await session.waitFor(timeout: .seconds(10)) { screen in
                screen.split(separator: "\n").contains { $0.contains("NVDA") && $0.contains(">") }
            }
        }
        try await session.send("q")
        return (ready, after)
    }

    @Test func aClickSelectsTheRowUnderItWhenTheMouseIsOn() async throws {
        let (_, after) = try await run(mouse: true)
        print("--- after a click on META and a notch of the wheel up ---\n\(after ?? "none")")
        #expect(after != nil, "the click on META did not select it, or the wheel did not move the selection to NVDA")
    }

    @Test func theMouseIsOffByDefault() async throws {
        let (_, after) = try await run(mouse: false)
        #expect(after == nil, "a click selected a row with the mouse off")
    }
}
