import Foundation
import PaperExchange
import PaperGateway
import TestPrerequisites
import Testing
import TWSWire

/// One owner per paper ledger: the lock beside the SQLite file, the owner (discovery) file,
/// and order ids that one ledger never hands out twice.
@Suite struct LedgerOwnershipTests {
    // MARK: The lock

    @Test func aSecondLockOnTheSameLedgerIsRefusedUntilTheFirstIsReleased() throws {
        let path = GatewayFixture.temporaryPath("paper.sqlite")
        let first = try #require(try LedgerLock.acquire(ledgerPath: path))
        #expect(FileManager.default.fileExists(atPath: path + ".lock"))
        #expect(try LedgerLock.acquire(ledgerPath: path) == nil)
        #expect(LedgerLock.isHeld(ledgerPath: path))
        first.release()
        first.release()  // idempotent
        #expect(!LedgerLock.isHeld(ledgerPath: path))
        let second = try #require(try LedgerLock.acquire(ledgerPath: path))
        second.release()
    }

    @Test func theOwnerFileIsOneJSONObjectWrittenByTheHolderAndRemovedOnRelease() throws {
        let path = GatewayFixture.temporaryPath("paper.sqlite")
        let lock = try #require(try LedgerLock.acquire(ledgerPath: path))
        let owner = LedgerOwner(
            host: "127.0.0.1", port: 7497, command: "ibterm engine", kind: .engine, since: "2026-12-03T19:20:00Z")
        try lock.publish(owner)
        let text = try String(contentsOfFile: path + ".owner", encoding: .utf8)
        #expect(text == "{\"command\":\"ibterm engine\",\"host\":\"127.0.0.1\",\"kind\":\"engine\",\"pid\":\(getpid()),\"port\":7497,\"since\":\"2026-12-03T19:20:00Z\"}\n")
        #expect(LedgerOwner.read(path: path + ".owner") == owner)
        // No temporary file is left beside it.
        let directory = (path as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
            == ["paper.sqlite.lock", "paper.sqlite.owner"])
        lock.release()
        #expect(!FileManager.default.fileExists(atPath: path + ".owner"))
        #expect(throws: LedgerLockError.self) { try lock.publish(owner) }
    }

    @Test func aStaleOwnerFileWithoutTheLockIsIgnored() async throws {
        let path = GatewayFixture.temporaryPath("paper.sqlite")
        // A dead owner's file (SIGKILL leaves it): nobody holds the lock.
        let stale = LedgerOwner(host: "127.0.0.1", port: 1, command: "ibterm engine", kind: .engine, pid: 999_999)
        try JSONEncoder().encode(stale).write(to: URL(fileURLWithPath: path + ".owner"))
        #expect(LedgerOwnership.validOwner(ledgerPath: path) == nil)
        guard case let .owned(lock) = try await LedgerOwnership.claim(ledgerPath: path, wait: .milliseconds(200)) else {
            Issue.record("a free lock must be taken whatever the owner file says")
            return
        }
        lock.release()
    }

