import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RedisLink

/// A `redis-server` of the benchmark's own on a free loopback port: the default user off, one
/// ACL user (`ibterm`, a random password), no persistence. Stopped with ``stop()``.
final class RedisServerProcess: Sendable {
    let port: Int
    let user = "ibterm"
    let password = "pw-" + UUID().uuidString
    private let process: Process

    /// The server's process id.
    var pid: Int32 { process.processIdentifier }

    /// Starts `binary` (default `/usr/bin/redis-server`, else the one on the PATH) and waits,
    /// polling, until it answers its user (at most 30 s).
    init(binary override: String? = nil) async throws {
        let binary = try override ?? Self.findServer()
        guard let port = Self.unusedPort() else { throw BenchFailure("cannot bind a free loopback port") }
        self.port = port
        process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [
            "--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no",
            "--user", "default", "off", "--user", user, "on", ">\(password)", "~*", "&*", "+@all",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if let connection = try? RedisConnection(host: "127.0.0.1", port: port, timeoutMilliseconds: 200),
               (try? connection.authenticate(user: user, password: password)) != nil,
               (try? connection.command(["PING"]))?.errorText == nil {
                return
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        process.terminate()
        throw BenchFailure("redis-server on port \(port) did not answer within 30 s")
    }

    /// Stops the server (`SHUTDOWN NOSAVE`, else SIGKILL).
    func stop() {
        guard process.isRunning else { return }
        if let connection = try? RedisConnection(host: "127.0.0.1", port: port, timeoutMilliseconds: 200, commandTimeoutMilliseconds: 500),
           (try? connection.authenticate(user: user, password: password)) != nil {
            _ = try? connection.command(["SHUTDOWN", "NOSAVE"])
        }
        for _ in 0..<50 where process.isRunning { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    private static func findServer() throws -> String {
        let candidates = ["/usr/bin/redis-server", "/usr/local/bin/redis-server", "/opt/homebrew/bin/redis-server"]
            + (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/redis-server" }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw BenchFailure("no redis-server found (install it: apt-get install redis-server)")
        }
        return found
    }

    /// A port nothing listens on now: bound on 127.0.0.1 with port 0, read back and closed.
    private static func unusedPort() -> Int? {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw -> Bool in
                bind(fd, raw, length) == 0 && getsockname(fd, raw, &length) == 0
            }
        }
        return bound ? Int(UInt16(bigEndian: address.sin_port)) : nil
    }
}
