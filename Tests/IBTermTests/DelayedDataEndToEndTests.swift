import Foundation
import TestPrerequisites
import Testing

/// Issue #14 item 5 in the real binary (tmux): a symbol the embedded gateway does not entitle
/// shows NO ENTITLEMENT; `D` on it switches it to delayed data, shown as DELAYED, while the
/// other symbols stay live.
///
/// Needs tmux, python3 and the built `ibterm`: without them the suite is reported as skipped,
/// except under `CI=true`, where it runs and a missing prerequisite fails it.
@Suite(.serialized, .requires(.tmux, .python3, .ibterm))
struct DelayedDataEndToEndTests {
    @Test func dSwitchesANotEntitledSymbolToDelayed() async throws {
        let home = try OrderTruthEndToEndTests.Home()
        let command = "env \(home.environment) \(home.binary) --seed 7 --fresh --not-entitled NVDA --state \(home.path)/paper.sqlite --theme mono; sleep 120"
        let session = try await TmuxSession(command: command, width: 160, height: 48)
        let refused = await session.waitFor { screen in
            (EndToEndTests.row(screen, "NVDA")?.contains("no entitlement") ?? false)
                && (EndToEndTests.row(screen, "AAPL")?.contains("live") ?? false)
        }
        #expect(refused != nil, "NVDA is not shown as NO ENTITLEMENT")
        // NVDA is the third row of the default watchlist.
        try await session.send("j")
        try await session.send("j")
        try await session.send("D")
        let delayed = await session.waitFor(timeout: .seconds(10)) { screen in
            guard let row = EndToEndTests.row(screen, "NVDA") else { return false }
            return row.contains("delayed") && EndToEndTests.numbers(in: row).count >= 3
                && (EndToEndTests.row(screen, "AAPL")?.contains("live") ?? false)
        }
        print("--- NVDA switched to delayed ---\n\(delayed ?? "none")")
        #expect(delayed != nil, "NVDA did not switch to delayed data with AAPL still live")
        #expect(delayed?.contains("NVDA switched to delayed data") == true)
        try await session.send("q")
        try? FileManager.default.removeItem(atPath: home.path)
    }
}
