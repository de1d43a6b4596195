import CHiredis

/// One blocking connection to Redis through hiredis, Redis's reference C client.
///
/// Not thread-safe: a connection belongs to one thread at a time (the bridge gives each reader
/// and writer its own connection and thread). A failed command leaves the connection
/// unusable (`isBroken`); make a new one.
public final class RedisConnection {
    private let context: UnsafeMutablePointer<redisContext>
    /// The host and port connected to.
    public let host: String, port: Int
    /// Whether an I/O error broke the connection.
    public private(set) var isBroken = false

    /// Connects to `host`:`port` within `timeoutMilliseconds`; commands then wait at most
    /// `commandTimeoutMilliseconds` (0: no limit, for a blocking read that sets its own).
    public init(host: String, port: Int, timeoutMilliseconds: Int = 2000, commandTimeoutMilliseconds: Int = 5000) throws(RedisError) {
        guard let context = ibt_redis_connect(host, Int32(port), timeoutMilliseconds) else {
            throw .connect("\(host):\(port): cannot allocate a connection")
        }
        guard ibt_redis_error(context) == 0 else {
            let reason = String(cString: ibt_redis_error_text(context))
            redisFree(context)
            throw .connect("\(host):\(port): \(reason)")
        }
        self.context = context
        self.host = host
        self.port = port
        if commandTimeoutMilliseconds > 0 { _ = ibt_redis_set_timeout(context, commandTimeoutMilliseconds) }
    }

    deinit {
        redisFree(context)
    }

    /// Sets how long a command may wait for its reply (0: no limit).
    public func setCommandTimeout(milliseconds: Int) {
        _ = ibt_redis_set_timeout(context, milliseconds)
    }

    /// Authenticates as an ACL `user` (Redis 6+) with `password`.
    public func authenticate(user: String, password: String) throws(RedisError) {
        let reply = try command(["AUTH", user, password])
        if let error = reply.errorText { throw .server(error) }
    }

    /// Sends one command (`["XADD", "key", "*", "field", "value"]`) and returns its reply; an
    /// error reply is returned as ``RedisReply/error(_:)``, not thrown. Throws when the
    /// connection fails.
    public func command(_ arguments: [String]) throws(RedisError) -> RedisReply {
        guard !isBroken else { throw .io("the connection broke earlier") }
        let byteArguments = arguments.map { Array($0.utf8) }
        let reply: UnsafeMutablePointer<redisReply>? = withPointers(byteArguments) { pointers, lengths in
            ibt_redis_command(context, Int32(arguments.count), pointers, lengths)
        }
        guard let reply else {
            isBroken = true
            throw .io(String(cString: ibt_redis_error_text(context)))
        }
        defer { freeReplyObject(reply) }
        return Self.convert(reply.pointee)
    }

    /// Sends `commands` in one write and reads their replies, in order (hiredis's pipelining):
    /// one round trip for the lot instead of one each. Error replies are returned, not thrown;
    /// a failed connection throws (the commands' fate is then unknown).
    public func pipeline(_ commands: [[String]]) throws(RedisError) -> [RedisReply] {
        guard !isBroken else { throw .io("the connection broke earlier") }
        for arguments in commands {
            let byteArguments = arguments.map { Array($0.utf8) }
            let status = withPointers(byteArguments) { pointers, lengths in
                ibt_redis_append(context, Int32(arguments.count), pointers, lengths)
            }
            guard status == ibt_redis_ok() else {
                isBroken = true
                throw .io(String(cString: ibt_redis_error_text(context)))
            }
        }
        var replies: [RedisReply] = []
        replies.reserveCapacity(commands.count)
        for _ in commands {
            guard let reply = ibt_redis_next_reply(context) else {
                isBroken = true
                throw .io(String(cString: ibt_redis_error_text(context)))
            }
            replies.append(Self.convert(reply.pointee))
            freeReplyObject(reply)
        }
        return replies
    }

    /// Sends one command and throws the server's error reply as ``RedisError/server(_:)``.
    @discardableResult
    public func checked(_ arguments: [String]) throws(RedisError) -> RedisReply {
        let reply = try command(arguments)
        if let error = reply.errorText { throw .server(error) }
        return reply
    }

    /// Calls `body` with C pointers to each argument's bytes and their lengths.
    private func withPointers<Result>(
        _ arguments: [[UInt8]], _ body: (UnsafeMutablePointer<UnsafePointer<CChar>?>, UnsafePointer<Int>) -> Result
    ) -> Result {
        var buffers: [UnsafeMutablePointer<CChar>] = []
        buffers.reserveCapacity(arguments.count)
        defer { for buffer in buffers { buffer.deallocate() } }
        var pointers: [UnsafePointer<CChar>?] = []
        var lengths: [Int] = []
        for bytes in arguments {
            let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: max(1, bytes.count))
            bytes.withUnsafeBufferPointer { source in
                source.withMemoryRebound(to: CChar.self) { chars in
                    if let base = chars.baseAddress { buffer.update(from: base, count: bytes.count) }
                }
            }
            buffers.append(buffer)
            pointers.append(UnsafePointer(buffer))
            lengths.append(bytes.count)
        }
        return pointers.withUnsafeMutableBufferPointer { pointerBuffer in
            lengths.withUnsafeBufferPointer { lengthBuffer in
                body(pointerBuffer.baseAddress!, lengthBuffer.baseAddress!)
            }
        }
    }

    /// The reply tree as Swift values.
    static func convert(_ reply: redisReply) -> RedisReply {
        let type = reply.type
        if type == ibt_redis_reply_string() || type == ibt_redis_reply_status() || type == ibt_redis_reply_error() {
            let text: String
            if let bytes = reply.str {
                text = String(decoding: UnsafeRawBufferPointer(start: bytes, count: Int(reply.len)), as: UTF8.self)
            } else {
                text = ""
            }
            if type == ibt_redis_reply_string() { return .string(text) }
            return type == ibt_redis_reply_status() ? .status(text) : .error(text)
        }
        if type == ibt_redis_reply_integer() { return .integer(Int64(reply.integer)) }
        if type == ibt_redis_reply_array() {
            var elements: [RedisReply] = []
            elements.reserveCapacity(Int(reply.elements))
            for index in 0..<Int(reply.elements) {
                if let element = reply.element[index] { elements.append(convert(element.pointee)) } else { elements.append(.null) }
            }
            return .array(elements)
        }
        return .null
    }
}
