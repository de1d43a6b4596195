import Testing
@testable import TWSWire
import Vocabulary

/// Bad bytes always give a typed error: never a crash, never a hang.
@Suite struct MalformedInputTests {
    func serverError(_ text: String, version: Int = 178) -> WireDecodingError? {
        let payload = Array(text.replacingOccurrences(of: "|", with: "\u{0}").utf8)
        do {
            _ = try ServerMessage.decode(payload, serverVersion: version)
            return nil
        } catch {
            return error
        }
    }

    @Test func emptyPayloadIsAnError() {
        #expect(serverError("")?.reason == .emptyPayload)
        #expect(throws: WireDecodingError.self) { try ClientMessage.decode([], serverVersion: 178) }
    }

    @Test func nonNumericFieldsNameTheMessageFieldAndBytes() throws {
        let error = try #require(serverError("1|6|1|1|abc|300|0|"))
        #expect(error.message == "TICK_PRICE")
        #expect(error.field == "price")
        #expect(error.index == 4)
        #expect(error.bytes == "abc")
        #expect(error.reason == .notANumber)
        #expect(error.description == "TICK_PRICE field 4 'price' \"abc\" is not a number")
        #expect(serverError("9|1|12x|")?.reason == .notAnInteger)
        #expect(serverError("x|")?.field == "msgId")
    }

    @Test func missingAndExtraFieldsAreErrors() {
        #expect(serverError("1|6|1|1|150.09|")?.reason == .missingField)
        #expect(serverError("9|1|5|extra|")?.reason == .extraFields(count: 1))
        #expect(serverError("1|6|1|1|150.09|300|0")?.reason == .missingField)  // last field not terminated
    }

    @Test func impossibleCountsAreRejectedWithoutAllocating() {
        #expect(serverError("17|1|20250101|20250102|999999999|")?.reason == .unexpectedValue("count larger than the message"))
        #expect(serverError("79|1|2147483647|")?.field == "nContractDescriptions")
    }

    @Test func unknownMessageIDsDecodeAsUnknown() throws {
        #expect(try ServerMessage.decode(Array("999\u{0}a\u{0}b\u{0}".utf8), serverVersion: 178) == .unknown(id: 999, fields: ["a", "b"]))
        #expect(try ClientMessage.decode(Array("500\u{0}".utf8), serverVersion: 178) == .unknown(id: 500, fields: []))
    }

    @Test func malformedHandshakesAreTypedErrors() {
        #expect(throws: HandshakeError.malformedVersionOffer("x157..200")) { try VersionOffer(parsing: Array("x157..200".utf8)) }
        #expect(throws: HandshakeError.self) { try VersionOffer(parsing: Array("v200..100".utf8)) }
        #expect(throws: HandshakeError.self) { try ServerHello(parsing: Array("178\u{0}".utf8)[...]) }
        #expect(Handshake.negotiate(VersionOffer(range: 100...150)) == nil)
        #expect(Handshake.negotiate(VersionOffer(range: 100...157)) == 157)
        #expect(Handshake.negotiate(VersionOffer(range: 157...178)) == 178)
        #expect(Handshake.negotiate(VersionOffer(range: 100...226)) == 200)
    }

