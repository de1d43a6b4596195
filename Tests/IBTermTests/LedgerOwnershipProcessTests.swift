import Foundation
import Synchronization
import TestPrerequisites
import Testing

/// Two real `ibterm` processes on one paper ledger: the first owns it (lock + owner file), the
/// others connect to its gateway; order ids never repeat, nothing is lost, and when the owner
/// is killed with SIGKILL the kernel frees the lock and the next process takes over.
///
/// Needs the built binary: without it the test is skipped (visibly), except under `CI=true`,
/// where it runs and fails.
@Suite(.serialized) struct LedgerOwnershipProcessTests {
    @Test(.requires(.ibterm))
    func aSecondProcessUsesTheOwnersGatewayAndTakesOverWhenTheOwnerIsKilled() async throws {
        let binary = try Prerequisite.ibterm.require()
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ibterm-ledger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let ledger = home.appendingPathComponent("data/ibterm/paper.sqlite").path
        let run = Runner(binary: binary, home: home)

        // 1. The owner: `ibterm engine` on an ephemeral port over the default ledger.
        let engine = try run.start(["engine", "--port", "0", "--no-portal", "--seed", "7", "--fresh"])
        defer { engine.kill(SIGKILL) }
        let owner = try await run.waitForOwner(of: ledger, pid: engine.pid)
        #expect(owner.command == "ibterm engine" && owner.host == "127.0.0.1")

        // 2. A second process holds client id 17 (streaming quotes) through the owner's gateway.
        let watcher = try run.start(["quote", "--watch", "SPY"])
        defer { watcher.kill(SIGKILL) }
        try await engine.waitForStderr(containing: "client connected: connection", count: 1)

        // 3. One-shot orders from more processes: they join the owner (client 18 as 17 is in use).
        let first = try await run.oneShot(["order", "buy", "10", "SPY", "--wait"])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try await run.oneShot(["order", "buy", "1", "AMD", "--wait"])
        #expect(second.status == 0, "\(second.stderr)")
        let firstId = try #require(Self.orderId(in: first.stdout), "\(first.stdout)")
        let secondId = try #require(Self.orderId(in: second.stdout), "\(second.stdout)")
        #expect(firstId != secondId)
        #expect(first.stdout.contains("Filled") && second.stdout.contains("Filled"))
        // The owner placed them: its log lists both, from client 18.
        try await engine.waitForStderr(containing: "order \(firstId) from client 18")
        try await engine.waitForStderr(containing: "order \(secondId) from client 18")
        // Nobody else took the ledger meanwhile.
        #expect(Self.ownerFile(of: ledger)?.pid == engine.pid)

        // 4. Positions and executions (read through the owner) agree.
        let positions = try await run.oneShot(["positions", "--json"])
        #expect(positions.status == 0, "\(positions.stderr)")
        #expect(try Self.positions(positions.stdout) == ["AMD": "1", "SPY": "10"])
        let executions = try await run.oneShot(["executions", "--json"])
        // Each fill under its own order's id (an order may fill in parts), none under another's.
        #expect(Set(try Self.executionOrderIds(executions.stdout)) == [firstId, secondId])

        // 5. A second engine on the same ledger refuses, naming the owner.
        let rival = try await run.oneShot(["engine", "--port", "0", "--no-portal"])
        #expect(rival.status == 1)
        #expect(rival.stderr.contains("ibterm: the paper ledger \(ledger) is held by ibterm engine (pid \(engine.pid)) listening on \(owner.address); connect with --gateway \(owner.address) or stop it"), "\(rival.stderr)")

        // 6. SIGKILL the owner: the kernel frees the lock; the next process owns the ledger and
        //    finds everything, and the ids go on above the used ones.
        engine.kill(SIGKILL)
        watcher.kill(SIGKILL)
        try await engine.waitForExit()
        let successor = try run.start(["engine", "--port", "0", "--no-portal"])
        defer { successor.kill(SIGKILL) }
        let next = try await run.waitForOwner(of: ledger, pid: successor.pid)
        #expect(next.port != 0)
        let after = try await run.oneShot(["positions", "--json"])
        #expect(try Self.positions(after.stdout) == ["AMD": "1", "SPY": "10"])
        let third = try await run.oneShot(["order", "sell", "4", "SPY", "--wait"])
        #expect(third.status == 0, "\(third.stderr)")
        let thirdId = try #require(Self.orderId(in: third.stdout))
        #expect(thirdId > max(firstId, secondId))
        let finalExecutions = try await run.oneShot(["executions", "--json"])
        let ids = try Self.executionOrderIds(finalExecutions.stdout)
        #expect(Set(ids) == [firstId, secondId, thirdId])
        let finalPositions = try await run.oneShot(["positions", "--json"])
        #expect(try Self.positions(finalPositions.stdout) == ["AMD": "1", "SPY": "6"])

        // 7. A clean stop removes the owner file and frees the ledger for a one-shot owner.
        successor.kill(SIGTERM)
        try await successor.waitForExit()
        #expect(successor.status == 0)
        #expect(!FileManager.default.fileExists(atPath: ledger + ".owner"))
        let alone = try await run.oneShot(["positions", "--json"])
        #expect(try Self.positions(alone.stdout) == ["AMD": "1", "SPY": "6"])
        #expect(!FileManager.default.fileExists(atPath: ledger + ".owner"))
    }

