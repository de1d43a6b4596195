/// One reply from Redis, as hiredis parsed it (RESP2).
public enum RedisReply: Sendable, Hashable {
    /// A bulk string (the payloads ibterm writes are UTF-8 text).
    case string(String)
    /// A simple status such as `OK` or `PONG`.
    case status(String)
    /// An error the server answered, such as `NOAUTH Authentication required.`
    case error(String)
    /// An integer.
    case integer(Int64)
    /// An array of replies (a stream entry, a list of entries, ...).
    case array([RedisReply])
    /// No value (a missing key, a blocking read that timed out).
    case null

    /// The text of a bulk string or status, else nil.
    public var text: String? {
        switch self {
        case let .string(text), let .status(text): text
        default: nil
        }
    }

    /// The elements of an array, else nil.
    public var elements: [RedisReply]? {
        if case let .array(elements) = self { return elements }
        return nil
    }

    /// The integer, else nil.
    public var integer: Int64? {
        if case let .integer(value) = self { return value }
        return nil
    }

    /// The server's error text, else nil.
    public var errorText: String? {
        if case let .error(text) = self { return text }
        return nil
    }
}
