import DeskBus
import Foundation
import RedisLink
import RedisTestSupport
import TestPrerequisites
import Testing

/// Issue #16 item 5, the publishing half: `ibterm bridge` on the embedded paper gateway and a
/// redis-server of the test's own publishes quotes with their evidence, the latest state and a
/// heartbeat; the heartbeat key dies with the bridge; credentials never come on the command line.
@Suite(.serialized, .requires(.redisServer, .ibterm))
struct BridgeEndToEndTests {
    static func bridge(_ arguments: [String], redis: RedisServerFixture?, home: String) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try Prerequisite.ibterm.require())
        process.arguments = ["bridge"] + arguments
        var environment = ["HOME": home, "XDG_CONFIG_HOME": "\(home)/config", "XDG_DATA_HOME": "\(home)/data", "XDG_STATE_HOME": "\(home)/state",
                           "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        if let redis {
            environment["IBTERM_REDIS_USER"] = redis.user
            environment["IBTERM_REDIS_PASSWORD"] = redis.password
        }
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, output)
    }

    static func home() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ibterm-bridge-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Waits (without blocking a thread) until `process` has exited, at most 30 s.
    static func exited(_ process: Process) async {
        let deadline = ContinuousClock.now + .seconds(30)
        while process.isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Polls `body` every 100 ms for at most `seconds`.
    static func poll<T>(_ seconds: Double, _ body: () throws -> T?) async rethrows -> T? {
        let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
        while ContinuousClock.now < deadline {
            if let value = try body() { return value }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return nil
    }

    @Test func publishesQuotesStateAndAHeartbeatThatDiesWithIt() async throws {
        let redis = try await RedisServerFixture()
        defer { redis.stop() }
        let home = try Self.home()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let keys = try DeskKeys(desk: "e2e")
        let connection = try redis.connect()
        // What an earlier run left in the latest state does not outlive the new run's start.
        try connection.checked(["HSET", keys.orders, "999:open", "{}"])
        let (process, _) = try Self.bridge(
            ["--redis", "redis://127.0.0.1:\(redis.port)", "--desk", "e2e", "--symbols", "AAPL,MSFT", "--fresh", "--state", "\(home)/paper.sqlite"],
            redis: redis, home: home)
        defer { if process.isRunning { process.terminate() } }
        // A live AAPL quote on the events stream, with its evidence.
        let quote = try await Self.poll(30) { () -> BusEvent? in
            let batch = try BusReply.batch(fromRange: try connection.command(["XRANGE", keys.events, "-", "+"]))
            return batch.entries.compactMap { entry -> BusEvent? in
                if case let .event(event) = entry.entry, case let .quote(update, _) = event, update.symbol == "AAPL", update.values.bid != nil { return event }
                return nil
            }.first
        }
        #expect(quote != nil, "no AAPL quote on the events stream")
        #expect(try connection.command(["HEXISTS", keys.orders, "999:open"]).integer == 0, "an earlier run's order stayed in the latest state")
        // The latest state: AAPL's merged quote; the heartbeat says connected.
        let latest = try connection.command(["HGET", keys.quotes, "AAPL"]).text
        #expect(latest?.contains("\"bid\"") == true && latest?.contains("\"ask\"") == true)
        let heartbeat = try await Self.poll(10) { try connection.command(["GET", keys.heartbeat]).text.flatMap { $0.contains("\"connected\"") ? $0 : nil } }
        #expect(heartbeat != nil, "no heartbeat saying connected")
        // SIGTERM: the bridge stops; its heartbeat key expires within three intervals.
        process.terminate()
        await Self.exited(process)
        let gone = try await Self.poll(5) { try connection.command(["GET", keys.heartbeat]) == .null ? true : nil }
        #expect(gone == true, "the heartbeat outlived the bridge")
    }

    @Test func credentialsNeverComeOnTheCommandLine() async throws {
        let home = try Self.home()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let (inURL, inURLOutput) = try Self.bridge(["--redis", "redis://ibterm:secret@127.0.0.1:6379"], redis: nil, home: home)
        await Self.exited(inURL)
        let said = String(decoding: inURLOutput.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(inURL.terminationStatus != 0)
        #expect(said.contains("no user or password in the address"))
        let (none, noneOutput) = try Self.bridge(["--redis", "redis://127.0.0.1:6379"], redis: nil, home: home)
        await Self.exited(none)
        #expect(none.terminationStatus != 0)
        #expect(String(decoding: noneOutput.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).contains("IBTERM_REDIS_USER"))
    }
}

/// Issue #16 item 5, the screen half: a dashboard on the bridge (`--source redis://…/DESK`, in
/// tmux) shows the bridge's live quotes, sends an order that fills, and when the bridge dies
/// takes every quote off LIVE (the pure rule, 1.5 s without a heartbeat, is BridgeLinkMonitorTests').
@Suite(.serialized, .requires(.redisServer, .ibterm, .tmux, .python3))
struct DeskSourceEndToEndTests {
    @Test func aDashboardOnTheBridgeGoesOffLiveWhenTheBridgeDies() async throws {
        let redis = try await RedisServerFixture()
        defer { redis.stop() }
        let home = try BridgeEndToEndTests.home()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let (bridge, _) = try BridgeEndToEndTests.bridge(
            ["--redis", "redis://127.0.0.1:\(redis.port)/e2e", "--fresh", "--state", "\(home)/paper.sqlite"], redis: redis, home: home)
        defer { if bridge.isRunning { kill(bridge.processIdentifier, SIGKILL) } }
        let binary = try Prerequisite.ibterm.require()
        let environment = "HOME=\(home) XDG_CONFIG_HOME=\(home)/screen XDG_DATA_HOME=\(home)/screen XDG_STATE_HOME=\(home)/screen TERM=xterm-256color IBTERM_REDIS_USER=\(redis.user) IBTERM_REDIS_PASSWORD=\(redis.password)"
        let session = try await TmuxSession(command: "env \(environment) \(binary) --source redis://127.0.0.1:\(redis.port)/e2e --theme mono; sleep 60", width: 140, height: 40)
        let live = await session.waitFor(timeout: .seconds(30)) { screen in
            (EndToEndTests.row(screen, "AAPL")?.contains("live") ?? false) && screen.contains("desk e2e")
        }
        print("--- a dashboard on the bridge ---\n\(live ?? "none")")
        #expect(live != nil, "the dashboard on the bridge shows no live AAPL")
        // An order from this screen goes through the bridge and fills.
        try await session.send("b")
        try await session.send("1", "0", "Enter")
        _ = await session.waitFor(timeout: .seconds(10)) { $0.contains("Enter send") }
        try await session.send("Enter")
        let filled = await session.waitFor(timeout: .seconds(30)) { screen in
            screen.split(separator: "\n").contains { $0.contains("AAPL") && $0.contains("Filled 10/10") }
        }
        print("--- an order from the screen, through the bridge ---\n\(filled ?? "none")")
        #expect(filled != nil, "the order sent from the screen on the bridge did not fill")
        try await session.send("Escape")
        // The bridge dies: every quote goes off LIVE.
        kill(bridge.processIdentifier, SIGKILL)
        let killedAt = ContinuousClock.now
        let dead = await session.waitFor(timeout: .seconds(10)) { screen in
            (EndToEndTests.row(screen, "AAPL")?.contains("disconnected") ?? false) && screen.contains("bridge silent")
        }
        print("--- the bridge killed; off LIVE after \(ContinuousClock.now - killedAt) (polled every 100 ms) ---\n\(dead ?? "none")")
        #expect(dead != nil, "quotes stayed live after the bridge died")
        try await session.send("q")
    }
}
