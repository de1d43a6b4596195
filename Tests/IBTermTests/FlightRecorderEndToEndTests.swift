import Foundation
import TestPrerequisites
import Testing
import TWSTrace

/// The flight recorder in the real `ibterm` in tmux: `--trace FILE` records a run with one
/// order, `:dump` writes the ring next to the log and says so in the footer, and a crash signal
/// writes the ring there before the terminal is restored.
///
/// Needs tmux, python3 and the built `ibterm` (see `TerminalEndToEndTests`).
@Suite(.serialized, .requires(.tmux, .python3, .ibterm))
struct FlightRecorderEndToEndTests {
    static func start(_ run: TerminalEndToEndTests.Run, trace: String) async throws -> TmuxSession {
        let command = run.commandLine.replacingOccurrences(of: " --theme mono ", with: " --theme mono --trace \(trace) ")
        return try await TmuxSession(command: command + "; sleep 120")
    }

    /// The records of a trace file (after its header); fails on damage.
    static func records(at path: String) throws -> [TraceRecord] {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(TraceFileHeader.problem(in: bytes) == nil)
        return TraceReader.items(of: bytes.dropFirst(TraceFileHeader.size)).compactMap {
            if case .record(let record) = $0 { return record }
            Issue.record("\(path): \($0)")
            return nil
        }
    }

    static func files(in folder: URL, prefix: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasPrefix(prefix) && $0.hasSuffix(".trace") }.map { folder.appendingPathComponent($0).path }
    }

    @Test func aTracedRunWithOneOrderAndADumpNextToTheLog() async throws {
        let run = try TerminalEndToEndTests.Run()
        defer { try? FileManager.default.removeItem(at: run.home) }
        let trace = run.home.appendingPathComponent("run.trace").path
        let session = try await Self.start(run, trace: trace)
        try #require(await session.waitFor(timeout: .seconds(30), TerminalEndToEndTests.isReady) != nil, "no live AAPL quote")
        try await OrderTruthEndToEndTests.order(session, "buy 5 AAPL mkt")
        #expect(await session.waitFor(timeout: .seconds(5)) { $0.contains("Enter send") } != nil, "the order did not reach review")
        try await session.send("Enter")
        let filled = await session.waitFor(timeout: .seconds(15)) { OrderTruthEndToEndTests.line($0, containing: "BUY", "AAPL", "Filled 5/5") != nil }
        try #require(filled != nil, "the order did not fill")
        try await session.send("Escape")
        try await session.send(":")
        try await session.send("dump", literal: true)
        try await session.send("Enter")
        let dumped = try #require(await session.waitFor(timeout: .seconds(10)) { FooterEndToEndTests.footer($0).contains("Trace written: ") },
                                  "the footer did not say where the dump went")
        print("--- after :dump ---\n\(FooterEndToEndTests.footer(dumped))")
        let state = run.home.appendingPathComponent("state/ibterm")
        let dump = try #require(Self.files(in: state, prefix: "ibterm-dump-").first, "no dump next to the log")
        #expect(FooterEndToEndTests.footer(dumped).contains(state.path), "the footer names the folder of the log")
        try await session.send("q")
        #expect(await session.waitFor(timeout: .seconds(15)) { TerminalEndToEndTests.exitLine($0) == "EXIT 0" } != nil)

        for path in [trace, dump] {
            let records = try Self.records(at: path)
            var interpreter = TraceInterpreter()
            let entries = records.map { interpreter.interpret($0) }
            #expect(entries.first?.name == "OPENED", "\(path)")
            // The review's what-if goes first, under an id of its own; then the order.
            #expect(entries.contains { $0.name == "PLACE_ORDER" && $0.fields.contains(TraceField("order.whatIf", "true")) })
            let place = try #require(entries.first { $0.name == "PLACE_ORDER" && !$0.fields.contains(TraceField("order.whatIf", "true")) }, "\(path)")
            let id = try #require(place.ids.first)
            #expect(place.about == nil && place.symbols == ["AAPL"])
            #expect(entries.contains { $0.name == "ORDER_STATUS" && $0.ids == [id] && $0.fields.contains(TraceField("status", "Filled")) }, "\(path)")
            #expect(entries.contains { $0.name == "EXECUTION_DATA" && $0.ids.contains(id) }, "\(path)")
        }
        // The file goes on to the end: the connection closed as ibterm quit.
        #expect(try Self.records(at: trace).last?.kind == .closed)
    }

    @Test func aCrashSignalWritesTheRingNextToTheLogAndTheTerminalIsRestored() async throws {
        let run = try TerminalEndToEndTests.Run()
        defer { try? FileManager.default.removeItem(at: run.home) }
        let session = try await run.start()
        try #require(await session.waitFor(timeout: .seconds(30), TerminalEndToEndTests.isReady) != nil, "no live AAPL quote")
        let pid = try await TerminalEndToEndTests.ibtermPID(session)
        kill(pid, SIGSEGV)
        let after = try #require(await session.waitFor(timeout: .seconds(15)) { $0.contains("EXIT") && $0.contains("MODES") }, "SIGSEGV did not end ibterm")
        #expect(TerminalEndToEndTests.exitLine(after) == "EXIT 139", "the crash is still reported (128 + SIGSEGV)")
        let modes = try #require(after.split(separator: "\n").first { $0.hasPrefix("MODES") })
        #expect(modes.contains(" icanon") && modes.contains(" echo") && !modes.contains("-icanon"), "the terminal was restored too")

        let state = run.home.appendingPathComponent("state/ibterm")
        let crash = try #require(Self.files(in: state, prefix: "ibterm-crash-").first, "no crash dump next to the log")
        #expect(crash.hasSuffix("-\(pid).trace"))
        let records = try Self.records(at: crash)
        #expect(records.first?.kind == .opened)
        #expect(records.contains { $0.kind == .handshake })
        #expect(records.filter { $0.kind == .inbound }.count > 20, "the quotes streamed until the crash")
    }
}
