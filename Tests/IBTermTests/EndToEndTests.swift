import Foundation
import TestPrerequisites
import Testing

/// The real `ibterm` binary in a real terminal (tmux), on its embedded paper gateway.
///
/// Each test gets its own HOME and XDG folders, a fresh seeded paper account and a detached
/// tmux session; every wait is bounded. Needs tmux, python3 (which starts tmux) and the built
/// binary: without them the suite is reported as skipped, and under `CI=true` (where `.ci/run`
/// installs tmux and the build makes the binary) a missing one fails it.
@Suite(.serialized, .requires(.tmux, .python3, .ibterm))
struct EndToEndTests {
    static let repositoryRoot = Prerequisite.repositoryRoot

    /// A shell command that runs ibterm in an isolated home, then reports how it ended and the
    /// terminal's mode, and stays open so the screen can be read.
    func command(_ arguments: String) throws -> String {
        try TmuxSession.requirePrerequisites()
        let binary = try Prerequisite.ibterm.require()
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ibterm-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let environment = "HOME=\(home.path) XDG_CONFIG_HOME=\(home.path)/config XDG_DATA_HOME=\(home.path)/data XDG_STATE_HOME=\(home.path)/state TERM=xterm-256color IBTERM_THEMES=\(Self.repositoryRoot.path)/themes"
        return "env \(environment) \(binary) --seed 7 --fresh --state \(home.path)/paper.sqlite \(arguments); echo \"EXIT $?\"; echo \"MODES $(stty -a | grep -oE -- '-?(icanon|echo)\\b' | tr '\\n' ' ')\"; sleep 120"
    }

