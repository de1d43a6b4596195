import Foundation
import RedisLink
import TestPrerequisites
import Testing

/// (A copy of RedisLinkTests' fixture, until a shared test-support target holds it.)
/// A `redis-server` of the test's own on a free loopback port, with the default user switched
/// off and one ACL user (`ibterm` / a random password), no persistence; stopped on `stop()`.
final class RedisServerFixture: @unchecked Sendable {
    let port: Int
    let user = "ibterm"
    let password = "pw-" + UUID().uuidString
    private let process: Process

    /// Starts a server; `open` leaves the default user on without a password (to test the
    /// bridge's refusal of an unauthenticated Redis).
    init(open: Bool = false) async throws {
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
        // Poll until it answers (at most 10 s).
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(10)
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
    func connect() throws -> RedisConnection {
        let connection = try RedisConnection(host: "127.0.0.1", port: port)
        try connection.authenticate(user: user, password: password)
        return connection
    }

    /// Stops the server: `SHUTDOWN NOSAVE` as its user, else SIGKILL (a child of the test
    /// process may inherit a mask that blocks SIGTERM); waits at most 5 s, never hangs.
    func stop() {
        guard process.isRunning else { return }
        if let connection = try? connect() { _ = try? connection.command(["SHUTDOWN", "NOSAVE"]) }
        let clock = ContinuousClock()
        var deadline = clock.now + .seconds(2)
        while process.isRunning, clock.now < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        deadline = clock.now + .seconds(3)
        while process.isRunning, clock.now < deadline { usleep(20_000) }
    }

    deinit { stop() }

    /// A port nothing listens on now: bound, read and released.
    static func freePort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw RedisError.connect("no socket") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { Foundation.bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { throw RedisError.connect("cannot bind a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
