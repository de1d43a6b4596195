import Testing
@testable import TWSWire
import Vocabulary

/// The fast path for ticks and the general reader agree on every frame the fast path takes,
/// and the fast path declines what it does not handle.
@Suite struct TickFastPathTests {
    func general<M: WireMessage>(_ type: M.Type, _ payload: [UInt8]) throws -> M {
        try payload.withUnsafeBufferPointer { (buffer) throws(WireDecodingError) -> M in
            var reader = FieldReader(bytes: buffer)
            _ = try reader.int("msgId")
            let message = try M(from: &reader, serverVersion: 178)
            try reader.expectEnd()
            return message
        }
    }

    func fastPrice(_ payload: [UInt8]) -> TickPrice? {
        payload.withUnsafeBufferPointer { buffer in
            let start = payload.firstIndex(of: 0)! + 1
            return TickFastPath.tickPrice(buffer, from: start)
        }
    }

    @Test func agreesWithTheGeneralReaderOnGeneratedTicks() throws {
        var generator = MessageGenerator(rng: SeededGenerator(seed: 31))
        var taken = 0
        for _ in 0..<5000 {
            let message = ServerMessage.tickPrice(TickPrice(reqId: generator.int(), tickType: TickType(rawValue: generator.int(0...90)), price: generator.optionalDouble(), size: generator.optionalQuantity(), attributes: TickAttributes(mask: generator.int(0...7))))
            let payload = Array(message.encoded(serverVersion: 178).dropFirst(4))
            let slow = try general(TickPrice.self, payload)
            if let fast = fastPrice(payload) {
                taken += 1
                #expect(fast == slow)
            }
            #expect(try ServerMessage.decode(payload, serverVersion: 178) == .tickPrice(slow))
        }
        #expect(taken > 2500)
    }

    @Test func declinesWhatItDoesNotHandle() {
        for text in ["1|6|1|1|1e+20|1|0|", "1|6|1|1|150.09|2147483647|0|", "1|6|1|1|1.7976931348623157E308|1|0|", "1|6|1|1|150.09|1|0|extra|", "1|6|1|1|150.09|1|0", "1|6|1|1|Infinity|1|0|", "1|6|1|1|15.0.9|1|0|"] {
            #expect(fastPrice(Array(text.replacingOccurrences(of: "|", with: "\u{0}").utf8)) == nil, "\(text)")
        }
    }
}
