import Foundation
import TestPrerequisites
import Testing

/// #16 items 3 and 4 as a trader sees them, with the real `ibterm` in tmux: a second dashboard
/// on the same paper ledger finds client id 1 in use (326) and connects at once as 2, saying
/// so in its status bar and message log; a pinned id in use is said plainly; an IB message
/// about an order names the order.
@Suite(.serialized, .requires(.tmux, .python3, .ibterm))
struct ClientIDEndToEndTests {
    /// A shared home (one paper ledger, its owner file) for the dashboards of one test.
    struct Home {
        let path: String
        init() throws {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("ibterm-cid-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            path = url.path
        }

        /// A shell command running ibterm on this home's ledger (`fresh` for the first).
        func command(_ arguments: String, fresh: Bool = false) throws -> String {
            try TmuxSession.requirePrerequisites()
            let binary = try Prerequisite.ibterm.require()
            let environment = "HOME=\(path) XDG_CONFIG_HOME=\(path)/config XDG_DATA_HOME=\(path)/data XDG_STATE_HOME=\(path)/state TERM=xterm-256color IBTERM_THEMES=\(Prerequisite.repositoryRoot.path)/themes"
            return "env \(environment) \(binary) --seed 7 \(fresh ? "--fresh " : "")--state \(path)/paper.sqlite \(arguments); echo \"EXIT $?\"; sleep 120"
        }
    }

    static func statusBar(_ screen: String) -> String {
        screen.split(separator: "\n").map(String.init).last { $0.contains("PAPER") || $0.contains("CONNECTING") || $0.contains("NO ACCOUNT") } ?? ""
    }

    @Test func aSecondDashboardFindsId1InUseAndConnectsAtOnceAs2() async throws {
        let home = try Home()
        let first = try await TmuxSession(command: try home.command("--theme mono", fresh: true), width: 120, height: 40)
        let firstReady = await first.waitFor { Self.statusBar($0).contains("connected") && Self.statusBar($0).contains("id 1 ") }
        #expect(firstReady != nil, "the first dashboard did not connect as id 1")

        let second = try await TmuxSession(command: try home.command("--theme mono"), width: 100, height: 40)
        let moved = await second.waitFor { screen in
            Self.statusBar(screen).contains("connected") && Self.statusBar(screen).contains("id 2 ")
                && screen.contains("Client id 1 in use: connecting as 2")
        }
        let secondScreen = await second.capture()
        let screen = try #require(moved, "the second dashboard did not move to id 2: \(secondScreen)")
        print("--- second dashboard, 100x40, after 326 ---\n\(screen)")
        #expect(screen.contains("System notice: Client id already in use"), "the 326 itself, named a system notice")
        #expect(!screen.contains("retry in"), "no backoff for a 326")
        #expect(!screen.contains("Connection to the gateway lost"))
        // The first dashboard keeps its id.
        let firstScreen = await first.capture()
        #expect(Self.statusBar(firstScreen).contains("id 1 "))
    }

    @Test func aPinnedIdInUseIsSaidPlainlyAndRetried() async throws {
        let home = try Home()
        let first = try await TmuxSession(command: try home.command("--theme mono", fresh: true), width: 120, height: 40)
        let firstReady = await first.waitFor { Self.statusBar($0).contains("id 1 ") }
        #expect(firstReady != nil)
        let pinned = try await TmuxSession(command: try home.command("--theme mono --client-id 1"), width: 120, height: 40)
        let refused = await pinned.waitFor { screen in
            Self.statusBar(screen).contains("client id 1 in use (IB 326)") && Self.statusBar(screen).contains("retry in")
        }
        let pinnedScreen = await pinned.capture()
        let screen = try #require(refused, "no plain refusal: \(pinnedScreen)")
        print("--- a pinned client id in use ---\n\(screen)")
        #expect(screen.contains("Not connected: client id 1 in use (IB 326)"))
    }

    @Test func anOrderTheExchangeRejectsIsNamedInTheMessageAndTheJournal() async throws {
        let home = try Home()
        // The exchange takes no AAPL orders (a fault scenario from the start); the review's
        // what-if still answers, so the order is sent and IB rejects it with 201.
        let scenario = "\(home.path)/reject.toml"
        try """
            name = "reject"
            description = "AAPL orders rejected"
            [[fault]]
            at = 0
            kind = "reject-orders"
            symbol = "AAPL"
            reason = "The exchange is not accepting new orders in AAPL (trading halt)."
            """.write(toFile: scenario, atomically: true, encoding: .utf8)
        let session = try await TmuxSession(command: try home.command("--theme mono --scenario \(scenario)", fresh: true), width: 160, height: 40)
        let ready = await session.waitFor { screen in
            screen.contains("connected") && (EndToEndTests.row(screen, "AAPL").map { $0.contains("live") && EndToEndTests.numbers(in: $0).count >= 3 } ?? false)
        }
        let screen = try #require(ready, "no live AAPL quote")
        let bid = try #require(EndToEndTests.numbers(in: EndToEndTests.row(screen, "AAPL")!).first)
        let limit = String(format: "%.2f", (bid * 0.99 * 100).rounded() / 100)
        try await session.send(":")
        try await session.send("buy 10 AAPL lmt \(limit)", literal: true)
        try await session.send("Enter")
        let review = await session.waitFor(timeout: .seconds(5)) { $0.lowercased().contains("review") }
        #expect(review != nil, "no review")
        try await session.send("Enter")
        let named = await session.waitFor(timeout: .seconds(15)) { $0.contains("BUY 10 AAPL LMT \(limit) rejected: The exchange") }
        let last = await session.capture()
        let shown = try #require(named, "the 201 did not name its order: \(last)")
        print("--- an order rejected by the exchange, named in the message ---\n\(shown)")
        let line = try #require(shown.split(separator: "\n").first { $0.contains("rejected: The exchange") })
        #expect(line.contains(" 201 ") && line.contains("Order "))
        #expect(shown.contains("Rejected"), "the orders pane shows the order Rejected")
        // The journal line of the message carries the same context.
        let journal = try String(contentsOfFile: "\(home.path)/data/ibterm/journal.jsonl", encoding: .utf8)
        let entry = try #require(journal.split(separator: "\n").first { $0.contains(#""code":201"#) })
        #expect(entry.contains(#""request":"order""#))
        #expect(entry.contains(#""context":"Order "#) && entry.contains("BUY 10 AAPL LMT \(limit)"))
        #expect(entry.contains(#""symbol":"AAPL""#) && entry.contains(#""side":"BUY""#) && entry.contains(#""order_type":"LMT""#))
    }
}
