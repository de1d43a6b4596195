import Foundation
import TestPrerequisites
import Testing

/// Issue #14 item 3 in the real binary (tmux): `/`, a few letters, the gateway's matches, Enter:
/// a currency pair and a future's front month join the watchlist live.
///
/// Needs tmux, python3 and the built `ibterm`: without them the suite is reported as skipped,
/// except under `CI=true`, where it runs and a missing prerequisite fails it.
@Suite(.serialized, .requires(.tmux, .python3, .ibterm))
struct SymbolSearchEndToEndTests {
    @Test func aSearchResultIsQualifiedAndAdded() async throws {
        let home = try OrderTruthEndToEndTests.Home()
        let command = "env \(home.environment) \(home.binary) --seed 7 --fresh --state \(home.path)/paper.sqlite --theme mono; sleep 120"
        let session = try await TmuxSession(command: command, width: 160, height: 48)
        #expect(await session.waitFor { EndToEndTests.row($0, "AAPL")?.contains("live") ?? false } != nil)
        try await session.send("/")
        try await session.send("EUR", literal: true)
        let found = await session.waitFor(timeout: .seconds(10)) { $0.contains("EUR.USD  CASH  IDEALPRO") }
        print("--- search results ---\n\(found ?? "none")")
        #expect(found != nil, "the search did not list EUR.USD")
        try await session.send("Enter")
        let added = await session.waitFor(timeout: .seconds(10)) { screen in
            screen.split(separator: "\n").contains { $0.contains("EUR.U") && $0.contains("live") }
        }
        #expect(added != nil, "EUR.USD did not join the watchlist live")
        try await session.send("/")
        try await session.send("ES", literal: true)
        #expect(await session.waitFor(timeout: .seconds(10)) { $0.contains("E-mini S&P 500 (front month)") } != nil)
        try await session.send("Enter")
        let future = await session.waitFor(timeout: .seconds(10)) { screen in
            screen.split(separator: "\n").contains { line in
                line.range(of: #"ES[FGHJKMNQUVXZ]\d"#, options: .regularExpression) != nil && line.contains("live")
            }
        }
        print("--- front month added ---\n\(future ?? "none")")
        #expect(future != nil, "ES's front month did not join the watchlist live")
        try await session.send("q")
        try? FileManager.default.removeItem(atPath: home.path)
    }
}

/// Issue #14 item 2 in the real binary (tmux): Enter on AAPL opens its detail view with the
/// day's chart, the depth book and trades from the embedded gateway; `5` switches the chart to
/// five days; Esc returns to the panes.
@Suite(.serialized, .requires(.tmux, .python3, .ibterm))
struct SymbolDetailEndToEndTests {
    @Test func enterShowsTheChartTheBookAndTheTrades() async throws {
        let home = try OrderTruthEndToEndTests.Home()
        let command = "env \(home.environment) \(home.binary) --seed 7 --fresh --state \(home.path)/paper.sqlite --theme mono; sleep 120"
        let session = try await TmuxSession(command: command, width: 160, height: 48)
        #expect(await session.waitFor { EndToEndTests.row($0, "AAPL")?.contains("live") ?? false } != nil)
        try await session.send("Enter")
        let shown = await session.waitFor(timeout: .seconds(15)) { screen in
            screen.contains("AAPL · APPLE INC · 1 day") && screen.contains("█")
                && screen.split(separator: "\n").contains { $0.contains("Depth") == false && $0.contains("█") && $0.range(of: #"\d+\.\d\d\s+[\d.]+K?\s+█"#, options: .regularExpression) != nil }
                && screen.range(of: #"\d\d:\d\d:\d\d\s+\d+\.\d\d\s+\d+(\.\d+K)?\s+[BS·]"#, options: .regularExpression) != nil
        }
        print("--- AAPL detail ---\n\(shown ?? "none")")
        #expect(shown != nil, "the detail view lacks its chart, book or trades")
        try await session.send("5")
        #expect(await session.waitFor(timeout: .seconds(10)) { $0.contains("AAPL · APPLE INC · 5 days") } != nil)
        try await session.send("Escape")
        #expect(await session.waitFor(timeout: .seconds(5)) { $0.contains("Positions") } != nil, "Esc did not return to the panes")
        try await session.send("q")
        try? FileManager.default.removeItem(atPath: home.path)
    }
}
