import Foundation
import TestPrerequisites
import Testing

@testable import ibterm

/// `ibterm quote --watch`: the real binary on its embedded paper gateway, read through a pipe.
@Suite struct QuoteWatchTests {
    @Test func watchIsParsedAsAStreamOfTheGivenSymbols() throws {
        let command = try IBTerm.parseAsRoot(["quote", "--watch", "--json", "AAPL", "MSFT"])
        let quote = try #require(command as? QuoteCommand)
        #expect(quote.watch && quote.json && quote.symbols == ["AAPL", "MSFT"])
    }

    /// Needs the built `ibterm`: skipped without it, failed without it under `CI=true`.
    @Test(.requires(.ibterm))
    func watchStreamsChangingQuotesOfEverySymbolUntilSIGTERM() async throws {
        let binary = try Prerequisite.ibterm.require()
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ibterm-watch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["quote", "--watch", "AAPL", "MSFT", "--seed", "7", "--fresh", "--state", home.appendingPathComponent("paper.sqlite").path]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home.path
        environment["XDG_DATA_HOME"] = home.appendingPathComponent("data").path
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        // Read lines until each symbol printed two different complete quotes: the market moved
        // and the stream showed it (bounded).
        let lines = try await Self.readLines(from: output.fileHandleForReading, within: .seconds(30)) { lines in
            ["AAPL", "MSFT"].allSatisfy { Self.completeQuotes(of: $0, in: lines).count >= 2 }
        }
        #expect(lines.first?.hasPrefix("TIME") == true)
        #expect(Self.completeQuotes(of: "AAPL", in: lines).count >= 2)
        #expect(Self.completeQuotes(of: "MSFT", in: lines).count >= 2)
        let aapl = lines.filter { $0.split(separator: " ").dropFirst().first == "AAPL" }
        // `HH:MM:SS.mmm AAPL BID ASK LAST VOLUME live`, prices near the reference price.
        let fields = try #require(aapl.last?.split(separator: " "))
        #expect(fields.count == 7 && fields[6] == "live")
        let bid = try #require(Double(fields[2]))
        #expect(bid > 200 && bid < 350)

        kill(process.processIdentifier, SIGTERM)
        let deadline = ContinuousClock.now + .seconds(10)
        while process.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(!process.isRunning, "quote --watch ends on SIGTERM")
        // Foundation traps on the status of a running process: read it only once it ended.
        if !process.isRunning { #expect(process.terminationStatus == 0) }
    }

    /// The distinct bid/ask/last triples of `symbol`'s lines that have all three.
    private static func completeQuotes(of symbol: String, in lines: [String]) -> Set<[Substring]> {
        Set(lines.compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count == 7, fields[1] == Substring(symbol), !fields[2...4].contains("-") else { return nil }
            return Array(fields[2...4])
        })
    }

    /// Reads lines from `handle` on a thread of its own until `done` holds or time is up.
    private static func readLines(from handle: FileHandle, within limit: Duration, until done: @escaping @Sendable ([String]) -> Bool) async throws -> [String] {
        let collected = LockedLines()
        let descriptor = handle.fileDescriptor
        Thread.detachNewThread {
            var buffer = [UInt8](repeating: 0, count: 4096)
            var partial: [UInt8] = []
            while true {
                let count = read(descriptor, &buffer, buffer.count)
                if count <= 0 { break }
                partial.append(contentsOf: buffer[0..<count])
                while let end = partial.firstIndex(of: 10) {
                    collected.append(String(decoding: partial[..<end], as: UTF8.self))
                    partial.removeSubrange(...end)
                }
                if collected.isDone(done) { break }
            }
        }
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline, !collected.isDone(done) { try await Task.sleep(for: .milliseconds(20)) }
        return collected.lines
    }
}

private final class LockedLines: @unchecked Sendable {
    // Unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private var stored: [String] = []
    func append(_ line: String) { lock.lock(); stored.append(line); lock.unlock() }
    var lines: [String] { lock.lock(); defer { lock.unlock() }; return stored }
    func isDone(_ done: ([String]) -> Bool) -> Bool { done(lines) }
}
