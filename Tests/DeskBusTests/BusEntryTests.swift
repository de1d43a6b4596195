import Dashboard
import DeskBus
import RedisLink
import Testing
import Vocabulary

/// Stream entries: every bus value through fields and back; a bad entry among good ones.
@Suite struct BusEntryTests {
    @Test(arguments: BusEventSamples.all)
    func everyEventRoundTripsThroughFields(_ event: BusEvent) throws {
        let fields = try BusEntry.event(event).fields()
        #expect(fields.count == 6)
        #expect(Array(fields.prefix(4)) == ["v", "1", "kind", event.kind])
        #expect(try BusEntry(fields: fields) == .event(event))
    }

    @Test func everyForwardedCaseHasASample() {
        #expect(Set(BusEventSamples.all.map(\.kind)) == BusEvent.kinds)
    }

    @Test func heartbeatsCommandsAndResultsRoundTrip() throws {
        let entries: [BusEntry] = [
            .heartbeat(BusHeartbeat(bridgeID: "6F1C2A10-0000-4000-8000-000000000001", sequence: 9, link: .connected, generation: 2,
                                    serverVersion: 176, accounts: ["DU123"], nextOrderID: 40, sentAt: Timestamp(secondsSinceEpoch: 5))),
            .command(BusCommand(idempotencyKey: "K-1", origin: "dash-1", createdAt: Timestamp(secondsSinceEpoch: 6),
                                action: .placeOrder(orderID: 40, BusEventSamples.instruction))),
            .command(BusCommand(idempotencyKey: "K-2", origin: "dash-1", createdAt: Timestamp(secondsSinceEpoch: 6),
                                action: .placeOrderGroup([NumberedOrder(orderID: 41, instruction: BusEventSamples.instruction)]))),
            .command(BusCommand(idempotencyKey: "K-3", origin: "dash-2", createdAt: Timestamp(secondsSinceEpoch: 7), action: .cancelAll)),
            .result(BusCommandReply(idempotencyKey: "K-1", origin: "dash-1", result: .alreadyDone(.accepted(orderIDs: [40])))),
            .result(BusCommandReply(idempotencyKey: "K-3", origin: "dash-2", result: .refused(reason: "no gateway"))),
        ]
        for entry in entries {
            #expect(try BusEntry(fields: try entry.fields()) == entry)
        }
    }

    @Test func aQuoteWithNonFiniteValuesStillEncodes() throws {
        let event = BusEvent.quote(QuoteUpdate(symbol: "X", bid: .infinity, ask: -.infinity),
                                   evidence: QuoteEvidence(evidenceAgeMilliseconds: 1, generation: 1))
        #expect(try BusEntry(fields: try BusEntry.event(event).fields()) == .event(event))
    }

    @Test func fieldsTellWhatIsWrong() throws {
        let body = try BusEntry.event(.nextValidOrderID(3)).body()
        #expect(throws: BusEntryError.oddFieldCount(3)) { try BusEntry(fields: ["v", "1", "kind"]) }
        #expect(throws: BusEntryError.missingField("v")) { try BusEntry(fields: ["kind", "notice", "body", "{}"]) }
        #expect(throws: BusEntryError.unsupportedVersion("2")) { try BusEntry(fields: ["v", "2", "kind", "notice", "body", "{}"]) }
        #expect(throws: BusEntryError.unknownKind("teleport")) { try BusEntry(fields: ["v", "1", "kind", "teleport", "body", "{}"]) }
        #expect(throws: BusEntryError.kindMismatch(kind: "clientID", body: "nextValidOrderID")) {
            try BusEntry(fields: ["v", "1", "kind", "clientID", "body", body])
        }
        #expect {
            try BusEntry(fields: ["v", "1", "kind", "quote", "body", "{not json"])
        } throws: { error in
            guard case let .malformedBody(kind, _) = error as? BusEntryError else { return false }
            return kind == "quote"
        }
        // Field order does not matter, and extra fields are ignored.
        #expect(try BusEntry(fields: ["body", body, "extra", "x", "kind", "nextValidOrderID", "v", "1"]) == .event(.nextValidOrderID(3)))
    }

    @Test func aReadWithOneGarbageEntryDecodesTheOthers() throws {
        func entry(_ id: String, _ fields: [String]) -> RedisReply { .array([.string(id), .array(fields.map(RedisReply.string))]) }
        let good1 = try BusEntry.event(.nextValidOrderID(5)).fields()
        let good2 = try BusEntry.event(.clientID(7)).fields()
        let reply = RedisReply.array([
            .array([.string("ibterm:desk:main:events"), .array([
                entry("1-0", good1),
                entry("2-0", ["v", "9", "kind", "quote", "body", "{}"]),
                entry("3-0", ["garbage"]),
                .array([.string("4-0"), .null]),
                .integer(12),
                entry("5-0", good2),
            ])]),
        ])
        let batches = try BusReply.batches(fromRead: reply)
        #expect(batches.count == 1)
        let batch = try #require(batches.first)
        #expect(batch.stream == "ibterm:desk:main:events")
        #expect(batch.entries.map(\.id) == ["1-0", "5-0"])
        #expect(batch.entries.map(\.entry) == [.event(.nextValidOrderID(5)), .event(.clientID(7))])
        #expect(batch.failures.map(\.id) == ["2-0", "3-0", "4-0", nil])
        #expect(batch.failures.map(\.error).prefix(3) == [.unsupportedVersion("9"), .oddFieldCount(1), .deleted])
        #expect(batch.lastID == "5-0")
    }

    @Test func rangeAutoclaimAndTimeoutShapes() throws {
        let fields = try BusEntry.event(.clientID(1)).fields()
        let entries = RedisReply.array([.array([.string("7-1"), .array(fields.map(RedisReply.string))])])
        #expect(try BusReply.batch(fromRange: entries).entries.map(\.id) == ["7-1"])
        #expect(try BusReply.batches(fromRead: .null).isEmpty)
        let claim = try BusReply.claim(fromAutoClaim: .array([.string("0-0"), entries, .array([.string("6-0")])]))
        #expect(claim.next == "0-0")
        #expect(claim.batch.entries.map(\.entry) == [.event(.clientID(1))])
        #expect(claim.deletedIDs == ["6-0"])
        #expect(throws: BusReplyError.server("NOGROUP No such key")) { try BusReply.batches(fromRead: .error("NOGROUP No such key")) }
        #expect(throws: BusReplyError.self) { try BusReply.batches(fromRead: .integer(3)) }
        #expect(throws: BusReplyError.self) { try BusReply.batches(fromRead: .array([.string("lonely")])) }
    }
}
