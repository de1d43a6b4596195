import TWSWireSamples
import Testing
@testable import TWSWire
import Vocabulary

/// The decoder's two strictnesses, and the inbound reading a client does on a live link.
@Suite struct LenientDecodingTests {
    private static let sv = EveryServerMessage.serverVersion

    private static func inbound(_ frame: [UInt8], _ strictness: DecodingStrictness = .ignoringExtraFields) throws -> InboundMessage? {
        var decoder = FrameDecoder()
        decoder.append(frame)
        let result = try decoder.nextInboundMessage(serverVersion: sv, strictness: strictness)
        #expect(decoder.bufferedByteCount == 0, "the frame is consumed")
        return result
    }

    @Test func theSamplesCoverEveryKnownMessageIDAndDecodeStrictly() throws {
        let samples = EveryServerMessage.samples()
        #expect(samples.map(\.messageID) == ServerMessageDirectory.knownIDs)
        for message in samples {
            let decoded = try ServerMessage.decode(EveryServerMessage.payload(message), serverVersion: Self.sv)
            #expect(decoded == message)
            #expect(ServerMessageDirectory.entry(id: message.messageID, serverVersion: Self.sv) != nil)
        }
        #expect(ServerMessageDirectory.entry(id: 14, serverVersion: Self.sv) == nil)  // NEWS_BULLETINS: not decoded
    }

