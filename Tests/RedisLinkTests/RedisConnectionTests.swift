import RedisLink
import RedisTestSupport
import TestPrerequisites
import Testing

/// hiredis through CHiredis against a real redis-server (issue #16 item 5's foundation).
@Suite(.serialized, .requires(.redisServer))
struct RedisConnectionTests {
    @Test func authenticatesAsTheACLUserAndRefusesWithout() async throws {
        let server = try await RedisServerFixture()
        defer { server.stop() }
        let anonymous = try RedisConnection(host: "127.0.0.1", port: server.port)
        #expect(try anonymous.command(["PING"]).errorText?.hasPrefix("NOAUTH") == true)
        let wrong = try RedisConnection(host: "127.0.0.1", port: server.port)
        #expect(throws: RedisError.self) { try wrong.authenticate(user: server.user, password: "not-it") }
        let connection = try server.connect()
        #expect(try connection.command(["PING"]) == .status("PONG"))
    }

    @Test func repliesComeBackAsSwiftValues() async throws {
        let server = try await RedisServerFixture()
        defer { server.stop() }
        let connection = try server.connect()
        #expect(try connection.checked(["SET", "k", "välue with spaces\n"]) == .status("OK"))
        #expect(try connection.command(["GET", "k"]) == .string("välue with spaces\n"))
        #expect(try connection.command(["GET", "missing"]) == .null)
        #expect(try connection.command(["INCR", "n"]) == .integer(1))
        #expect(try connection.command(["LPUSH", "k", "x"]).errorText?.hasPrefix("WRONGTYPE") == true)
        #expect(throws: RedisError.self) { try connection.checked(["LPUSH", "k", "x"]) }
        // A stream entry: [[id, [field, value, ...]]].
        let id = try #require(try connection.checked(["XADD", "s", "MAXLEN", "~", "100", "*", "a", "1", "b", ""]).text)
        let entries = try #require(try connection.command(["XRANGE", "s", "-", "+"]).elements)
        #expect(entries == [.array([.string(id), .array([.string("a"), .string("1"), .string("b"), .string("")])])])
    }

    @Test func aDeadServerIsAnErrorNotAHang() async throws {
        let server = try await RedisServerFixture()
        let connection = try server.connect()
        server.stop()
        await server.waitUntilStopped()
        #expect(throws: RedisError.self) { try connection.command(["PING"]) }
        #expect(connection.isBroken)
        #expect(throws: RedisError.self) { try RedisConnection(host: "127.0.0.1", port: server.port, timeoutMilliseconds: 500) }
    }
}