    @Test func aHeldLockWhoseOwnerDoesNotAnswerIsReportedAsHeldWithoutAddress() async throws {
        let path = GatewayFixture.temporaryPath("paper.sqlite")
        let lock = try #require(try LedgerLock.acquire(ledgerPath: path))
        defer { lock.release() }
        // Published, but nothing listens on the port (a closed ephemeral port).
        try lock.publish(LedgerOwner(host: "127.0.0.1", port: try Self.closedPort(), command: "ibterm engine", kind: .engine))
        let claim = try await LedgerOwnership.claim(ledgerPath: path, wait: .milliseconds(300))
        guard case .heldWithoutAddress = claim else {
            Issue.record("expected heldWithoutAddress, got \(claim)")
            return
        }
        #expect(LedgerHeldError(ledgerPath: path, owner: nil).description
            == "the paper ledger \(path) is held by another process that does not say where it listens (\(path).owner is missing or stale); stop that process or use another --state")
    }

    // MARK: Gateways contending for one ledger

    @Test func aSecondGatewayOnTheSameLedgerRefusesNamingTheOwner() async throws {
        let path = GatewayFixture.temporaryPath("paper.sqlite")
        let first = try await GatewayFixture.make(statePath: path, fresh: true)
        let owner = try #require(LedgerOwner.read(path: path + ".owner"))
        #expect(owner.port == first.server.port && owner.host == "127.0.0.1" && owner.pid == getpid())
        #expect(owner.command == "ibterm engine" && owner.kind == .engine)
        #expect(LedgerOwnership.validOwner(ledgerPath: path) == owner)

        do {
            let second = try await GatewayFixture.make(statePath: path)
            try await second.server.stop()
            Issue.record("a second gateway opened a held ledger")
        } catch let error as LedgerHeldError {
            #expect(error.owner == owner)
            #expect(error.description == "the paper ledger \(path) is held by ibterm engine (pid \(getpid())) listening on 127.0.0.1:\(first.server.port); connect with --gateway 127.0.0.1:\(first.server.port) or stop it")
        }
        guard case let .held(found) = try await LedgerOwnership.claim(ledgerPath: path) else {
            Issue.record("claim must find the running owner")
            return
        }
        #expect(found == owner)

        try await first.server.stop()
        #expect(!FileManager.default.fileExists(atPath: path + ".owner"))
        let next = try await GatewayFixture.make(statePath: path)
        #expect(LedgerOwner.read(path: path + ".owner")?.port == next.server.port)
        try await next.server.stop()
    }

    @Test func aGatewayWithoutLedgerTakesNoLock() async throws {
        let gateway = try await GatewayFixture.make()
        let other = try await GatewayFixture.make()
        try await gateway.server.stop()
        try await other.server.stop()
    }

    // MARK: Order ids

    @Test func nextValidIdComesFromTheLedgerAcrossRestartsEvenForRefusedIds() async throws {
        let path = GatewayFixture.temporaryPath("paper.sqlite")
        let gateway = try await GatewayFixture.make(statePath: path, fresh: true)
        let client = try await gateway.connect(clientId: 2)
        try await OrderTests.place(client, id: 40, symbol: "SPY", quantity: 1, type: "MKT")
        _ = try await OrderTests.status(client, id: 40, "Filled")
        // Refused before it became an order (no such symbol): the id is used all the same.
        try await OrderTests.place(client, id: 57, symbol: "NOSUCH", quantity: 1, type: "MKT")
        _ = try await client.next("200 for 57") { message -> Bool? in
            if case let .error(e) = message, e.id == 57, e.code == 200 { return true }
            return nil
        }
        await client.close()
        try await gateway.server.stop()

        let restarted = try await GatewayFixture.make(statePath: path, clock: gateway.clock)
        let again = try await WireTestClient.connect(port: restarted.server.port, clientId: 2)
        let next = try await again.next("nextValidId") { message -> Int? in
            if case let .nextValidId(n) = message { return n.orderId }
            return nil
        }
        #expect(next == 58)
        await again.close()
        try await restarted.server.stop()
    }

    @Test func aNewOrderIdBelowNextValidIdIsRejectedAsDuplicate() async throws {
        let gateway = try await GatewayFixture.make()
        let client = try await gateway.connect(clientId: 4)
        try await OrderTests.place(client, id: 30, symbol: "SPY", quantity: 1, type: "MKT")
        _ = try await OrderTests.status(client, id: 30, "Filled")
        try await OrderTests.place(client, id: 12, symbol: "SPY", quantity: 1, type: "MKT")
        let refused = try await client.next("103 for 12") { message -> ErrorMessage? in
            if case let .error(e) = message, e.id == 12 { return e }
            return nil
        }
        #expect(refused.code == 103)
        // Nothing was placed under the refused id.
        let snapshot = try await gateway.server.snapshot()
        #expect(snapshot.orders.map(\.orderId) == [30])
        #expect(snapshot.executions.map(\.orderId) == [30])
        try await gateway.server.stop()
    }

    @Test func anOrderOfOneClientMovesTheOtherClientsNextValidIdAndIdsNeverCollide() async throws {
        let path = GatewayFixture.temporaryPath("paper.sqlite")
        let gateway = try await GatewayFixture.make(statePath: path, fresh: true)
        let dashboard = try await gateway.connect(clientId: 1)
        let command = try await gateway.connect(clientId: 17)
        func nextValidIds(_ client: WireTestClient) -> [Int] {
            client.all.compactMap { if case let .nextValidId(n) = $0 { n.orderId } else { nil } }
        }
        #expect(nextValidIds(dashboard) == [1] && nextValidIds(command) == [1])

        try await OrderTests.place(command, id: 1, symbol: "SPY", quantity: 10, type: "MKT")
        _ = try await OrderTests.status(command, id: 1, "Filled")
        _ = try await dashboard.next("nextValidId 2") { message -> Bool? in
            if case let .nextValidId(n) = message, n.orderId == 2 { return true }
            return nil
        }
        // A client that ignores the announcement and reuses the id is refused, not merged.
        try await OrderTests.place(dashboard, id: 1, symbol: "AMD", quantity: 1, type: "MKT")
        let refused = try await dashboard.next("103") { message -> ErrorMessage? in
            if case let .error(e) = message, e.id == 1 { return e }
            return nil
        }
        #expect(refused.code == 103)
        try await OrderTests.place(dashboard, id: 2, symbol: "AMD", quantity: 1, type: "MKT")
        _ = try await OrderTests.status(dashboard, id: 2, "Filled")
        #expect(!nextValidIds(command).contains(2) && nextValidIds(command).last == 3)

        let snapshot = try await gateway.server.snapshot()
        #expect(snapshot.orders.map { [$0.orderId, $0.clientId] } == [[1, 17], [2, 1]])
        #expect(snapshot.executions.map(\.orderId) == [1, 2])
        #expect(Set(snapshot.account.openPositions.map { "\($0.instrument.symbol) \($0.quantity)" }) == ["SPY 10", "AMD 1"])
        await dashboard.close()
        await command.close()
        try await gateway.server.stop()
    }

    /// A loopback port nothing listens on: bound once, then closed.
    static func closedPort() throws -> Int {
        guard let port = LoopbackPort.unused() else { throw LedgerLockError("cannot bind a probe socket") }
        return port
    }
}
