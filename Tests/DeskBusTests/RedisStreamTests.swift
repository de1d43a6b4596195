import Dashboard
import DeskBus
import RedisLink
import RedisTestSupport
import TestPrerequisites
import Testing
import Vocabulary

/// The bus's entries and the ledger's protocol against a real redis-server: the reply shapes
/// `BusReply` reads are the ones Redis 7 sends.
@Suite(.serialized, .requires(.redisServer))
struct RedisStreamTests {
    @Test func entriesWrittenWithXADDReadBackWithAGarbageEntryAmongThem() async throws {
        let server = try await RedisServerFixture()
        defer { server.stop() }
        let redis = try server.connect()
        let keys = try DeskKeys(desk: "test")
        let events = Array(BusEventSamples.all.prefix(12))
        for event in events {
            _ = try redis.checked(["XADD", keys.events, "MAXLEN", "~", "1000", "*"] + BusEntry.event(event).fields())
        }
        let garbageID = try #require(try redis.checked(["XADD", keys.events, "*", "v", "1", "kind", "quote", "body", "[1,2"]).text)
        _ = try redis.checked(["XADD", keys.events, "*"] + BusEntry.event(.nextValidOrderID(77)).fields())

        let range = try BusReply.batch(fromRange: redis.checked(["XRANGE", keys.events, "-", "+"]))
        #expect(range.entries.map(\.entry) == (events + [.nextValidOrderID(77)]).map(BusEntry.event))
        #expect(range.failures.count == 1)
        #expect(range.failures.first?.id == garbageID)

        let read = try BusReply.batches(fromRead: redis.checked(["XREAD", "COUNT", "100", "STREAMS", keys.events, "0-0"]))
        #expect(read.map(\.stream) == [keys.events])
        #expect(read.first?.entries.count == events.count + 1)
        // Nothing newer: a blocking read times out with nil, which is no batch.
        let last = try #require(read.first?.lastID)
        #expect(try BusReply.batches(fromRead: redis.command(["XREAD", "BLOCK", "50", "STREAMS", keys.events, last])).isEmpty)
    }

    @Test func aCommandStartedBeforeACrashIsInDoubtAfterTheClaim() async throws {
        let server = try await RedisServerFixture()
        defer { server.stop() }
        let redis = try server.connect()
        let keys = try DeskKeys(desk: "test")
        _ = try redis.checked(["XGROUP", "CREATE", keys.commands, keys.commandGroup, "$", "MKSTREAM"])
        let command = BusCommand(idempotencyKey: "K-1", origin: "dash-1", createdAt: Timestamp(secondsSinceEpoch: 1),
                                 action: .placeOrder(orderID: 40, BusEventSamples.instruction))
        _ = try redis.checked(["XADD", keys.commands, "*"] + BusEntry.command(command).fields())

        // The first bridge run reads it, marks it started, "sends" it and dies before the result.
        let delivered = try BusReply.batches(fromRead: redis.checked(
            ["XREADGROUP", "GROUP", keys.commandGroup, "run-1", "COUNT", "10", "STREAMS", keys.commands, ">"]))
        let first = try #require(delivered.first?.entries.first)
        #expect(first.entry == .command(command))
        let decision = CommandLedger.decide(command, stored: try redis.checked(["HGET", keys.done, "K-1"]).text)
        guard case let .execute(mark) = decision else { Issue.record("not execute: \(decision)"); return }
        #expect(try redis.checked(["HSETNX", keys.done, "K-1", mark]) == .integer(1))
        #expect(try redis.checked(["HSETNX", keys.done, "K-1", mark]) == .integer(0))

        // The second run claims what the first left pending and must not send it again.
        let claim = try BusReply.claim(fromAutoClaim: redis.checked(
            ["XAUTOCLAIM", keys.commands, keys.commandGroup, "run-2", "0", "0-0"]), stream: keys.commands)
        #expect(claim.next == "0-0")
        #expect(claim.batch.entries.map(\.id) == [first.id])
        #expect(CommandLedger.decide(command, stored: try redis.checked(["HGET", keys.done, "K-1"]).text) == .inDoubt(orderIDs: [40]))

        // It publishes what the gateway knows, stores it, acks; a repeat is republished.
        let result = CommandLedger.inDoubtResult(for: command, gatewayStatuses: [40: .submitted])
        _ = try redis.checked(["HSET", keys.done, "K-1", LedgerRecord.finished(result).text])
        let reply = BusCommandReply(idempotencyKey: "K-1", origin: "dash-1", result: result)
        _ = try redis.checked(["XADD", keys.results, "MAXLEN", "~", "1000", "*"] + BusEntry.result(reply).fields())
        #expect(try redis.checked(["XACK", keys.commands, keys.commandGroup, first.id]) == .integer(1))
        #expect(CommandLedger.decide(command, stored: try redis.checked(["HGET", keys.done, "K-1"]).text)
                == .republish(.alreadyDone(.accepted(orderIDs: [40]))))
        let results = try BusReply.batch(fromRange: redis.checked(["XRANGE", keys.results, "-", "+"]))
        #expect(results.entries.map(\.entry) == [.result(reply)])
    }

    @Test func aPendingCommandDeletedByTrimmingIsReportedNotCrashedOn() async throws {
        let server = try await RedisServerFixture()
        defer { server.stop() }
        let redis = try server.connect()
        let keys = try DeskKeys(desk: "test")
        _ = try redis.checked(["XGROUP", "CREATE", keys.commands, keys.commandGroup, "$", "MKSTREAM"])
        let command = BusCommand(idempotencyKey: "K-2", origin: "dash-1", createdAt: Timestamp(secondsSinceEpoch: 1), action: .cancelAll)
        let id = try #require(try redis.checked(["XADD", keys.commands, "*"] + BusEntry.command(command).fields()).text)
        _ = try redis.checked(["XREADGROUP", "GROUP", keys.commandGroup, "run-1", "STREAMS", keys.commands, ">"])
        _ = try redis.checked(["XDEL", keys.commands, id])
        // The consumer's own pending history gives the deleted entry's id with no fields.
        let history = try BusReply.batches(fromRead: redis.checked(
            ["XREADGROUP", "GROUP", keys.commandGroup, "run-1", "STREAMS", keys.commands, "0"]))
        #expect(history.first?.entries.isEmpty == true)
        #expect(history.first?.failures.map(\.id) == [id])
        #expect(history.first?.failures.map(\.error) == [.deleted])
        // A claim lists it among the deleted ids.
        let claim = try BusReply.claim(fromAutoClaim: redis.checked(
            ["XAUTOCLAIM", keys.commands, keys.commandGroup, "run-2", "0", "0-0"]))
        #expect(claim.batch.entries.isEmpty)
        #expect(claim.deletedIDs == [id])
    }
}
