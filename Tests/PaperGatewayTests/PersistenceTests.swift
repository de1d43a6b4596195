import Foundation
import GRDB
import PaperExchange
import PaperGateway
import Synchronization
import TestPrerequisites
import Testing
import TWSWire
import Vocabulary

@Suite struct PersistenceTests {
    @Test func restartRestoresPositionsAndGTCOrders() async throws {
        let path = GatewayFixture.temporaryPath("paper.sqlite")
        let gateway = try await GatewayFixture.make(statePath: path, fresh: true)
        let client = try await gateway.connect()
        let ask = try await OrderTests.ask(of: "AAPL", client: client, reqId: 1)
        try await OrderTests.place(client, id: 1, symbol: "AAPL", quantity: 7, type: "MKT")
        _ = try await OrderTests.status(client, id: 1, "Filled")
        try await OrderTests.place(client, id: 2, symbol: "AAPL", quantity: 3, type: "LMT", limit: ((ask * 0.5) * 100).rounded() / 100, tif: "GTC")
        _ = try await OrderTests.status(client, id: 2, "Submitted")
        try await gateway.server.stop()

        let restarted = try await GatewayFixture.make(statePath: path, clock: gateway.clock)
        let snapshot = try await restarted.server.snapshot()
        #expect(snapshot.account.openPositions.map(\.quantity) == [7])
        #expect(snapshot.orders.filter { $0.status.isWorking }.map(\.orderId) == [2])
        let again = try await restarted.connect(clientId: 1)
        try await again.send(.requestPositions)
        let position = try await again.next { message -> PositionData? in
            if case let .position(p) = message { return p }
            return nil
        }
        #expect(position.contract.symbol == "AAPL" && position.position == FixedDecimal(7))
        try await again.send(.requestAllOpenOrders)
        let open = try await again.next { message -> Int? in
            if case let .openOrder(o) = message { return o.order.orderId }
            return nil
        }
        #expect(open == 2)
        try await again.send(.requestIDs(numIds: 1))
        let next = try await again.next { message -> Int? in
            if case let .nextValidId(n) = message { return n.orderId }
            return nil
        }
        #expect(next == 3)
        try await restarted.server.stop()

        let fresh = try await GatewayFixture.make(statePath: path, fresh: true)
        #expect(try await fresh.server.snapshot().account.openPositions.isEmpty)
        try await fresh.server.stop()
    }

    /// Kills a real `ibterm engine` process, so it needs the built binary: skipped without it,
    /// failed without it under `CI=true`.
    @Test(.requires(.ibterm))
    func killedMidBurstLeavesAConsistentLedger() async throws {
        let binary = try Prerequisite.ibterm.require()
        let path = GatewayFixture.temporaryPath("killed.sqlite")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["engine", "--port", "0", "--no-portal", "--state", path, "--fresh", "--seed", "3"]
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        let log = LogCollector()
        stderr.fileHandleForReading.readabilityHandler = { handle in log.append(handle.availableData) }
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let port = try await log.port(timeout: .seconds(60))  // a loaded CI machine starts processes slowly

        let client = try await WireTestClient.connect(port: port, clientId: 1)
        _ = try await client.next { $0.errorCode == 2158 ? true : nil }
        for id in 1...400 {
            try await OrderTests.place(
                client, id: id, symbol: id % 3 == 0 ? "SPY" : "QQQ", action: id % 4 == 0 ? "SELL" : "BUY",
                quantity: 1 + id % 7, type: "MKT")
        }
        _ = try await client.next(timeout: .seconds(30)) { message -> Bool? in
            if case let .orderStatus(s) = message, s.status == "Filled", s.orderId >= 60 { return true }
            return nil
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let reported = Set(client.all.compactMap { message -> String? in
            if case let .executionData(e) = message { return e.execution.execId }
            return nil
        })
        await client.close()

        let queue = try DatabaseQueue(path: path)
        try await queue.read { db in
            let stored = Set(try String.fetchAll(db, sql: "SELECT execId FROM executions"))
            #expect(reported.isSubset(of: stored), "a fill was reported but not stored")
            #expect(stored.count >= 60)
            let sums = try Row.fetchAll(db, sql: """
                SELECT e.conId AS conId, SUM(e.signedShares) AS total, p.quantity AS quantity
                FROM executions e LEFT JOIN positions p ON p.conId = e.conId GROUP BY e.conId
                """)
            #expect(!sums.isEmpty)
            for row in sums {
                let total: Int = row["total"]
                let quantity: Int? = row["quantity"]
                #expect(quantity == total, "positions must equal the sum of executions")
            }
        }
    }
}

/// Collects a child's stderr and finds the port it listens on.
final class LogCollector: Sendable {
    private let text = Mutex("")

    func append(_ data: Data) {
        let chunk = String(decoding: data, as: UTF8.self)
        text.withLock { $0 += chunk }
    }

    func port(timeout: Duration) async throws -> Int {
        let deadline = ContinuousClock.now + timeout
        func found() -> Int? {
            text.withLock { text -> Int? in
                guard let range = text.range(of: "listening on 127.0.0.1:") else { return nil }
                return Int(text[range.upperBound...].prefix { $0.isNumber })
            }
        }
        while ContinuousClock.now < deadline {
            if let port = found() { return port }
            try await Task.sleep(for: .milliseconds(20))
        }
        // The line may have come during the last sleep.
        if let port = found() { return port }
        throw WireTestClient.Timeout(what: "the engine's port; log: \(text.withLock { $0 })", seen: [])
    }
}
