import Foundation
import TestPrerequisites
import Testing

/// `ibterm quote AAPL MSFT` against an independent TWS stand-in (`scripts/odd-tick-gateway.py`)
/// that sends one TICK_PRICE with a field too many after each market-data request: both quotes
/// are answered on the first connection, as IB's own clients would answer them.
///
/// It needs the built `ibterm` and `python3`; without them the test is reported as skipped,
/// except under `CI=true`, where a missing prerequisite fails it.
@Suite struct OddGatewayQuoteTests {
    static let script = EndToEndTests.repositoryRoot.appendingPathComponent("scripts/odd-tick-gateway.py").path

    @Test(.requires(.ibterm, .python3), .timeLimit(.minutes(1)))
    func quoteAnswersBothSymbolsWhenATickCarriesAFieldTooMany() async throws {
        let binary = try Prerequisite.ibterm.require()
        let python = try Prerequisite.python3.require()
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ibterm-odd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }

        let portFile = home.appendingPathComponent("port").path
        let gateway = Process()
        gateway.executableURL = URL(fileURLWithPath: python)
        gateway.arguments = [Self.script, "--port", "0", "--port-file", portFile]
        let gatewayLog = home.appendingPathComponent("gateway.log")
        _ = FileManager.default.createFile(atPath: gatewayLog.path, contents: nil)
        gateway.standardOutput = try FileHandle(forWritingTo: gatewayLog)
        gateway.standardError = FileHandle.nullDevice
        try gateway.run()
        defer { if gateway.isRunning { kill(gateway.processIdentifier, SIGKILL) } }

        let port = try await Self.poll("the stand-in's port", within: .seconds(10)) {
            (try? String(contentsOfFile: portFile, encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }

        let ibterm = Process()
        ibterm.executableURL = URL(fileURLWithPath: binary)
        ibterm.arguments = ["quote", "AAPL", "MSFT", "--gateway", "127.0.0.1:\(port)", "--timeout", "10"]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home.path
        environment["XDG_CONFIG_HOME"] = home.appendingPathComponent("config").path
        environment["XDG_DATA_HOME"] = home.appendingPathComponent("data").path
        environment["XDG_STATE_HOME"] = home.appendingPathComponent("state").path
        ibterm.environment = environment
        let output = home.appendingPathComponent("stdout")
        let errors = home.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        ibterm.standardOutput = try FileHandle(forWritingTo: output)
        ibterm.standardError = try FileHandle(forWritingTo: errors)
        try ibterm.run()
        defer { if ibterm.isRunning { kill(ibterm.processIdentifier, SIGKILL) } }
        _ = try await Self.poll("ibterm quote to exit", within: .seconds(30)) { ibterm.isRunning ? nil : true }

        let stdout = try String(contentsOf: output, encoding: .utf8)
        let stderr = try String(contentsOf: errors, encoding: .utf8)
        let lines = stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(ibterm.terminationStatus == 0, "stdout: \(stdout) stderr: \(stderr)")
        #expect(lines.first == ["SYMBOL", "BID", "ASK", "LAST", "VOLUME", "TYPE"])
        #expect(lines.contains(["AAPL", "231.20", "231.25", "231.22", "123456", "live"]), "\(stdout)")
        #expect(lines.contains(["MSFT", "412.10", "412.18", "412.15", "123456", "live"]), "\(stdout)")
        let log = try String(contentsOf: gatewayLog, encoding: .utf8)
        #expect(log.components(separatedBy: "client connected").count - 1 == 1, "one connection, never dropped: \(log)")
    }

    /// Polls `value` every 20 ms until it is non-nil, or fails after `limit`.
    private static func poll<T>(_ what: String, within limit: Duration, _ value: () -> T?) async throws -> T {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if let value = value() { return value }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("timed out after \(limit) waiting for \(what)")
        throw CancellationError()
    }
}
