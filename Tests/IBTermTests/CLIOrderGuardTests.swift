import ArgumentParser
import Dashboard
import Foundation
import TestPrerequisites
import Testing

@testable import ibterm

/// `ibterm order` applies the dashboard ticket's guard; `ibterm cancel` and `ibterm orders`
/// cover every client id's orders. The parsing and the refusal sentences are checked in
/// process; the rest runs the built binary against `ibterm engine` on an ephemeral loopback
/// port, in an isolated home, every wait bounded.
@Suite struct CLIOrderGuardParsingTests {
    @Test func aNegativeQuantityIsAQuantityRefusalNotAMissingArgument() throws {
        let command = try #require(try IBTerm.parseAsRoot(["order", "buy", "-5", "AAPL"]) as? OrderCommand)
        #expect(command.quantity == "-5" && command.symbol == "AAPL")
        let refusal = try #require(OrderCommand.fieldRefusal(of: command.ticket, limits: TicketLimits()))
        #expect(refusal.code == .quantityNotPositive)
        #expect(command.sentence(for: refusal) == "Quantity must be a whole number above zero; for a sell use `ibterm order sell 5 AAPL`.")
        let sell = try #require(try IBTerm.parseAsRoot(["order", "sell", "-5", "msft", "--limit", "1"]) as? OrderCommand)
        #expect(sell.sentence(for: try #require(OrderCommand.fieldRefusal(of: sell.ticket, limits: TicketLimits())))
            == "Quantity must be a whole number above zero; for a buy use `ibterm order buy 5 MSFT`.")
    }

    @Test func theQuantityLimitIsWordedAsTheDashboardsTicketWordsIt() throws {
        let command = try #require(try IBTerm.parseAsRoot(["order", "buy", "5000", "AAPL", "--limit", "100"]) as? OrderCommand)
        let cli = try #require(OrderCommand.fieldRefusal(of: command.ticket, limits: TicketLimits()))
        // The dashboard: `:buy 5000 AAPL lmt 100`, reviewed against its own state's context.
        var dashboardTicket = try OrderTicketCommand.parse("buy 5000 AAPL lmt 100")
        let state = DashboardState(config: DashboardConfig())
        #expect(throws: cli) { try dashboardTicket.review(in: state.ticketContext(for: "AAPL")) }
        #expect(command.sentence(for: cli) == "Quantity 5000 is above the maximum 1000.")
    }

    @Test func pricesAreTextSoAnOffTickPriceIsNeverRounded() throws {
        let command = try #require(try IBTerm.parseAsRoot(["order", "buy", "10", "AAPL", "--limit", "271.555"]) as? OrderCommand)
        #expect(command.ticket.limitPriceText == "271.555")
        // Without the contract the tick is unknown: the field check leaves it to the online one.
        #expect(OrderCommand.fieldRefusal(of: command.ticket, limits: TicketLimits()) == nil)
        let tooPrecise = try #require(try IBTerm.parseAsRoot(["order", "buy", "10", "AAPL", "--limit", "1.123456789"]) as? OrderCommand)
        #expect(OrderCommand.fieldRefusal(of: tooPrecise.ticket, limits: TicketLimits())?.code == .priceOffTick)
    }

    @Test func theOverrideBypassesOnlyTheFreshnessCheck() throws {
        let command = try #require(try IBTerm.parseAsRoot(["order", "buy", "10", "AAPL", "--limit", "100", "--accept-stale-quote"]) as? OrderCommand)
        #expect(command.ticket.quoteOverrideAcknowledged)
        let plain = try #require(try IBTerm.parseAsRoot(["order", "buy", "10", "AAPL", "--limit", "100"]) as? OrderCommand)
        #expect(!plain.ticket.quoteOverrideAcknowledged)
        let stale = TicketRefusal(.quoteNotLive, field: .referenceQuote, "Reference quote for AAPL is STALE, not LIVE; override explicitly to continue.")
        #expect(plain.sentence(for: stale) == "Reference quote for AAPL is STALE, not LIVE; override explicitly to continue (--accept-stale-quote overrides this check only).")
    }

    @Test func strayWordsAndOptionsAreUsageErrors() {
        #expect(throws: (any Error).self) { try IBTerm.parseAsRoot(["order", "buy", "5", "AAPL", "--bogus"]) }
        #expect(throws: (any Error).self) { try IBTerm.parseAsRoot(["order", "buy", "5"]) }
        #expect(throws: (any Error).self) { try IBTerm.parseAsRoot(["order", "buy", "5", "AAPL", "MSFT"]) }
        #expect(throws: (any Error).self) { try IBTerm.parseAsRoot(["cancel"]) }
        #expect(throws: (any Error).self) { try IBTerm.parseAsRoot(["cancel", "5", "--all"]) }
        #expect((try? IBTerm.parseAsRoot(["cancel", "--all"])) is CancelCommand)
    }

    @Test func theStateIBNamesInA10148IsRead() {
        #expect(CancelCommand.state(in: "OrderId 3 that needs to be cancelled cannot be cancelled, state: Filled.") == "filled")
        #expect(CancelCommand.state(in: "no state here") == nil)
    }
}