    /// The pid of `parent`'s child process called `name`, read from /proc.
    static func child(of parent: Int32, named name: String) -> Int32? {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries {
            guard let pid = Int32(entry),
                  let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")")
            else { continue }
            let command = stat[stat.index(after: open)..<close]
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if command == name, fields.count > 1, Int32(fields[1]) == parent { return pid }
        }
        return nil
    }

    static func row(_ screen: String, _ symbol: String) -> String? {
        screen.split(separator: "\n").map(String.init).first { $0.contains(" \(symbol) ") }
    }

    static func numbers(in line: String) -> [Double] {
        line.split(whereSeparator: { $0 == " " || $0 == "│" || $0 == "┃" }).compactMap { Double($0.replacingOccurrences(of: ",", with: "")) }
    }

    @Test func fullLayoutShowsEveryPaneAndMovingQuotes() async throws {
        let command = try self.command("--theme mono")
        let session = try await TmuxSession(command: command, width: 120, height: 40)
        let ready = await session.waitFor { screen in
            screen.contains("PAPER") && screen.contains("connected") && (Self.row(screen, "AAPL").map { Self.numbers(in: $0).count >= 3 } ?? false)
        }
        let first = try #require(ready, "the dashboard did not show live AAPL quotes")
        for title in ["Watchlist", "Positions", "P&L", "Orders", "Messages"] { #expect(first.contains(title), "\(title)") }
        print("--- full layout 120x40 ---\n\(first)")
        let moved = await session.waitFor(timeout: .seconds(10)) { $0.split(separator: "\n").prefix(14) != first.split(separator: "\n").prefix(14) }
        #expect(moved != nil, "quotes did not move")
    }

    @Test func aRefusedGatewayShowsNoAccountItsReasonAndRetriesOnR() async throws {
        let command = try self.command("--gateway 127.0.0.1:1")
        let session = try await TmuxSession(command: command, width: 120, height: 40)
        let refused = await session.waitFor { $0.contains("connection refused") && $0.contains("retry in") }
        let screen = try #require(refused, "the refusal and the countdown are on screen")
        #expect(screen.contains("NO ACCOUNT") || screen.contains("CONNECTING"), "the badge claims no account kind")
        #expect(!screen.contains(" LIVE ") && !screen.contains(" PAPER "))
        let attempt = screen.split(separator: "\n").last { $0.contains("attempt") }.map(String.init) ?? ""
        try await session.send("r")
        let retried = await session.waitFor(timeout: .seconds(5)) { screen in
            screen.split(separator: "\n").last { $0.contains("attempt") }.map(String.init) != attempt
        }
        #expect(retried != nil, "r retried at once")
        try await session.send("q")
        #expect(await session.waitFor { $0.contains("EXIT 0") } != nil)
    }

    @Test func aTerminalThatCannotMoveTheCursorGetsASentenceNotAFrozenFrame() async throws {
        let command = try self.command("--gateway 127.0.0.1:1").replacingOccurrences(of: "TERM=xterm-256color", with: "TERM=dumb")
        let session = try await TmuxSession(command: command, width: 120, height: 40)
        let screen = await session.waitFor { $0.contains("EXIT") }
        #expect(screen?.contains("TERM=dumb cannot move the cursor") == true, "\(screen ?? "")")
        #expect(screen?.contains("EXIT 1") == true)
    }

    @Test func keystrokesPlaceAMarketableLimitBuyThatShowsInPositions() async throws {
        let command = try self.command("--theme mono")
        let session = try await TmuxSession(command: command, width: 120, height: 40)
        // Orders can be sent once the connection is usable and the quote is live.
        let ready = await session.waitFor { screen in
            screen.contains("connected") && (Self.row(screen, "AAPL").map { $0.contains("live") && Self.numbers(in: $0).count >= 3 } ?? false)
        }
        let screen = try #require(ready, "no live AAPL quote")
        let ask = try #require(Self.numbers(in: Self.row(screen, "AAPL")!).dropFirst().first)
        let limit = String(format: "%.2f", ask + 1)
        try await session.send(":")
        try await session.send("buy 10 AAPL lmt \(limit)", literal: true)
        try await session.send("Enter")
        let review = await session.waitFor(timeout: .seconds(5)) { $0.lowercased().contains("review") || $0.contains("send") }
        let reviewScreen = await session.capture()
        print("--- ticket in review ---\n\(review ?? reviewScreen)")
        #expect(review != nil, "the ticket did not open in review")
        try await session.send("Enter")
        let filled = await session.waitFor(timeout: .seconds(15)) { screen in
            screen.split(separator: "\n").contains { $0.contains("AAPL") && $0.contains(" 10 ") && !$0.contains("BUY") && !$0.contains("buy") && Self.numbers(in: String($0)).count >= 4 }
                && screen.contains("Filled")
        }
        #expect(filled != nil, "the position did not show")
    }

    @Test func anExpiredSubscriptionShowsAsNotEntitledWithThePlainMessage() async throws {
        let scenario = FileManager.default.temporaryDirectory.appendingPathComponent("expire-\(UUID().uuidString).toml")
        try "name = \"expire\"\n\n[[fault]]\nat = 3\nkind = \"expire-subscription\"\nsymbol = \"AAPL\"\n".write(to: scenario, atomically: true, encoding: .utf8)
        let command = try self.command("--theme mono --scenario \(scenario.path)")
        let session = try await TmuxSession(command: command, width: 120, height: 40)
        let expired = await session.waitFor(timeout: .seconds(20)) { screen in
            (Self.row(screen, "AAPL")?.contains("no entitlement") ?? false) && screen.contains("354")
        }
        let expiredScreen = await session.capture()
        print("--- expired subscription ---\n\(expired ?? expiredScreen)")
        #expect(expired != nil, "AAPL did not show as not entitled")
    }

    @Test func resizingAndSIGTERMLeaveACorrectScreenAndAUsableTerminal() async throws {
        let command = try self.command("")
        let session = try await TmuxSession(command: command, width: 120, height: 40)
        #expect(await session.waitFor { $0.contains("PAPER") && $0.contains("Executions") } != nil)
        try await session.resize(width: 80, height: 24)
        #expect(await session.waitFor(timeout: .seconds(5)) { $0.contains("PAPER") && $0.contains("Watchlist") && !$0.contains("Executions") } != nil, "compact layout")
        try await session.resize(width: 40, height: 10)
        #expect(await session.waitFor(timeout: .seconds(5)) { $0.lowercased().contains("too small") } != nil, "too-small screen")
        try await session.resize(width: 120, height: 40)
        #expect(await session.waitFor(timeout: .seconds(5)) { $0.contains("Executions") && $0.contains("PAPER") } != nil, "full layout again")
        let shell = try #require(await session.panePID())
        let pid = try #require(Self.child(of: shell, named: "ibterm"))
        kill(pid, SIGTERM)
        let after = await session.waitFor(timeout: .seconds(10)) { $0.contains("EXIT") && $0.contains("MODES") }
        let screen = try #require(after, "no exit line")
        let modes = try #require(screen.split(separator: "\n").first { $0.hasPrefix("MODES") })
        print("--- after SIGTERM ---\n\(screen.split(separator: "\n").filter { $0.hasPrefix("EXIT") || $0.hasPrefix("MODES") }.joined(separator: "\n"))")
        #expect(modes.contains(" icanon") && modes.contains(" echo"), "terminal modes after SIGTERM: \(modes)")
        #expect(!modes.contains("-icanon") && !modes.contains("-echo"), "the terminal was left in raw mode: \(modes)")
    }
}
