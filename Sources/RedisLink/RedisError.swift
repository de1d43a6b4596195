/// Why a Redis call failed.
public enum RedisError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The TCP connection could not be made (refused, unreachable, timed out).
    case connect(String)
    /// The connection broke or timed out during a command; it is unusable afterwards.
    case io(String)
    /// The server answered an error (`WRONGTYPE …`, `NOAUTH …`, `WRONGPASS …`).
    case server(String)
    /// A reply of a shape the caller did not expect.
    case unexpectedReply(String)

    public var description: String {
        switch self {
        case let .connect(text): "cannot connect to Redis: \(text)"
        case let .io(text): "the Redis connection failed: \(text)"
        case let .server(text): "Redis answered an error: \(text)"
        case let .unexpectedReply(text): "unexpected Redis reply: \(text)"
        }
    }
}
