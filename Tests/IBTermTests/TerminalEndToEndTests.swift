import Foundation
import TestPrerequisites
import Testing

/// The real `ibterm` in tmux, driven as a trader would: keys on the "terminal too small" screen,
/// Ctrl-C with and without working orders, Ctrl-Z then `fg`, Ctrl-L, and the exit status of
/// each way out. Every wait polls the screen with a bound.
///
/// Needs tmux, python3 and the built `ibterm`: without them the suite is reported as skipped,
/// except under `CI=true`, where it runs and a missing prerequisite fails it.
@Suite(.serialized, .requires(.tmux, .python3, .ibterm))
struct TerminalEndToEndTests {
    /// One dashboard run: its isolated home and the command line that starts it.
    struct Run {
        let home: URL
        let binary: String

        init() throws {
            try TmuxSession.requirePrerequisites()
            binary = try Prerequisite.ibterm.require()
            home = FileManager.default.temporaryDirectory.appendingPathComponent("ibterm-term-e2e-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        }

        /// `ibterm` on a fresh seeded paper account in `home`, then its exit status and the
        /// terminal's modes.
        var commandLine: String {
            let environment = "HOME=\(home.path) XDG_CONFIG_HOME=\(home.path)/config XDG_DATA_HOME=\(home.path)/data XDG_STATE_HOME=\(home.path)/state TERM=xterm-256color IBTERM_THEMES=\(EndToEndTests.repositoryRoot.path)/themes"
            return "env \(environment) \(binary) --theme mono --seed 7 --fresh --state \(home.path)/paper.sqlite; echo \"EXIT $?\"; echo \"MODES $(stty -a | grep -oE -- '-?(icanon|echo)\\b' | tr '\\n' ' ')\""
        }

        /// Runs the command under `sh -c` (kept open afterwards, so the screen can be read).
        func start(width: Int = 120, height: Int = 40) async throws -> TmuxSession {
            try await TmuxSession(command: commandLine + "; sleep 120", width: width, height: height)
        }
    }

    static func isReady(_ screen: String) -> Bool {
        screen.contains("connected") && (EndToEndTests.row(screen, "AAPL").map { $0.contains("live") && EndToEndTests.numbers(in: $0).count >= 3 } ?? false)
    }

    static func exitLine(_ screen: String) -> String? {
        screen.split(separator: "\n").map(String.init).first { $0.hasPrefix("EXIT ") }
    }

    static func statusBars(_ screen: String) -> Int {
        screen.split(separator: "\n").filter { $0.contains("PAPER") && $0.contains("DU0000001") }.count
    }

    /// The P&L pane's row that starts with `label`.
    static func pnlRow(_ label: String, _ screen: String) -> String? {
        screen.split(separator: "\n").map(String.init).compactMap { line in
            line.range(of: "│ \(label) ").map { String(line[$0.lowerBound...]) }
        }.first
    }

    /// The pid of the `ibterm` the session's shell started (directly, or through the
    /// interactive bash that `sh -c` started).
    static func ibtermPID(_ session: TmuxSession) async throws -> Int32 {
        let shell = try #require(await session.panePID())
        let bash = EndToEndTests.child(of: shell, named: "bash")
        return try #require(EndToEndTests.child(of: shell, named: "ibterm") ?? bash.flatMap { EndToEndTests.child(of: $0, named: "ibterm") })
    }

    /// Waits until the terminal's input queue is empty: the dashboard has read every key sent.
    static func waitForInputRead(_ session: TmuxSession, timeout: Duration = .seconds(10)) async throws -> Bool {
        let tty = try await TmuxSession.command(["display-message", "-p", "-t", session.name, "#{pane_tty}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let fd = open(tty, O_RDONLY | O_NOCTTY | O_NONBLOCK)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            var queued: Int32 = 0
            if ioctl(fd, UInt(FIONREAD), &queued) == 0, queued == 0 { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        return false
    }

    // MARK: Too small

    @Test func keysAreIgnoredOnTheTooSmallScreenAndNoOrderIsPlaced() async throws {
        let run = try Run()
        let session = try await run.start()
        try #require(await session.waitFor(timeout: .seconds(30), Self.isReady) != nil, "no live AAPL quote")
        try await session.resize(width: 40, height: 10)
        let small = try #require(await session.waitFor(timeout: .seconds(10)) { $0.contains("too small") && $0.contains("q or ctrl-c quits") })
        print("--- 40x10 ---\n\(small)")
        for key in ["b", "1", "m", "Enter", "Enter"] { try await session.send(key) }
        #expect(try await Self.waitForInputRead(session), "the keys were not read")
        let still = await session.capture()
        #expect(still.contains("too small") && Self.exitLine(still) == nil)
        try await session.resize(width: 120, height: 40)
        let full = try #require(await session.waitFor(timeout: .seconds(10)) { $0.contains("Executions") && $0.contains("Orders") })
        print("--- back at 120x40 ---\n\(full.split(separator: "\n").filter { $0.contains("order") || $0.contains("ticket") || $0.contains("fills") }.joined(separator: "\n"))")
        #expect(full.contains("No orders this session."), "an order was placed from the too-small screen")
        #expect(full.contains("No ticket open."))
        #expect(full.contains("No fills yet."))
        try await session.send("q")
        #expect(await session.waitFor(timeout: .seconds(15)) { Self.exitLine($0) == "EXIT 0" } != nil)
    }

    // MARK: Ctrl-C

    @Test func ctrlCWithNoWorkingOrderQuitsWithStatusZeroAndRestoresTheTerminal() async throws {
        let run = try Run()
        let session = try await run.start()
        try #require(await session.waitFor(timeout: .seconds(30), Self.isReady) != nil, "no live AAPL quote")
        try await session.send("C-c")
        let after = try #require(await session.waitFor(timeout: .seconds(15)) { $0.contains("EXIT") && $0.contains("MODES") }, "Ctrl-C did not quit")
        let lines = after.split(separator: "\n").filter { $0.hasPrefix("EXIT") || $0.hasPrefix("MODES") }
        print("--- after Ctrl-C, nothing working ---\n\(lines.joined(separator: "\n"))")
        #expect(Self.exitLine(after) == "EXIT 0", "Ctrl-C is a quit like q: status 0")
        let modes = try #require(lines.first { $0.hasPrefix("MODES") })
        #expect(modes.contains(" icanon") && modes.contains(" echo") && !modes.contains("-icanon") && !modes.contains("-echo"))
    }

    @Test func ctrlCWithAWorkingOrderAsksAndASecondCtrlCQuits() async throws {
        let run = try Run()
        let session = try await run.start()
        let ready = try #require(await session.waitFor(timeout: .seconds(30), Self.isReady), "no live AAPL quote")
        let bid = try #require(EndToEndTests.numbers(in: EndToEndTests.row(ready, "AAPL")!).first)
        let limit = String(format: "%.2f", (bid * 0.98).rounded(.down))
        try await session.send(":")
        try await session.send("buy 10 AAPL lmt \(limit)", literal: true)
        try await session.send("Enter")
        try #require(await session.waitFor(timeout: .seconds(10)) { $0.contains("Enter send") } != nil, "no review")
        try await session.send("Enter")
        try #require(await session.waitFor(timeout: .seconds(15)) { $0.contains("Submitted") } != nil, "the order is not working")
        try await session.send("Escape")
        try await session.send("C-c")
        let asked = try #require(await session.waitFor(timeout: .seconds(10)) { $0.contains("Quit anyway?") }, "Ctrl-C did not ask")
        print("--- Ctrl-C with a working order ---\n\(asked.split(separator: "\n").filter { $0.contains("┃") && !$0.contains("━") }.joined(separator: "\n"))")
        #expect(Self.exitLine(asked) == nil, "it quit without asking")
        #expect(asked.contains("y/ctrl-c yes"))
        try await session.send("C-c")
        let after = try #require(await session.waitFor(timeout: .seconds(15)) { Self.exitLine($0) != nil }, "the second Ctrl-C did not quit")
        #expect(Self.exitLine(after) == "EXIT 0")
    }

    // MARK: Signals

    @Test(arguments: [(SIGINT, 130), (SIGTERM, 143), (SIGHUP, 129)])
    func aSignalEndsWithStatus128PlusItsNumberAfterRestoring(signal: Int32, status: Int) async throws {
        let run = try Run()
        let session = try await run.start()
        try #require(await session.waitFor(timeout: .seconds(30)) { $0.contains("PAPER") && $0.contains("Executions") } != nil)
        kill(try await Self.ibtermPID(session), signal)
        let after = try #require(await session.waitFor(timeout: .seconds(15)) { $0.contains("EXIT") && $0.contains("MODES") })
        let lines = after.split(separator: "\n").filter { $0.hasPrefix("EXIT") || $0.hasPrefix("MODES") }
        print("--- after signal \(signal) ---\n\(lines.joined(separator: "\n"))")
        #expect(Self.exitLine(after) == "EXIT \(status)")
        let modes = try #require(lines.first { $0.hasPrefix("MODES") })
        #expect(!modes.contains("-icanon") && !modes.contains("-echo"), "the terminal was left raw: \(modes)")
    }

    // MARK: Ctrl-Z, fg, Ctrl-L

    @Test func ctrlZThenFgRepaintsEverythingAndCtrlLRepaints() async throws {
        let run = try Run()
        // An interactive shell for job control; no alternate screen, so the shell's lines
        // scroll the dashboard as on a terminal without one.
        let session = try await TmuxSession(command: "env PS1='$ ' bash --norc --noprofile -i; sleep 120", width: 120, height: 40)
        try await TmuxSession.command(["set-option", "-w", "-t", session.name, "alternate-screen", "off"])
        try #require(await session.waitFor(timeout: .seconds(10)) { $0.contains("$") } != nil, "no shell prompt")
        try await session.send(run.commandLine, literal: true)
        try await session.send("Enter")
        try #require(await session.waitFor(timeout: .seconds(30), Self.isReady) != nil, "no live AAPL quote")
        // A position, so Unrealized moves while Realized is 0.00.
        for key in ["b", "1", "0", "m", "Enter", "Enter"] { try await session.send(key) }
        try #require(await session.waitFor(timeout: .seconds(15)) { $0.contains("Filled") } != nil, "the market buy did not fill")
        try await session.send("Escape")
        try await session.send("C-z")
        let stopped = try #require(await session.waitFor(timeout: .seconds(10)) { $0.contains("Stopped") }, "Ctrl-Z did not stop ibterm")
        print("--- after Ctrl-Z ---\n\(stopped.split(separator: "\n").suffix(4).joined(separator: "\n"))")
        try await session.send("fg", literal: true)
        try await session.send("Enter")
        let repainted = await session.waitFor(timeout: .seconds(10)) { screen in
            !screen.contains("Stopped") && !screen.contains("$ fg") && Self.statusBars(screen) == 1
                && screen.split(separator: "\n").last.map { $0.contains("PAPER") } == true
                && (Self.pnlRow("Realized", screen)?.contains(" 0.00 ") ?? false)
                && (Self.pnlRow("Unrealized", screen) != nil) && (Self.pnlRow("Daily", screen) != nil)
        }
        let resumed = await session.capture()
        print("--- after fg ---\n\(resumed.split(separator: "\n").prefix(8).joined(separator: "\n"))\n…\n\(resumed.split(separator: "\n").suffix(2).joined(separator: "\n"))")
        #expect(repainted != nil, "the screen after fg was not repainted whole")

        // SIGSTOP cannot be caught: the shell's lines land on the dashboard while curses
        // still thinks it owns the screen. Only the repaint on SIGCONT (`fg`) puts it right.
        kill(try await Self.ibtermPID(session), SIGSTOP)
        try #require(await session.waitFor(timeout: .seconds(10)) { $0.contains("Stopped") } != nil, "SIGSTOP did not stop ibterm")
        try await session.send("fg", literal: true)
        try await session.send("Enter")
        let continued = await session.waitFor(timeout: .seconds(10)) { screen in
            !screen.contains("Stopped") && !screen.contains("$ fg") && Self.statusBars(screen) == 1
                && screen.split(separator: "\n").last.map { $0.contains("PAPER") } == true
                && (Self.pnlRow("Realized", screen)?.contains(" 0.00 ") ?? false)
        }
        let afterStop = await session.capture()
        print("--- after SIGSTOP and fg ---\n\(afterStop.split(separator: "\n").prefix(5).joined(separator: "\n"))\n…\n\(afterStop.split(separator: "\n").suffix(3).joined(separator: "\n"))")
        #expect(continued != nil, "the screen after SIGSTOP and fg was not repainted whole")

        // Something else writes on the terminal; Ctrl-L clears it.
        let tty = try await TmuxSession.command(["display-message", "-p", "-t", session.name, "#{pane_tty}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let handle = try #require(FileHandle(forWritingAtPath: tty))
        handle.write(Data("\u{1B}[38;10HGARBAGE-FROM-ELSEWHERE".utf8))
        try handle.close()
        try #require(await session.waitFor(timeout: .seconds(5)) { $0.contains("GARBAGE-FROM-ELSEWHERE") } != nil)
        try await session.send("C-l")
        let cleaned = await session.waitFor(timeout: .seconds(5)) { !$0.contains("GARBAGE") && Self.statusBars($0) == 1 && $0.contains("Watchlist") }
        #expect(cleaned != nil, "Ctrl-L did not repaint")
        try await session.send("q")
        // `fg` returns the job's status; the shell is back with a usable terminal.
        try await session.send("echo \"AFTER-FG $?\"; stty -a | grep -oE -- '-?(icanon|echo)\\b' | tr '\\n' ' '", literal: true)
        try await session.send("Enter")
        let after = await session.waitFor(timeout: .seconds(15)) { $0.contains("AFTER-FG 0") && $0.contains("icanon echo") }
        #expect(after != nil, "q did not quit after fg, or not with status 0, or left the terminal raw")
    }
}