    // MARK: Reading outputs

    /// `order 7: BUY 10 SPY MKT DAY sent` → 7.
    static func orderId(in output: String) -> Int? {
        output.split(separator: "\n").lazy.compactMap { line -> Int? in
            guard line.hasPrefix("order "), line.hasSuffix(" sent") else { return nil }
            return Int(line.dropFirst(6).prefix { $0.isNumber })
        }.first
    }

    static func positions(_ json: String) throws -> [String: String] {
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]], "\(json)")
        var result: [String: String] = [:]
        for row in rows {
            guard let symbol = row["symbol"] as? String, let position = row["position"] as? String, position != "0" else { continue }
            result[symbol] = position
        }
        return result
    }

    static func executionOrderIds(_ json: String) throws -> [Int] {
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]], "\(json)")
        return rows.compactMap { $0["orderId"] as? Int }
    }

    struct Owner {
        var host: String
        var port: Int
        var pid: Int32
        var command: String
        var address: String { "\(host):\(port)" }
    }

    static func ownerFile(of ledger: String) -> Owner? {
        guard let data = FileManager.default.contents(atPath: ledger + ".owner"),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let host = object["host"] as? String, let port = object["port"] as? Int,
              let pid = object["pid"] as? Int, let command = object["command"] as? String
        else { return nil }
        return Owner(host: host, port: port, pid: Int32(pid), command: command)
    }
}

/// Starts `ibterm` processes in an isolated home (XDG folders under it).
struct Runner {
    var binary: String
    var home: URL

    var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home.path
        environment["XDG_CONFIG_HOME"] = home.appendingPathComponent("config").path
        environment["XDG_DATA_HOME"] = home.appendingPathComponent("data").path
        environment["XDG_STATE_HOME"] = home.appendingPathComponent("state").path
        return environment
    }

    func start(_ arguments: [String]) throws -> Child {
        try Child(binary: binary, arguments: arguments, environment: environment)
    }

    /// Runs a command to its end (at most 30 s).
    func oneShot(_ arguments: [String]) async throws -> (status: Int32, stdout: String, stderr: String) {
        let child = try start(arguments)
        do {
            try await child.waitForExit(within: .seconds(30))
        } catch {
            child.kill(SIGKILL)
            throw error
        }
        return (child.status, child.stdout, child.stderr)
    }

    /// Waits until the ledger's owner file names `pid` and its port answers.
    func waitForOwner(of ledger: String, pid: Int32) async throws -> LedgerOwnershipProcessTests.Owner {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if let owner = LedgerOwnershipProcessTests.ownerFile(of: ledger), owner.pid == pid { return owner }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw ChildFailure("no owner file naming pid \(pid) beside \(ledger) within 30 s")
    }
}

struct ChildFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A running `ibterm` with its output collected.
final class Child: Sendable {
    private final class Text: Sendable {
        let value = Mutex("")
        func append(_ data: Data) {
            let chunk = String(decoding: data, as: UTF8.self)
            value.withLock { $0 += chunk }
        }
    }

    private let process: Process
    private let out = Text()
    private let err = Text()
    let pid: Int32

    init(binary: String, arguments: [String], environment: [String: String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = environment
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        self.process = process
        let out = out, err = err
        stdout.fileHandleForReading.readabilityHandler = { handle in out.append(handle.availableData) }
        stderr.fileHandleForReading.readabilityHandler = { handle in err.append(handle.availableData) }
        try process.run()
        pid = process.processIdentifier
    }

    var stdout: String { out.value.withLock { $0 } }
    var stderr: String { err.value.withLock { $0 } }
    var status: Int32 { process.terminationStatus }

    func kill(_ signal: Int32) {
        if process.isRunning { Foundation.kill(pid, signal) }
    }

    func waitForExit(within limit: Duration = .seconds(15)) async throws {
        let deadline = ContinuousClock.now + limit
        while process.isRunning {
            guard ContinuousClock.now < deadline else { throw ChildFailure("ibterm \(process.arguments ?? []) did not end within \(limit); stderr: \(stderr)") }
            try await Task.sleep(for: .milliseconds(20))
        }
        // Let the pipes' last bytes arrive.
        try await Task.sleep(for: .milliseconds(50))
    }

    func waitForStderr(containing text: String, count: Int = 1, within limit: Duration = .seconds(20)) async throws {
        try await waitFor(text, count: count, in: "stderr", within: limit) { self.stderr }
    }

    func waitForStdout(containing text: String, count: Int = 1, within limit: Duration = .seconds(20)) async throws {
        try await waitFor(text, count: count, in: "stdout", within: limit) { self.stdout }
    }

    private func waitFor(_ text: String, count: Int, in name: String, within limit: Duration, _ read: () -> String) async throws {
        let deadline = ContinuousClock.now + limit
        while read().components(separatedBy: text).count - 1 < count {
            guard ContinuousClock.now < deadline else { throw ChildFailure("no \"\(text)\" from ibterm \(process.arguments ?? []) within \(limit); \(name): \(read())") }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}
