import Foundation
import Logging
import PaperGateway
import Testing

@testable import ibterm

/// `EmbeddedGatewayOptions.startOrJoin`: who starts the paper gateway on a ledger and who joins
/// the running owner, in one process (two owners contend for the lock like two processes).
@Suite struct StartOrJoinTests {
    static func ledger() -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ibterm-join-\(UUID().uuidString)")
        return directory.appendingPathComponent("paper.sqlite").path
    }

    static func options(_ path: String, _ extra: [String] = []) throws -> EmbeddedGatewayOptions {
        try EmbeddedGatewayOptions.parse(["--state", path] + extra)
    }

    static var quiet: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return logger
    }

    static func start(_ path: String, kind: LedgerOwner.Kind, command: String) async throws -> PaperGatewayServer {
        let access = try await options(path).startOrJoin(
            command: command, kind: kind, host: "127.0.0.1", port: 0, logger: quiet, mayJoin: false)
        guard case let .started(server) = access else { throw CommandFailure("expected to own \(path)") }
        return server
    }

    @Test func theFirstStartsAndOwnsTheOthersJoinAndASecondEngineRefuses() async throws {
        let path = Self.ledger()
        let owner = try await Self.start(path, kind: .dashboard, command: "ibterm (dashboard)")
        let address = "127.0.0.1:\(owner.port)"

        let joined = try await Self.options(path).startOrJoin(
            command: "ibterm positions", kind: .command, host: "127.0.0.1", port: 0, logger: Self.quiet, mayJoin: true)
        guard case let .joined(found) = joined else {
            Issue.record("a one-shot must join the running owner")
            return
        }
        #expect(found.port == owner.port && found.pid == getpid() && found.command == "ibterm (dashboard)")

        await #expect(throws: LedgerHeldError.self) {
            _ = try await Self.start(path, kind: .engine, command: "ibterm engine")
        }
        do {
            _ = try await Self.start(path, kind: .engine, command: "ibterm engine")
        } catch let error as LedgerHeldError {
            #expect(error.description == "the paper ledger \(path) is held by ibterm (dashboard) (pid \(getpid())) listening on \(address); connect with --gateway \(address) or stop it")
        }

        // --fresh cannot erase a ledger another process owns.
        await #expect(throws: LedgerHeldError.FreshRefused.self) {
            _ = try await Self.options(path, ["--fresh"]).startOrJoin(
                command: "ibterm positions", kind: .command, host: "127.0.0.1", port: 0, logger: Self.quiet, mayJoin: true)
        }
        try await owner.stop()
        // Free again: the next one owns it.
        let next = try await Self.start(path, kind: .engine, command: "ibterm engine")
        try await next.stop()
    }

    @Test func aLongLivedOwnerWaitsForAOneShotOwnerToFinish() async throws {
        let path = Self.ledger()
        let oneShot = try await Self.start(path, kind: .command, command: "ibterm order")
        let stopper = Task {
            try await Task.sleep(for: .milliseconds(300))
            try await oneShot.stop()
        }
        let access = try await Self.options(path).startOrJoin(
            command: "ibterm (dashboard)", kind: .dashboard, host: "127.0.0.1", port: 0, logger: Self.quiet,
            mayJoin: true, oneShotWait: .seconds(20))
        try await stopper.value
        guard case let .started(server) = access else {
            Issue.record("the dashboard must take the ledger over once the one-shot ended")
            return
        }
        #expect(LedgerOwner.read(path: path + ".owner")?.kind == .dashboard)
        try await server.stop()
    }

    @Test func aLongLivedProcessJoinsAOneShotOwnerThatOutlastsTheWait() async throws {
        let path = Self.ledger()
        let oneShot = try await Self.start(path, kind: .command, command: "ibterm quote")
        let access = try await Self.options(path).startOrJoin(
            command: "ibterm (dashboard)", kind: .dashboard, host: "127.0.0.1", port: 0, logger: Self.quiet,
            mayJoin: true, oneShotWait: .milliseconds(200))
        guard case let .joined(owner) = access else {
            Issue.record("expected to join")
            return
        }
        #expect(owner.port == oneShot.port)
        try await oneShot.stop()
    }

    @Test func optionsOnlyAnOwnerAppliesAreNamedWhenJoining() throws {
        #expect(try Self.options("/x/paper.sqlite").ownerOnlyOptions.isEmpty)
        #expect(try Self.options("/x/paper.sqlite", ["--seed", "7", "--not-entitled", "AAPL"]).ownerOnlyOptions
            == ["--seed", "--not-entitled"])
    }

    @Test func oneShotCommandsHaveNoFixedClientIdUnlessGiven() throws {
        let positions = try #require(try IBTerm.parseAsRoot(["positions"]) as? PositionsCommand)
        #expect(positions.gateway.clientId == nil)
        let explicit = try #require(try IBTerm.parseAsRoot(["positions", "--client-id", "5"]) as? PositionsCommand)
        #expect(explicit.gateway.clientId == 5)
        #expect(throws: (any Error).self) { try IBTerm.parseAsRoot(["positions", "--client-id", "-3"]) }
    }
}
