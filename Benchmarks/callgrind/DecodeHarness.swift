// A Foundation-free driver for `ibterm-bench decode`'s loop, small enough for valgrind
// (valgrind 3.19 cannot run the full ibterm-bench binary). Built by decode-callgrind.sh
// against a TWSWire compiled from any commit, so instruction counts compare commits.
import TWSWire
#if !WIRE_QUANTITY
import Vocabulary
#endif

@main
enum DecodeHarness {
    static func main() throws {
        let arguments = CommandLine.arguments
        let count = arguments.count > 1 ? Int(arguments[1]) ?? 200_000 : 200_000
        let stream = generatedStream(count: count, serverVersion: 178)
        let (messages, checksum) = try decodeAll(stream, serverVersion: 178)
        print("decoded \(messages) messages, checksum \(checksum)")
    }

    @inline(never)
    static func decodeAll(_ stream: [UInt8], serverVersion: Int) throws -> (Int, Int) {
        var decoder = FrameDecoder()
        var messages = 0
        var checksum = 0
        var offset = 0
        while offset < stream.count {
            let end = min(offset + 65_536, stream.count)
            decoder.append(stream[offset..<end])
            offset = end
            #if NEXT_SERVER_MESSAGE
            while let message = try decoder.nextServerMessage(serverVersion: serverVersion) {
                checksum &+= sum(message)
                messages += 1
            }
            #else
            while let frame = try decoder.nextFrame() {
                checksum &+= sum(try ServerMessage.decode(frame, serverVersion: serverVersion))
                messages += 1
            }
            #endif
        }
        try decoder.finish()
        return (messages, checksum)
    }

    @inline(__always)
    static func sum(_ message: ServerMessage) -> Int {
        switch message {
        case let .tickPrice(tick): tick.reqId &+ tick.tickType.rawValue
        case let .tickSize(tick): tick.reqId
        case let .tickString(tick): tick.value.utf8.count
        default: 1
        }
    }

    // A size in the codec's decimal type: `Quantity` in TWSWire before it moved to
    // Vocabulary's `FixedDecimal` (decode-callgrind.sh sets WIRE_QUANTITY for such commits).
    #if WIRE_QUANTITY
    static func wireSize(_ whole: Int) -> Quantity { Quantity(whole) }
    #else
    static func wireSize(_ whole: Int) -> FixedDecimal { FixedDecimal(whole) }
    #endif

    /// The same mix as `ibterm-bench decode` (same generator, same seed).
    static func generatedStream(count: Int, serverVersion: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(count * 32)
        var state: UInt64 = 42
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        var written = 0
        var volume = 1_000_000
        var time = 1_764_000_000
        while written < count {
            let ticker = Int(next() % 50) + 1
            let cents = 10_000 + Int(next() % 40_000)
            let price = Double(cents) / 100
            let size = wireSize(Int(next() % 20 + 1) * 100)
            let message: ServerMessage
            switch next() % 10 {
            case 0...2: message = .tickPrice(TickPrice(reqId: ticker, tickType: .bid, price: price, size: size, attributes: TickAttributes(mask: 1)))
            case 3...5: message = .tickPrice(TickPrice(reqId: ticker, tickType: .ask, price: price, size: size, attributes: TickAttributes(mask: 1)))
            case 6: message = .tickPrice(TickPrice(reqId: ticker, tickType: .last, price: price, size: size))
            case 7, 8:
                volume += Int(next() % 500)
                message = .tickSize(TickSize(reqId: ticker, tickType: .volume, size: wireSize(volume)))
            default:
                time += 1
                message = .tickString(TickString(reqId: ticker, tickType: .lastTimestamp, value: String(time)))
            }
            message.append(to: &out, serverVersion: serverVersion)
            written += 1
        }
        return out
    }
}
