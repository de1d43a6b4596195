import Foundation
import PaperGateway
import Testing

/// Drives the gateway with IB's official Python client in two versions, each in its own
/// virtual environment (created by `.ci/run` under `$IBTERM_PEERS`, default `.build-peers/`).
@Suite(.serialized) struct PythonConformanceTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var peersDirectory: URL {
        if let path = ProcessInfo.processInfo.environment["IBTERM_PEERS"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return repositoryRoot.appendingPathComponent(".build-peers")
    }

    static func python(_ peer: String) -> String? {
        let path = peersDirectory.appendingPathComponent(peer).appendingPathComponent("bin/python").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// Runs `script` with `python`, killing it after `timeout`; returns its output.
    static func run(python: String, script: String, arguments: [String], timeout: TimeInterval) async throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-u", script] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return (process.terminationStatus, text)
    }

    @Test(arguments: [("ibapi-9.81", 157), ("ibapi-10.50", 200)])
    func officialClientTradesAgainstTheGateway(peer: String, expectedVersion: Int) async throws {
        guard let python = Self.python(peer) else {
            print("skipping \(peer) conformance: no virtual environment at \(Self.peersDirectory.path)/\(peer) (run .ci/run or create it as it does)")
            return
        }
        let configuration = GatewayConfiguration(
            port: 0, seed: 11, notEntitled: ["TSLA"], tickIntervalMilliseconds: 50, pnlIntervalMilliseconds: 300,
            logger: GatewayFixture.quietLogger)
        let server = try await PaperGatewayServer.start(configuration: configuration)
        let script = Self.repositoryRoot.appendingPathComponent("Tests/PaperGatewayTests/Peers/conformance.py").path
        let (status, output) = try await Self.run(
            python: python, script: script, arguments: [String(server.port)], timeout: 90)
        try await server.stop()
        let lines = output.split(separator: "\n").map(String.init)
        func check(_ name: String) -> String? {
            lines.first { $0.hasPrefix("CHECK \(name) ") }.map { String($0.dropFirst("CHECK \(name) ".count)) }
        }
        #expect(status == 0, "\(output)")
        #expect(lines.contains("RESULT ok"), "\(output)")
        #expect(check("serverVersion") == String(expectedVersion))
        #expect(check("managedAccounts") == "DU0000001")
        #expect(check("farmNotices") == "2104,2106,2158")
        #expect(check("quotes")?.contains("AAPL bid=") == true)
        #expect(check("filled")?.contains("filled=10 remaining=0") == true, "\(output)")
        #expect(check("execDetails")?.hasPrefix("reqId=-1 symbol=AAPL side=BOT shares=10") == true)
        #expect(check("commission").flatMap(Double.init).map { $0 > 0 } == true)
        #expect(check("cancelled")?.hasSuffix("error=202") == true)
        // IB's own decoder reads the gateway's COMPLETED_ORDER (a filled AAPL, a cancelled MSFT).
        #expect(check("completed") == "AAPL:Filled:Filled Size: 10,MSFT:Cancelled:Cancelled by Trader", "\(output)")
        #expect(check("position")?.hasPrefix("AAPL 10 ") == true)
        #expect(check("account")?.contains("portfolioAAPL=10") == true)
        #expect(check("pnl") != nil)
        #expect(check("notEntitled") == "TSLA error=354 ticks=0")
    }
}
