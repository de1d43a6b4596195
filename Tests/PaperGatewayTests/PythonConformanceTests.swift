import Foundation
import PaperGateway
import TestPrerequisites
import Testing

/// Drives the gateway with IB's official Python client in two versions, each in its own
/// virtual environment (created by `.ci/run` under `$IBTERM_PEERS`, default `.build-peers/`).
///
/// One test per peer, each gated on its virtual environment: without it the test is reported
/// as skipped (with the command that creates it), except under `CI=true`, where `.ci/run` was
/// to create it and its absence fails the test.
@Suite(.serialized) struct PythonConformanceTests {
    static let repositoryRoot = Prerequisite.repositoryRoot

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

    /// `ibapi` 9.81 negotiates server version 157.
    @Test(.requires(.ibapiPeer("ibapi-9.81")))
    func officialClient981TradesAgainstTheGateway() async throws {
        try await officialClientTradesAgainstTheGateway(peer: .ibapiPeer("ibapi-9.81"), expectedVersion: 157)
    }

    /// `ibapi-stable` 10.50 negotiates server version 200.
    @Test(.requires(.ibapiPeer("ibapi-10.50")))
    func officialClient1050TradesAgainstTheGateway() async throws {
        try await officialClientTradesAgainstTheGateway(peer: .ibapiPeer("ibapi-10.50"), expectedVersion: 200)
    }

    func officialClientTradesAgainstTheGateway(peer: Prerequisite, expectedVersion: Int) async throws {
        let python = try peer.require()
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
        #expect(check("headTimestamp") == "20050103-14:30:00")
        // Two regular sessions of hourly bars (09:30, 10:00 ... 15:00) per page: the first may
        // hold today's session in progress; the second, older than the first, two whole ones.
        // MIDPOINT bars carry no volume (-1).
        #expect(check("historyFirstPage").flatMap(Int.init).map { (8...14).contains($0) } == true, "\(output)")
        #expect(check("history") == "page2=14 joined=True midpointVolume=-1", "\(output)")
        #expect(check("historyInvalid") == "error=321")
        #expect(check("whatIf") == "marginChange=True statuses=0 positionUnchanged=True", "\(output)")
        #expect(check("bracket") == "children=PreSubmitted,PreSubmitted cancelledWithParent=True", "\(output)")
        #expect(check("oca") == "marketable=Filled resting=Cancelled", "\(output)")
        #expect(check("depth") == "rows=10 bids=5 asks=5 named=True", "\(output)")
    }
}
