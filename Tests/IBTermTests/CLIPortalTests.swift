#if canImport(Glibc)
import Glibc
#endif
import Foundation
import TestPrerequisites
import Testing

@testable import ibterm

/// `--portal`: the one-shot commands over IB's Client Portal Web API instead of the socket. The
/// parsing in process; the rest runs the built binary against `ibterm engine`'s portal (on an
/// ephemeral port) in an isolated home, every wait bounded.
@Suite struct CLIPortalParsingTests {
    @Test func aPortalAddressMustBeHTTPSWithAPort() throws {
        #expect(throws: (any Error).self) { try IBTerm.parseAsRoot(["orders", "--portal", "http://127.0.0.1:5000"]) }
        #expect(throws: (any Error).self) { try IBTerm.parseAsRoot(["positions", "--portal", "https://127.0.0.1"]) }
        let orders = try #require(try IBTerm.parseAsRoot(["orders", "--portal", "https://127.0.0.1:5000/v1/api"]) as? OrdersCommand)
        #expect(orders.portal.portal == "https://127.0.0.1:5000/v1/api")
        let order = try #require(try IBTerm.parseAsRoot(["order", "buy", "1", "AAPL", "--portal", "https://localhost:5000", "--yes"]) as? OrderCommand)
        #expect(order.yes)
    }

    @Test func portalOrderTypesReadAsTheSocketsWords() {
        #expect(OrdersCommand.socketOrderType("LIMIT") == "LMT")
        #expect(OrdersCommand.socketOrderType("Stop Limit") == "STP LMT")
        #expect(OrdersCommand.socketOrderType("MARKET") == "MKT")
    }
}

@Suite(.serialized, .requires(.ibterm)) struct CLIPortalProcessTests {
    @Test func ordersPositionsExecutionsOrderAndCancelOverThePortal() async throws {
        let engine = try await EngineProcess(portal: true)
        defer { engine.stop() }
        let portal = try #require(engine.portal)

        let none = try await engine("orders", "--portal", portal)
        #expect(none.status == 0 && none.stdout == "No open orders.\n", "\(none)")
        let flat = try await engine("positions", "--portal", portal)
        #expect(flat.status == 0 && flat.stdout == "No positions.\n", "\(flat)")

        // A snapshot is polled, never LIVE: the guard refuses it unless overridden.
        let polled = try await engine("order", "buy", "1", "AAPL", "--portal", portal)
        #expect(polled.status == 2)
        #expect(polled.stderr.contains("is a polled Client Portal snapshot, never LIVE") && polled.stderr.contains("--accept-stale-quote"), "\(polled.stderr)")

        // A limit 4 % under the ask: inside the guard's 5 % band, past IB's 3 % question (o163).
        let quote = try await engine.json("quote", "AAPL")
        let ask = try #require(quote.first?["ask"] as? Double)
        let limit = String(format: "%.2f", (ask * 0.96 * 100).rounded() / 100)
        let unanswered = try await engine("order", "buy", "2", "AAPL", "--limit", limit, "--accept-stale-quote", "--portal", portal)
        #expect(unanswered.status == 2, "\(unanswered)")
        #expect(unanswered.stdout.contains("the gateway asks before placing (o163)"), "\(unanswered.stdout)")
        #expect(unanswered.stderr.contains("this run has no terminal to ask you: rerun with --yes"), "\(unanswered.stderr)")

        let placed = try await engine("order", "buy", "2", "AAPL", "--limit", limit, "--accept-stale-quote", "--yes", "--portal", portal)
        #expect(placed.status == 0, "\(placed)")
        #expect(placed.stdout.contains("the gateway asks before placing (o163)") && placed.stdout.contains("answered yes (--yes)"), "\(placed.stdout)")
        let orderId = try #require(LedgerOwnershipProcessTests.orderId(in: placed.stdout), "\(placed.stdout)")
        #expect(placed.stdout.contains("order \(orderId) is working at the gateway"), "\(placed.stdout)")

        // The same order over the portal and over the socket (client 0: placed outside the socket API).
        let listed = try await engine("orders", "--portal", portal)
        #expect(listed.status == 0, "\(listed.stderr)")
        let row = try #require(listed.stdout.split(separator: "\n").first { $0.hasPrefix("\(orderId) ") }, "\(listed.stdout)")
        #expect(row.contains("BUY") && row.contains("AAPL") && row.contains("LMT") && row.contains(limit), "\(row)")
        let socket = try await engine.json("orders")
        #expect(socket.contains { $0["orderId"] as? Int == orderId && $0["clientId"] as? Int == 0 }, "\(socket)")

        let cancelled = try await engine("cancel", String(orderId), "--portal", portal)
        #expect(cancelled.status == 0, "\(cancelled)")
        #expect(cancelled.stdout.contains("order \(orderId) cancelled") || cancelled.stdout.contains("cancel of order \(orderId) submitted"), "\(cancelled.stdout)")
        let unknown = try await engine("cancel", "99999", "--portal", portal)
        #expect(unknown.status == 2, "\(unknown)")

        // cancel --all over the portal: each working order cancelled, then none works.
        for price in [limit, String(format: "%.2f", (ask * 0.97 * 100).rounded() / 100)] {
            let working = try await engine("order", "buy", "1", "AAPL", "--limit", price, "--accept-stale-quote", "--yes", "--portal", portal)
            #expect(working.status == 0, "\(working)")
        }
        let all = try await engine("cancel", "--all", "--portal", portal)
        #expect(all.status == 0 && all.stdout.contains("2 open orders cancelled"), "\(all)")
        let afterAll = try await engine("orders", "--portal", portal)
        #expect(afterAll.stdout.contains("No open orders"), "\(afterAll)")

        // A market order fills; its position and execution are listed over the portal.
        let bought = try await engine("order", "buy", "3", "AAPL", "--accept-stale-quote", "--yes", "--wait", "--portal", portal)
        #expect(bought.status == 0 && bought.stdout.contains("filled"), "\(bought)")
        let positions = try await engine.json("positions", "--portal", portal)
        #expect(positions.contains { $0["symbol"] as? String == "AAPL" && $0["position"] as? String == "3" }, "\(positions)")
        let executions = try await engine("executions", "--portal", portal)
        #expect(executions.status == 0 && executions.stdout.contains("BOT") && executions.stdout.contains("AAPL"), "\(executions)")

        // The config file's `portal` does the same without --portal.
        let config = engine.home.appendingPathComponent("config/ibterm/config.toml")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "portal = \"\(portal)\"\n".write(to: config, atomically: true, encoding: .utf8)
        let configured = try await engine.json("positions")
        #expect(configured.contains { $0["symbol"] as? String == "AAPL" && $0["position"] as? String == "3" && $0["conId"] != nil }, "\(configured)")
    }

    @Test func aPortalThatIsNotAnsweringIsNamed() async throws {
        let binary = try Prerequisite.ibterm.require()
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ibterm-portal-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        // A port nothing listens on: bound and closed again.
        let port = try #require(LoopbackPort.unused())
        let result = try await Runner(binary: binary, home: home).oneShot(["orders", "--portal", "https://127.0.0.1:\(port)"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("the Client Portal at https://127.0.0.1:\(port) is not answering (connection refused)"), "\(result.stderr)")
        let remote = try await Runner(binary: binary, home: home).oneShot(["orders", "--portal", "https://192.0.2.1:5000"])
        #expect(remote.status == 1 && remote.stderr.contains("--portal-cert"), "\(remote.stderr)")
    }
}