/// The built `ibterm` against `ibterm engine`: refusals, a gateway rejection, cancels, JSON and
/// Ctrl-C. Needs the built binary: skipped without it, failed without it under `CI=true`.
@Suite(.serialized, .requires(.ibterm)) struct CLIOrderGuardProcessTests {
    typealias Engine = EngineProcess

    static func orderId(_ output: String) -> Int? { LedgerOwnershipProcessTests.orderId(in: output) }

    @Test func theGuardRefusesByTheConfiguredLimitsTheTickGridAndThePriceBandAndSendsNothing() async throws {
        let engine = try await Engine()
        defer { engine.stop() }

        let quantity = try await engine("order", "buy", "5000", "AAPL", "--limit", "100")
        #expect(quantity.status == 2)
        #expect(quantity.stderr == "ibterm: order refused, nothing sent: Quantity 5000 is above the maximum 1000.\n", "\(quantity.stderr)")
        #expect(quantity.stdout.isEmpty)

        let negative = try await engine("order", "buy", "-5", "AAPL")
        #expect(negative.status == 2)
        #expect(negative.stderr.contains("Quantity must be a whole number above zero; for a sell use `ibterm order sell 5 AAPL`."), "\(negative.stderr)")
        #expect(!negative.stderr.contains("Missing expected argument"))

        let offTick = try await engine("order", "buy", "10", "AAPL", "--limit", "271.555")
        #expect(offTick.status == 2)
        #expect(offTick.stderr.contains("Limit price 271.555 is not a multiple of the minimum tick 0.01."), "\(offTick.stderr)")

        let band = try await engine("order", "buy", "10", "AAPL", "--limit", "1")
        #expect(band.status == 2)
        #expect(band.stderr.contains("Limit price 1.00 is ") && band.stderr.contains("; the band is 5.0 %."), "\(band.stderr)")

        // The dashboard's configuration file, at its default place, sets the limits.
        let config = engine.home.appendingPathComponent("config/ibterm/config.toml")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "[ticket]\nmax_quantity = 100\nmax_notional = 1000\n".write(to: config, atomically: true, encoding: .utf8)
        let configured = try await engine("order", "buy", "500", "AAPL", "--limit", "100")
        #expect(configured.stderr.contains("Quantity 500 is above the maximum 100."), "\(configured.stderr)")
        let limit = try await engine.restingBuyLimit("AAPL")
        let notional = try await engine("order", "buy", "50", "AAPL", "--limit", limit)
        #expect(notional.status == 2)
        #expect(notional.stderr.contains("is above the maximum 1,000.00") || notional.stderr.contains("is above the maximum 1000.00"), "\(notional.stderr)")
        // --config names another file; one that does not exist is an error, not the defaults.
        let other = engine.home.appendingPathComponent("other.toml")
        try "[ticket]\nmax_quantity = 7\n".write(to: other, atomically: true, encoding: .utf8)
        let named = try await engine("order", "buy", "8", "AAPL", "--limit", "100", "--config", other.path)
        #expect(named.stderr.contains("Quantity 8 is above the maximum 7."), "\(named.stderr)")
        let missing = try await engine("order", "buy", "1", "AAPL", "--config", engine.home.appendingPathComponent("none.toml").path)
        #expect(missing.status == 1 && missing.stderr.contains("config file not found"), "\(missing.stderr)")

        // Nothing reached the gateway.
        #expect(try await engine.openOrders().isEmpty)
        let executions = try await engine("executions", "--json")
        #expect((try JSONSerialization.jsonObject(with: Data(executions.stdout.utf8)) as? [Any])?.isEmpty == true, "\(executions.stdout)")
    }

    @Test func aQuoteThatIsNotLiveIsRefusedUnlessOverriddenAndAGatewayRejectionEndsTheCommandAtOnce() async throws {
        let engine = try await Engine()
        defer { engine.stop() }

        let stale = try await engine("order", "buy", "10", "ZZZZ", "--limit", "10")
        #expect(stale.status == 2)
        #expect(stale.stderr.contains("Reference quote for ZZZZ is NO DATA, not LIVE") && stale.stderr.contains("--accept-stale-quote overrides this check only"), "\(stale.stderr)")

        // Overridden, it is sent; IB's 200 (no such contract) comes without a status: the
        // command must end on the error itself, long before its 10 s time limit.
        let started = ContinuousClock.now
        let rejected = try await engine("order", "buy", "10", "ZZZZ", "--limit", "10", "--accept-stale-quote", "--wait")
        let took = ContinuousClock.now - started
        #expect(rejected.status == 1)
        #expect(rejected.stderr.contains("was rejected: IB 200"), "\(rejected.stderr)")
        #expect(took < .seconds(8), "the command waited \(took) after the rejection")
        let rejectedId = try #require(Self.orderId(rejected.stdout), "\(rejected.stdout)")

        // The next order takes a new id.
        let next = try await engine("order", "buy", "1", "AAPL", "--wait")
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stdout.contains("Filled"))
        let nextId = try #require(Self.orderId(next.stdout), "\(next.stdout)")
        #expect(nextId > rejectedId)
    }

    @Test func cancelsOneOrderAnotherClientsOrderAndEveryOrderAndSaysWhenThereIsNothingToCancel() async throws {
        let engine = try await Engine()
        defer { engine.stop() }
        let limit = try await engine.restingBuyLimit("AAPL")

        // This client's working order.
        let mine = try await engine("order", "buy", "2", "AAPL", "--limit", limit)
        #expect(mine.status == 0, "\(mine.stderr)")
        let mineId = try #require(Self.orderId(mine.stdout), "\(mine.stdout)")
        // Another client's (id 5) and a third one's (id 4).
        let theirs = try await engine("order", "buy", "3", "AAPL", "--limit", limit, "--client-id", "5")
        let theirsId = try #require(Self.orderId(theirs.stdout), "\(theirs.stdout)\(theirs.stderr)")
        let third = try await engine("order", "buy", "4", "AAPL", "--limit", limit, "--client-id", "4")
        let thirdId = try #require(Self.orderId(third.stdout), "\(third.stdout)\(third.stderr)")

        // `orders` lists every client's, with the client id.
        #expect(try await engine.openOrders() == [mineId: 17, theirsId: 5, thirdId: 4])
        let table = try await engine("orders")
        #expect(table.stdout.split(separator: "\n").first?.contains("CLIENT") == true, "\(table.stdout)")
        let own = try await engine("orders", "--this-client", "--json")
        #expect(own.stdout.contains("\"orderId\" : \(mineId)") && !own.stdout.contains("\"orderId\" : \(theirsId)"), "\(own.stdout)")

        let cancelled = try await engine("cancel", "\(mineId)")
        #expect(cancelled.status == 0, "\(cancelled.stderr)")
        #expect(cancelled.stdout.contains("order \(mineId) cancelled"), "\(cancelled.stdout)")

        let foreign = try await engine("cancel", "\(theirsId)", "--json")
        #expect(foreign.status == 0, "\(foreign.stderr)")
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(foreign.stdout.utf8)) as? [String: Any], "\(foreign.stdout)")
        #expect(answer["outcome"] as? String == "cancelled" && answer["clientId"] as? Int == 5 && answer["exitCode"] as? Int == 0)
        #expect(try await engine.openOrders() == [thirdId: 4])

        // Again: nothing to cancel, said in words, exit status 2.
        let again = try await engine("cancel", "\(mineId)")
        #expect(again.status == 2)
        #expect(again.stderr.contains("order \(mineId) is already cancelled; nothing to cancel"), "\(again.stderr)")
        let unknown = try await engine("cancel", "99999")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("IB knows no open order 99999"), "\(unknown.stderr)")

        // --all: reqGlobalCancel, whichever client placed them.
        let fourth = try await engine("order", "sell", "1", "MSFT", "--limit", String(format: "%.2f", (try await engine.ask("MSFT") * 1.03 * 100).rounded() / 100))
        let fourthId = try #require(Self.orderId(fourth.stdout), "\(fourth.stdout)\(fourth.stderr)")
        let all = try await engine("cancel", "--all", "--json")
        #expect(all.status == 0, "\(all.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [String: Any], "\(all.stdout)")
        #expect(summary["outcome"] as? String == "cancelled")
        let rows = try #require(summary["orders"] as? [[String: Any]])
        #expect(Set(rows.compactMap { $0["orderId"] as? Int }) == [thirdId, fourthId])
        #expect(rows.allSatisfy { $0["status"] as? String == "Cancelled" }, "\(rows)")
        #expect(try await engine.openOrders().isEmpty)
        let nothing = try await engine("cancel", "--all")
        #expect(nothing.status == 0 && nothing.stdout.contains("No open orders; nothing to cancel."))
    }

    @Test func jsonLinesParseCtrlCDuringWaitSaysTheOrderIsStillWorkingAndALostGatewayEndsTheWait() async throws {
        let engine = try await Engine()
        defer { engine.stop() }

        let filled = try await engine("order", "buy", "1", "AAPL", "--wait", "--json")
        #expect(filled.status == 0, "\(filled.stderr)")
        let lines = try filled.stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        }
        #expect(lines.first?["event"] as? String == "sent")
        #expect(lines.contains { $0["event"] as? String == "fill" })
        let result = try #require(lines.last)
        #expect(result["event"] as? String == "result" && result["status"] as? String == "Filled" && result["filled"] as? String == "1")
        #expect(result["exitCode"] as? Int == 0 && (result["avgPrice"] as? Double ?? 0) > 0 && result["orderId"] is Int)

        let refused = try await engine("order", "buy", "5000", "AAPL", "--limit", "100", "--json")
        #expect(refused.status == 2)
        let refusal = try #require(try JSONSerialization.jsonObject(with: Data(refused.stdout.utf8)) as? [String: Any], "\(refused.stdout)")
        let detail = try #require(refusal["refused"] as? [String: Any])
        #expect(detail["limit"] as? String == "quantityAboveMaximum" && detail["message"] as? String == "Quantity 5000 is above the maximum 1000.")

        // Ctrl-C while waiting: the order keeps working, and the command says so.
        let limit = try await engine.restingBuyLimit("AAPL")
        let waiting = try engine.run.start(["order", "buy", "2", "AAPL", "--limit", limit, "--wait"])
        defer { waiting.kill(SIGKILL) }
        try await waiting.waitForStdout(containing: "Submitted")
        let id = try #require(Self.orderId(waiting.stdout), "\(waiting.stdout)")
        waiting.kill(SIGINT)
        try await waiting.waitForExit()
        #expect(waiting.status == 130)
        #expect(waiting.stderr.contains("interrupted: order \(id) is still working at the gateway") && waiting.stderr.contains("cancel it with `ibterm cancel \(id)`"), "\(waiting.stderr)")
        #expect(try await engine.openOrders()[id] == 17)

        // The gateway goes away during --wait: the command says so and ends, it does not wait on.
        let orphan = try engine.run.start(["order", "buy", "2", "AAPL", "--limit", limit, "--wait"])
        defer { orphan.kill(SIGKILL) }
        try await orphan.waitForStdout(containing: "Submitted")
        engine.engine.kill(SIGKILL)
        try await orphan.waitForExit(within: .seconds(10))
        #expect(orphan.status == 1)
        #expect(orphan.stderr.contains("connection lost") && orphan.stderr.contains("may still be working at the gateway"), "\(orphan.stderr)")
    }
}

/// What the guard tests read of the engine's market and orders.
extension EngineProcess {
    /// The ask of `symbol` now.
    func ask(_ symbol: String) async throws -> Double {
        let quote = try await self("quote", symbol, "--json")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(quote.stdout.utf8)) as? [[String: Any]], "\(quote)")
        return try #require(rows.first?["ask"] as? Double)
    }

    /// A buy limit 3 % under the market: inside the 5 % band, resting.
    func restingBuyLimit(_ symbol: String) async throws -> String {
        String(format: "%.2f", (try await ask(symbol) * 0.97 * 100).rounded() / 100)
    }

    /// The open orders as `ibterm orders --json` lists them: id → client id.
    func openOrders() async throws -> [Int: Int] {
        let listed = try await self("orders", "--json")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]], "\(listed)")
        return Dictionary(uniqueKeysWithValues: rows.compactMap { row in
            (row["orderId"] as? Int).flatMap { id in (row["clientId"] as? Int).map { (id, $0) } }
        })
    }
}
