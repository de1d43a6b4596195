import Foundation
import RedisLink

/// Where a desk's Redis is: `redis://HOST:PORT` (port 6379 when left out), optionally with the
/// desk's name as its path (`redis://127.0.0.1:6379/desk1`). Credentials never come in the
/// address, where `ps` would show them (see ``RedisCredentials``).
struct RedisAddress: Sendable, Hashable, CustomStringConvertible {
    let host: String
    let port: Int
    /// The desk named by the path, if any.
    let desk: String?

    init(_ text: String) throws {
        guard text.hasPrefix("redis://") else {
            throw RedisAddressError("\(text): a Redis address starts with redis:// (redis://HOST:PORT)")
        }
        var rest = Substring(text.dropFirst("redis://".count))
        guard !rest.contains("@") else {
            throw RedisAddressError("\(text): no user or password in the address (the command line is visible to every user through ps); set IBTERM_REDIS_USER and IBTERM_REDIS_PASSWORD, or [redis] user and password in the config")
        }
        var desk: String?
        if let slash = rest.firstIndex(of: "/") {
            let path = rest[rest.index(after: slash)...]
            desk = path.isEmpty ? nil : String(path)
            rest = rest[..<slash]
        }
        let hostPart: Substring, portPart: Substring?
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { throw RedisAddressError("\(text): an IPv6 host is written [::1]:6379") }
            hostPart = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...]
            portPart = after.hasPrefix(":") ? after.dropFirst() : nil
        } else if let colon = rest.lastIndex(of: ":") {
            hostPart = rest[..<colon]
            portPart = rest[rest.index(after: colon)...]
        } else {
            hostPart = rest
            portPart = nil
        }
        guard !hostPart.isEmpty else { throw RedisAddressError("\(text): no host") }
        var port = 6379
        if let portPart {
            guard let value = Int(portPart), (1...65535).contains(value) else {
                throw RedisAddressError("\(text): the port must be a number from 1 to 65535")
            }
            port = value
        }
        host = String(hostPart)
        self.port = port
        self.desk = desk
    }

    var description: String { "redis://\(host.contains(":") ? "[\(host)]" : host):\(port)" + (desk.map { "/\($0)" } ?? "") }

    /// A connection authenticated as `credentials`, or the reason there is none.
    func connect(as credentials: RedisCredentials) throws(RedisError) -> RedisConnection {
        let connection = try RedisConnection(host: host, port: port)
        try connection.authenticate(user: credentials.user, password: credentials.password)
        return connection
    }

    /// Whether the host is this machine (127.0.0.0/8, ::1, localhost).
    var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}

/// A Redis address that cannot be used, in a sentence.
struct RedisAddressError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The ACL user and password the bridge authenticates with: `IBTERM_REDIS_USER` and
/// `IBTERM_REDIS_PASSWORD` from the environment, else `[redis] user` and `password` from the
/// config file; never from the command line.
struct RedisCredentials: Sendable {
    let user: String
    let password: String

    /// The credentials the environment or the config give, nil when neither gives both.
    static func find(environment: [String: String], config: (user: String?, password: String?)) -> RedisCredentials? {
        if let user = environment["IBTERM_REDIS_USER"], !user.isEmpty,
           let password = environment["IBTERM_REDIS_PASSWORD"], !password.isEmpty {
            return RedisCredentials(user: user, password: password)
        }
        if let user = config.user, !user.isEmpty, let password = config.password, !password.isEmpty {
            return RedisCredentials(user: user, password: password)
        }
        return nil
    }
}