    /// 100,000 random and mutated frames through both decoders and the frame decoder.
    @Test func fuzzedFramesNeverCrashOrHang() {
        var rng = SeededGenerator(seed: 2026)
        var generator = MessageGenerator(rng: SeededGenerator(seed: 99))
        var seeds: [[UInt8]] = GoldenVector.all.filter { !$0.isHandshake }.map(\.payload)
        for _ in 0..<200 { seeds.append(Array(generator.serverMessage().encoded(serverVersion: 178).dropFirst(4))) }
        for _ in 0..<200 { seeds.append(Array(generator.clientMessage().encoded(serverVersion: 200).dropFirst(4))) }
        let alphabet: [UInt8] = Array("0123456789-.,|eE ".utf8).map { $0 == UInt8(ascii: "|") ? 0 : $0 } + [0, 0, 0xFF, 0x80]
        var decoded = 0
        var rejected = 0
        for iteration in 0..<100_000 {
            var payload: [UInt8]
            if iteration % 4 == 0 {
                payload = (0..<Int.random(in: 0...64, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
                if Bool.random(using: &rng) { payload = Array("\(Int.random(in: 1...110, using: &rng))\u{0}".utf8) + payload }
            } else {
                payload = seeds.randomElement(using: &rng)!
                for _ in 0..<Int.random(in: 1...4, using: &rng) {
                    guard !payload.isEmpty else { break }
                    let index = Int.random(in: 0..<payload.count, using: &rng)
                    switch Int.random(in: 0...4, using: &rng) {
                    case 0: payload[index] = alphabet.randomElement(using: &rng)!
                    case 1: payload.remove(at: index)
                    case 2: payload.insert(0, at: index)
                    case 3: payload.removeSubrange(index...)
                    default: payload.insert(contentsOf: Array("2147483647\u{0}".utf8), at: index)
                    }
                }
            }
            let version = [157, 166, 178, 194, 200][iteration % 5]
            if (try? ServerMessage.decode(payload, serverVersion: version)) != nil { decoded += 1 } else { rejected += 1 }
            if (try? ClientMessage.decode(payload, serverVersion: version)) != nil { decoded += 1 } else { rejected += 1 }
            var frames = FrameDecoder(limit: 1024)
            frames.append(payload)
            while let frame = try? frames.nextFrame() { _ = frame }
        }
        #expect(decoded + rejected == 200_000)
        #expect(decoded > 1000)
        #expect(rejected > 1000)
    }
}

@Suite struct NumberFieldTests {
    func tickSize(_ size: String) throws -> FixedDecimal? {
        guard case let .tickSize(tick) = try ServerMessage.decode(Array("2\u{0}6\u{0}1\u{0}8\u{0}\(size)\u{0}".utf8), serverVersion: 178) else { return nil }
        return tick.size
    }

    func price(_ text: String) throws -> Double? {
        guard case let .tickPrice(tick) = try ServerMessage.decode(Array("1\u{0}6\u{0}1\u{0}1\u{0}\(text)\u{0}1\u{0}0\u{0}".utf8), serverVersion: 178) else { return nil }
        return tick.price
    }

    @Test func quantitiesReadExactlyOrReportTheirRange() throws {
        #expect(try tickSize("300") == 300)
        #expect(try tickSize("0.5") == FixedDecimal(raw: 50_000_000))
        #expect(try tickSize("100.0") == 100)
        #expect(try tickSize("") == nil)
        #expect(try tickSize("2147483647") == nil)
        #expect(try tickSize("1.7976931348623157E308") == nil)
        #expect(try tickSize("12345678901") == FixedDecimal(12_345_678_901))
        #expect(throws: WireDecodingError.self) { try tickSize("999999999999999") }
        #expect(throws: WireDecodingError.self) { try tickSize(".") }
        #expect(throws: WireDecodingError.self) { try tickSize("1.2.3") }
    }

    @Test func pricesReadEverySpelling() throws {
        #expect(try price("150.09") == 150.09)
        #expect(try price("-1") == -1)
        #expect(try price("0.0") == 0)
        #expect(try price("") == nil)
        #expect(try price("1.7976931348623157E308") == nil)
        #expect(try price("1.7976931348623157e+308") == nil)
        #expect(try price("1e-05") == 0.00001)
        #expect(try price("Infinity") == .infinity)
        #expect(try price("Infinite") == .infinity)
        #expect(try price("123456789012.3456") == 123456789012.3456)
        #expect(throws: WireDecodingError.self) { try price("-") }
        #expect(throws: WireDecodingError.self) { try price("1,5") }
    }
}
