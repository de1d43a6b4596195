import Foundation
import TestPrerequisites
import Testing

/// Drives `ibterm engine`'s Client Portal Web API with a plain Python HTTP client (`requests`,
/// and `websocket-client` for `/v1/api/ws`, in the `portal` virtual environment that `.ci/run`
/// creates under `$IBTERM_PEERS`), written from IB's documentation: `Peers/portal_conformance.py`. Then checks with the socket API
/// that the REST orders landed on the same market and ledger (issue #17: one market, one ledger).
///
/// Needs the built binary and the peer: without them the test is skipped (visibly), except
/// under `CI=true`, where it runs and fails.
@Suite(.serialized) struct PortalConformanceTests {
    static let script = Prerequisite.repositoryRoot.appendingPathComponent("Tests/IBTermTests/Peers/portal_conformance.py").path

    @Test(.requires(.ibterm, .portalPeer))
    func aPlainHTTPClientFollowingIBsDocumentationTradesThroughThePortal() async throws {
        let binary = try Prerequisite.ibterm.require()
        let python = try Prerequisite.portalPeer.require()
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ibterm-portal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let run = Runner(binary: binary, home: home)

        // 1. The engine, both APIs on free ports, a fresh ledger (its certificate made beside it).
        let ledger = home.appendingPathComponent("paper.sqlite").path
        let engine = try run.start(["engine", "--port", "0", "--portal-port", "0", "--state", ledger, "--fresh"])
        defer { engine.kill(SIGKILL) }
        try await engine.waitForStderr(containing: "client portal listening on ")
        try await engine.waitForStderr(containing: "paper gateway listening on ")
        let portal = try #require(Self.portal(in: engine.stderr), "\(engine.stderr)")
        let socketPort = try #require(Self.socketPort(in: engine.stderr), "\(engine.stderr)")
        #expect(portal.certificate == ledger + ".portal-cert.pem")

        // 2. The script, to its end (it waits out IB's 1-per-5-s limits, so it takes ~15 s).
        let peer = try Child(binary: python, arguments: ["-u", Self.script, portal.url, portal.certificate], environment: ProcessInfo.processInfo.environment)
        do {
            try await peer.waitForExit(within: .seconds(90))
        } catch {
            peer.kill(SIGKILL)
            throw error
        }
        let output = peer.stdout + peer.stderr
        let lines = output.split(separator: "\n").map(String.init)
        func check(_ name: String) -> String? {
            lines.first { $0.hasPrefix("CHECK \(name) ") }.map { String($0.dropFirst("CHECK \(name) ".count)) }
        }
        // The script's first failure ends the test here, with its output and the engine's log.
        try #require(peer.status == 0 && lines.contains("RESULT ok"), "\(output)\nengine: \(engine.stderr)")
        #expect(check("tls") != nil, "\(output)")
        #expect(check("authStatus") == "authenticated=True connected=True competing=False", "\(output)")
        #expect(check("iserverAccounts") == "DU0000001 selected=DU0000001", "\(output)")
        #expect(check("secdefSearch") == "AAPL conid='265598'", "\(output)")
        #expect(check("snapshotPreflight") == "keys=conid,conidEx", "\(output)")
        #expect(check("orderQuestion")?.hasPrefix("messageIds=['o163']") == true, "\(output)")
        #expect(check("positions")?.hasPrefix("AAPL position=10 (was 0)") == true, "\(output)")
        #expect(check("wsMarketData")?.hasPrefix("smd+265598 last=") == true, "\(output)")
        #expect(check("wsOrders")?.contains("status=Submitted BUY 1 AAPL") == true, "\(output)")
        #expect(check("wsCancelled")?.hasSuffix("status=Cancelled") == true, "\(output)")
        #expect(check("rateLimit")?.contains("statuses=[429, 429]") == true, "\(output)")
        #expect(check("no401")?.contains("answered401=0") == true, "\(output)")

        // 3. The socket side sees what REST did: the fill under the same order id and execution id,
        //    the position, and no order left open (the REST cancel took).
        let fill = try #require(check("fill").map(Self.fields), "\(output)")
        let fillOrderId = try #require(fill["orderId"].flatMap(Int.init), "\(output)")
        let cancelledIds = try ["cancelled", "wsCancelled"].map { name in
            try #require(check(name).map(Self.fields)?["orderId"].flatMap(Int.init), "\(output)")
        }
        let gateway = ["--gateway", "127.0.0.1:\(socketPort)"]

        let executions = try await run.oneShot(["executions", "--json"] + gateway)
        #expect(executions.status == 0, "\(executions.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(executions.stdout.utf8)) as? [[String: Any]], "\(executions.stdout)")
        let socketFill = rows.first { $0["orderId"] as? Int == fillOrderId }
        #expect(socketFill?["execId"] as? String == fill["execId"], "\(executions.stdout)")
        #expect(socketFill?["symbol"] as? String == "AAPL" && socketFill?["side"] as? String == "BOT" && socketFill?["shares"] as? String == "10", "\(executions.stdout)")
        #expect((socketFill?["price"] as? Double).map { String($0) } == fill["price"], "\(executions.stdout) vs \(fill)")

        let positions = try await run.oneShot(["positions", "--json"] + gateway)
        #expect(positions.status == 0, "\(positions.stderr)")
        #expect(try LedgerOwnershipProcessTests.positions(positions.stdout) == ["AAPL": "10"], "\(positions.stdout)")

        let orders = try await run.oneShot(["orders", "--json"] + gateway)
        #expect(orders.status == 0, "\(orders.stderr)")
        let open = try #require(try JSONSerialization.jsonObject(with: Data(orders.stdout.utf8)) as? [[String: Any]], "\(orders.stdout)")
        #expect(!open.contains { ($0["orderId"] as? Int).map(cancelledIds.contains) == true }, "\(orders.stdout)")

        engine.kill(SIGTERM)
        try await engine.waitForExit()
    }

    // MARK: Reading outputs

    /// `client portal listening on https://127.0.0.1:PORT/v1/api (certificate FILE, made now)`
    /// → the API's root and the certificate's path.
    static func portal(in stderr: String) -> (url: String, certificate: String)? {
        guard let line = stderr.split(separator: "\n").first(where: { $0.contains("client portal listening on ") }),
              let start = line.range(of: "listening on ")?.upperBound,
              let certificate = line.range(of: " (certificate ")
        else { return nil }
        let url = String(line[start..<certificate.lowerBound])
        let rest = line[certificate.upperBound...]
        guard let end = rest.lastIndex(of: ",") ?? rest.lastIndex(of: ")") else { return nil }
        return (url, String(rest[..<end]))
    }

    /// `paper gateway listening on 127.0.0.1:PORT, account …` → PORT.
    static func socketPort(in stderr: String) -> Int? {
        guard let line = stderr.split(separator: "\n").first(where: { $0.contains("paper gateway listening on ") }),
              let start = line.range(of: "listening on ")?.upperBound
        else { return nil }
        let address = line[start...].prefix { $0 != "," && $0 != " " }
        return address.split(separator: ":").last.flatMap { Int($0) }
    }

    /// `orderId=2 shares=10 price=271.42` → its fields.
    static func fields(_ text: String) -> [String: String] {
        Dictionary(text.split(separator: " ").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1)
            return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
        }, uniquingKeysWith: { first, _ in first })
    }
}