    @Test func aTickPriceWithOneFieldTooManyIsAnErrorWhenStrictAndReadPastWhenLenient() throws {
        let tick = ServerMessage.tickPrice(TickPrice(reqId: 7, tickType: .bid, price: 231.2, size: FixedDecimal(100), attributes: TickAttributes(mask: 0)))
        let frame = EveryServerMessage.withExtraField(tick, "new-field")
        let payload = Array(frame.dropFirst(4))
        #expect(throws: WireDecodingError.self) { try ServerMessage.decode(payload, serverVersion: Self.sv) }
        do {
            _ = try ServerMessage.decode(payload, serverVersion: Self.sv)
        } catch {
            #expect(error.reason == .extraFields(count: 1))
            #expect(error.message == "TICK_PRICE")
        }
        #expect(throws: (any Error).self) {
            var decoder = FrameDecoder()
            decoder.append(frame)
            _ = try decoder.nextServerMessage(serverVersion: Self.sv)
        }
        #expect(try Self.inbound(frame) == .message(tick, ignoredFieldCount: 1))
        guard case .unreadable(let strict)? = try Self.inbound(frame, .strict) else {
            Issue.record("strict inbound reading reports the extra field")
            return
        }
        #expect(strict.error.reason == .extraFields(count: 1))
        #expect(strict.subject == .request(7))
    }

    @Test(arguments: EveryServerMessage.samples())
    func everyMessageWithOneFieldTooManyDecodesLenientlyToTheSameValue(_ message: ServerMessage) throws {
        let frame = EveryServerMessage.withExtraField(message)
        #expect(try Self.inbound(frame) == .message(message, ignoredFieldCount: 1))
        let three = FrameEncoder.frame(EveryServerMessage.payload(message) + Array("a\0b\0c\0".utf8))
        #expect(try Self.inbound(three) == .message(message, ignoredFieldCount: 3))
        #expect(try Self.inbound(message.encoded(serverVersion: Self.sv)) == .message(message, ignoredFieldCount: 0))
    }

    @Test(arguments: EveryServerMessage.samples())
    func everyMessageWithOneFieldTooFewIsUnreadableAndNamed(_ message: ServerMessage) throws {
        guard let frame = EveryServerMessage.withoutLastField(message) else {
            #expect(message == .completedOrdersEnd, "only COMPLETED_ORDERS_END has no field to remove")
            return
        }
        guard case .unreadable(let report)? = try Self.inbound(frame) else {
            Issue.record("\(message.messageID) without its last field should be unreadable")
            return
        }
        let entry = try #require(ServerMessageDirectory.entry(id: message.messageID, serverVersion: Self.sv))
        #expect(report.messageID == message.messageID)
        #expect(report.messageName == entry.name)
        #expect(report.area == entry.area)
        #expect(report.error.reason == .missingField)
        #expect(min(report.fieldCount, UnreadableMessage.fieldLimit) == report.fields.count)
        #expect(report.fields.first == String(message.messageID))
        if let kind = entry.subjectKind {
            let expected: MessageSubject = switch kind {
            case .request: .request(9001)
            case .order: .order(9002)
            case .noticeTarget: .noticeTarget(-1)
            }
            // A message whose last field is its id has nothing left to say who it was for.
            if report.fieldCount > entry.subjectIndex ?? 0 { #expect(report.subject == expected, "\(entry.name)") }
        } else {
            #expect(report.subject == .none)
        }
    }

    @Test func aValueThatDoesNotParseIsUnreadableNotAFramingError() throws {
        let frame = FrameEncoder.frame(Array("1\u{0}6\u{0}42\u{0}1\u{0}abc\u{0}100\u{0}0\u{0}".utf8))
        guard case .unreadable(let report)? = try Self.inbound(frame) else {
            Issue.record("expected an unreadable TICK_PRICE")
            return
        }
        #expect(report.error.reason == .notANumber)
        #expect(report.subject == .request(42))
        #expect(report.description.hasPrefix("TICK_PRICE (1) for request 42: TICK_PRICE field 4 'price' \"abc\""))
        #expect(report.rawText == "1|6|42|1|abc|100|0")
    }

    @Test(arguments: [
        ("an empty frame", [UInt8]()),
        ("a non-numeric message id", Array("hello\0world\0".utf8)),
        ("an empty message id", Array("\u{0}1\u{0}".utf8)),
        ("a frame without its last terminator", Array("1\u{0}6\u{0}42".utf8)),
    ])
    func aFrameThatIsNotAMessageIsBrokenFraming(_ label: String, _ payload: [UInt8]) {
        var decoder = FrameDecoder()
        decoder.append(FrameEncoder.frame(payload))
        #expect(throws: FramingError.self, "\(label)") {
            _ = try decoder.nextInboundMessage(serverVersion: Self.sv, strictness: .ignoringExtraFields)
        }
    }

    @Test func anOversizeFrameIsStillBrokenFraming() {
        var decoder = FrameDecoder()
        decoder.append([0xFF, 0xFF, 0xFF, 0xFF, 1, 2, 3])
        #expect(throws: FramingError.frameTooLarge(length: 0xFFFF_FFFF, limit: FrameDecoder.defaultLimit)) {
            _ = try decoder.nextInboundMessage(serverVersion: Self.sv, strictness: .ignoringExtraFields)
        }
    }

    @Test func anUnreadableMessageKeepsBoundedRawFields() throws {
        var payload = Array("3\u{0}".utf8)
        for _ in 0..<10_000 { payload += Array(String(repeating: "x", count: 500).utf8) + [0] }
        guard case .unreadable(let report)? = try Self.inbound(FrameEncoder.frame(payload)) else {
            Issue.record("expected an unreadable ORDER_STATUS")
            return
        }
        #expect(report.fieldCount == 10_001)
        #expect(report.fields.count == UnreadableMessage.fieldLimit)
        #expect(report.fields.allSatisfy { $0.utf8.count <= UnreadableMessage.fieldLengthLimit })
        #expect(report.subject == .none, "the order id is not a number")
        #expect(report.area == .orders)
    }

    @Test func readingGoesOnAfterAnUnreadableFrame() throws {
        let good = ServerMessage.tickSize(TickSize(reqId: 3, tickType: .volume, size: FixedDecimal(5)))
        var decoder = FrameDecoder()
        decoder.append(FrameEncoder.frame(Array("2\u{0}6\u{0}3\u{0}".utf8)) + good.encoded(serverVersion: Self.sv))
        guard case .unreadable? = try decoder.nextInboundMessage(serverVersion: Self.sv, strictness: .ignoringExtraFields) else {
            Issue.record("the cut TICK_SIZE is unreadable")
            return
        }
        #expect(try decoder.nextInboundMessage(serverVersion: Self.sv, strictness: .ignoringExtraFields) == .message(good, ignoredFieldCount: 0))
        #expect(try decoder.nextInboundMessage(serverVersion: Self.sv, strictness: .ignoringExtraFields) == nil)
    }

    @Test func mutatedFramesAreReadSkippedOrRefusedAndNeverCrash() throws {
        var rng = SeededGenerator(seed: 508)
        let seeds = EveryServerMessage.samples().map(EveryServerMessage.payload)
        let alphabet: [UInt8] = Array("0123456789-.x".utf8) + [0, 0, 0xFF]
        var read = 0, skipped = 0, refused = 0
        for _ in 0..<20_000 {
            var payload = seeds.randomElement(using: &rng)!
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                guard !payload.isEmpty else { break }
                let index = Int.random(in: 0..<payload.count, using: &rng)
                switch Int.random(in: 0...3, using: &rng) {
                case 0: payload[index] = alphabet.randomElement(using: &rng)!
                case 1: payload.remove(at: index)
                case 2: payload.insert(0, at: index)
                default: payload.removeSubrange(index...)
                }
            }
            var decoder = FrameDecoder()
            decoder.append(FrameEncoder.frame(payload))
            do {
                switch try decoder.nextInboundMessage(serverVersion: Self.sv, strictness: .ignoringExtraFields) {
                case .message(let message, let ignored)?:
                    read += 1
                    if ignored == 0 { #expect(try ServerMessage.decode(payload, serverVersion: Self.sv) == message) }
                case .unreadable(let report)?:
                    skipped += 1
                    #expect(report.fields.count <= UnreadableMessage.fieldLimit)
                    #expect(throws: WireDecodingError.self) { try ServerMessage.decode(payload, serverVersion: Self.sv) }
                case nil:
                    Issue.record("a whole frame was buffered")
                }
            } catch {
                refused += 1
            }
            #expect(decoder.bufferedByteCount == 0)
        }
        #expect(read + skipped + refused == 20_000)
        #expect(read > 1000 && skipped > 1000 && refused > 100, "read \(read), skipped \(skipped), refused \(refused)")
    }
}
