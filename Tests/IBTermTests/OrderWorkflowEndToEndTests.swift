import Foundation
import TestPrerequisites
import Testing

/// Issue #13's workflows in the real binary against the embedded paper gateway (tmux): a
/// working limit order modified from the orders pane (review old → new, the same id with the
/// new price), and a position flattened with `x` from the positions pane.
///
/// Needs tmux, python3 and the built `ibterm`: without them the suite is reported as skipped,
/// except under `CI=true`, where it runs and a missing prerequisite fails it.
@Suite(.serialized, .requires(.tmux, .python3, .ibterm))
struct OrderWorkflowEndToEndTests {
    typealias Home = OrderTruthEndToEndTests.Home

    static func start(_ home: Home) async throws -> (TmuxSession, ask: Double, bid: Double) {
        let command = "env \(home.environment) \(home.binary) --seed 7 --fresh --state \(home.path)/paper.sqlite --theme mono; sleep 120"
        let session = try await TmuxSession(command: command, width: 160, height: 48)
        let ready = await session.waitFor { screen in
            screen.contains("connected") && (EndToEndTests.row(screen, "AAPL").map { $0.contains("live") && EndToEndTests.numbers(in: $0).count >= 3 } ?? false)
        }
        let screen = try #require(ready, "no live AAPL quote")
        let numbers = EndToEndTests.numbers(in: try #require(EndToEndTests.row(screen, "AAPL")))
        return (session, ask: numbers[1], bid: numbers[0])
    }

    static func price(_ value: Double) -> String { String(format: "%.2f", (value * 100).rounded() / 100) }

    @Test func aWorkingLimitOrderIsModifiedUnderTheSameID() async throws {
        let home = try Home()
        let (session, _, bid) = try await Self.start(home)
        // A sell limit 3 % above the market rests.
        let first = Self.price(bid * 1.03)
        let second = Self.price(bid * 1.03 - 0.50)
        try await OrderTruthEndToEndTests.order(session, "sell 10 AAPL lmt \(first)")
        #expect(await session.waitFor(timeout: .seconds(5)) { $0.contains("Enter send") } != nil, "the order did not reach review")
        try await session.send("Enter")
        let working = await session.waitFor(timeout: .seconds(10)) {
            OrderTruthEndToEndTests.line($0, containing: "SELL", "AAPL", "LMT \(first)", "Submitted") != nil
        }
        let row = try #require(working.flatMap { OrderTruthEndToEndTests.line($0, containing: "LMT \(first)", "Submitted") })
        let id = try #require(row.split(whereSeparator: { $0 == " " || $0 == "│" || $0 == "┃" || $0 == "▶" }).first.map(String.init))

        // e on the order, the new price, review: old → new.
        try await session.send("Escape")
        try await session.send("Tab")
        try await session.send("Tab")
        try await session.send("e")
        #expect(await session.waitFor(timeout: .seconds(5)) { $0.contains("Modify order #\(id)") } != nil, "e did not open the ticket on order \(id)")
        try await session.send(second, literal: true)
        try await session.send("Enter")
        let review = await session.waitFor(timeout: .seconds(5)) { $0.contains("Limit:       \(first) → \(second)") }
        print("--- modify review ---\n\(review ?? "none")")
        #expect(review?.contains("Modify order #\(id): review") == true)
        try await session.send("Enter")
        let modified = await session.waitFor(timeout: .seconds(10)) { screen in
            OrderTruthEndToEndTests.line(screen, containing: " \(id) ", "LMT \(second)", "Submitted") != nil
                && screen.contains("Modified: Limit \(first) → \(second)")
        }
        print("--- modified order ---\n\(modified ?? "none")")
        #expect(modified != nil, "the orders pane does not show order \(id) at \(second)")
        #expect(modified.flatMap { OrderTruthEndToEndTests.line($0, containing: "LMT \(first)", "Submitted") } == nil,
                "no second order at the old price")
        try await session.send("q")
        try await session.send("y")
    }

    @Test func xFlattensThePositionThroughReview() async throws {
        let home = try Home()
        let (session, _, _) = try await Self.start(home)
        try await OrderTruthEndToEndTests.order(session, "buy 10 AAPL mkt")
        #expect(await session.waitFor(timeout: .seconds(5)) { $0.contains("Enter send") } != nil, "the buy did not reach review")
        try await session.send("Enter")
        let held = await session.waitFor(timeout: .seconds(10)) { screen in
            screen.split(separator: "\n").contains { $0.contains(" AAPL ") && $0.contains("Avg") == false && EndToEndTests.numbers(in: String($0)).first == 10 }
        }
        #expect(held != nil, "no position of 10 AAPL")
        try await session.send("Escape")
        try await session.send("Tab")
        try await session.send("x")
        let review = await session.waitFor(timeout: .seconds(5)) { $0.contains("Order ticket: review") && $0.contains("SELL  10 AAPL") }
        print("--- flatten review ---\n\(review ?? "none")")
        #expect(review?.contains("Position:    10 → 0") == true)
        try await session.send("Enter")
        let flat = await session.waitFor(timeout: .seconds(15)) { screen in
            screen.split(separator: "\n").contains { line in
                line.contains(" AAPL ") && !line.contains("LMT") && !line.contains("MKT") && EndToEndTests.numbers(in: String(line)).first == 0
            }
        }
        print("--- flattened ---\n\(flat ?? "none")")
        #expect(flat != nil, "the AAPL position did not go to 0")
        try await session.send("q")
    }

    @Test func aBracketsChildrenWaitUnderTheirParent() async throws {
        let home = try Home()
        let (session, _, bid) = try await Self.start(home)
        // A buy 2 % under the market rests, so its take-profit and stop-loss wait for it.
        let entry = Self.price(bid * 0.98)
        try await OrderTruthEndToEndTests.order(session, "buy 10 AAPL lmt \(entry) tp +5 sl -3")
        let review = await session.waitFor(timeout: .seconds(5)) { $0.contains("Take profit: SELL 10 AAPL LMT") && $0.contains("What-if:") }
        print("--- bracket review ---\n\(review ?? "none")")
        #expect(review != nil, "the bracket did not reach review with its what-if")
        try await session.send("Enter")
        let waiting = await session.waitFor(timeout: .seconds(10)) { screen in
            let lines = screen.split(separator: "\n").map(String.init)
            guard let parent = lines.firstIndex(where: { $0.contains("BUY") && $0.contains("LMT \(entry)") && $0.contains("Submitted") }),
                  parent + 2 < lines.count else { return false }
            return lines[parent + 1].contains("└") && lines[parent + 1].contains("SELL") && lines[parent + 1].contains("LMT")
                && lines[parent + 2].contains("└") && lines[parent + 2].contains("SELL") && lines[parent + 2].contains("STP")
        }
        print("--- bracket working ---\n\(waiting ?? "none")")
        #expect(waiting != nil, "the bracket's children are not listed under their parent")
        try await session.send("q")
        try await session.send("y")
    }
}
