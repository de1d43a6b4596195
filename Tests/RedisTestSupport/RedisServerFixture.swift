import Foundation
import RedisLink
import TestPrerequisites
import Testing

/// Test support shared by the Redis tests: a `redis-server` of the test's own on a free loopback port, with the default user switched
/// off and one ACL user (`ibterm` / a random password), no persistence; stopped on `stop()`.
public final class RedisServerFixture: @unchecked Sendable {
    /// The server's port on 127.0.0.1.
    public let port: Int
    /// The ACL user and its password.
    public let user = "ibterm"
    public let password = "pw-" + UUID().uuidString
    private let process: Process

    /// Starts a server; `open` leaves the default user on without a password (to test the
    /// bridge's refusal of an unauthenticated Redis).
    public init(open: Bool = false) async throws {
        let binary = try Prerequisite.redisServer.require()
        port = try Self.freePort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        var arguments = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"]
        arguments += open ? ["--user", "default", "on", "nopass", "~*", "&*", "+@all"] : ["--user", "default", "off"]
        arguments += ["--user", user, "on", ">\(password)", "~*", "&*", "+@all"]
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Poll until it answers (at most 30 s: a loaded machine starts it slowly).
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(30)
        while clock.now < deadline {
            if let connection = try? RedisConnection(host: "127.0.0.1", port: port, timeoutMilliseconds: 200),
               (try? connection.command(["PING"])) != nil {
                return
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        process.terminate()
        throw RedisError.connect("redis-server on port \(port) did not start")
    }

    /// A connection authenticated as the ACL user.
    public func connect() throws -> RedisConnection {
        let connection = try RedisConnection(host: "127.0.0.1", port: port)
        try connection.authenticate(user: user, password: password)
        return connection
    }

    /// Stops the server: `SHUTDOWN NOSAVE` as its user, else SIGKILL (a child of the test
    /// process may inherit a mask that blocks SIGTERM). Blocks the caller at most ~50 ms, so it
    /// never holds one of the few threads Swift concurrency runs every other test on; await
    /// ``waitUntilStopped()`` where the test needs the server gone.
    public func stop() {
        guard process.isRunning else { return }
        if let connection = try? RedisConnection(host: "127.0.0.1", port: port, timeoutMilliseconds: 200, commandTimeoutMilliseconds: 500),
           (try? connection.authenticate(user: user, password: password)) != nil {
            _ = try? connection.command(["SHUTDOWN", "NOSAVE"])
        }
        if process.isRunning { usleep(50_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// Waits (without blocking a thread) until the server's process has ended, at most 10 s.
    public func waitUntilStopped() async {
        let deadline = ContinuousClock.now + .seconds(10)
        while process.isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    deinit { stop() }

    /// A port nothing listens on now.
    static func freePort() throws -> Int {
        guard let port = LoopbackPort.unused() else { throw RedisError.connect("cannot bind a free port") }
        return port
    }
}
