import ArgumentParser
import Foundation
import TWSWire
import Vocabulary

/// Decodes a stream of frames through the client's frame decoder and message decoders.
struct DecodeBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode throughput of TWS frames (framing + typed messages).",
        discussion: """
            Reads frames back to back (4-byte big-endian length, payload), as they arrive on a \
            socket after the handshake, from --file or from a generated realistic mix of \
            tickPrice/tickSize/tickString frames for 50 ticker ids. The stream is fed to \
            FrameDecoder in 64 KiB reads and each frame, borrowed in place \
            (nextServerMessage, as IBClient reads), to ServerMessage.decode, on one core; \
            the best of --rounds passes is reported. Instructions per message (stable on a \
            loaded machine): Benchmarks/callgrind/decode-callgrind.sh [COMMIT].
            """
    )

    @Option(help: "A file of concatenated frames to decode instead of the generated mix.")
    var file: String?

    @Option(help: "How many messages the generated stream holds.")
    var count: Int = 2_000_000

    @Option(help: "Server version to decode at.")
    var serverVersion: Int = 178

    @Option(help: "Timed passes over the stream; the fastest is reported.")
    var rounds: Int = 5

    @Flag(help: "Only cut the stream into frames (measures framing alone).")
    var framesOnly = false

    func run() throws {
        let stream: [UInt8]
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ValidationError("cannot read \(file)")
            }
            stream = [UInt8](data)
        } else {
            stream = Self.generatedStream(count: count, serverVersion: serverVersion)
        }
        var best = Duration.seconds(1_000_000)
        var messages = 0
        var checksum = 0
        for _ in 0..<max(1, rounds) {
            let clock = ContinuousClock()
            let start = clock.now
            (messages, checksum) = try framesOnly ? Self.frameAll(stream) : Self.decodeAll(stream, serverVersion: serverVersion)
            best = min(best, clock.now - start)
        }
        let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) / 1e18
        let rate = Double(messages) / seconds
        let megabytes = Double(stream.count) / 1_000_000 / seconds
        let name = framesOnly ? "framing" : "decode"
        print("\(name): \(Int(rate)) msgs/s")
        print("\(name)-bandwidth: \(String(format: "%.1f", megabytes)) MB/s")
        print("\(name)-messages: \(messages) messages")
        print("method: best of \(rounds) passes; FrameDecoder fed 64 KiB reads; ServerMessage.decode per frame at server version \(serverVersion); checksum \(checksum)")
    }

    /// Cuts the stream into frames without decoding them.
    static func frameAll(_ stream: [UInt8]) throws -> (Int, Int) {
        var decoder = FrameDecoder()
        var messages = 0
        var checksum = 0
        var offset = 0
        while offset < stream.count {
            let end = min(offset + 65_536, stream.count)
            decoder.append(stream[offset..<end])
            offset = end
            while let frame = try decoder.nextFrame() {
                checksum &+= frame.count
                messages += 1
            }
        }
        return (messages, checksum)
    }

    /// Decodes every frame; returns the message count and a checksum that keeps the work alive.
    static func decodeAll(_ stream: [UInt8], serverVersion: Int) throws -> (Int, Int) {
        var decoder = FrameDecoder()
        var messages = 0
        var checksum = 0
        var offset = 0
        while offset < stream.count {
            let end = min(offset + 65_536, stream.count)
            decoder.append(stream[offset..<end])
            offset = end
            while let message = try decoder.nextServerMessage(serverVersion: serverVersion) {
                switch message {
                case let .tickPrice(tick): checksum &+= tick.reqId &+ tick.tickType.rawValue
                case let .tickSize(tick): checksum &+= tick.reqId
                case let .tickString(tick): checksum &+= tick.value.utf8.count
                default: checksum &+= 1
                }
                messages += 1
            }
        }
        try decoder.finish()
        return (messages, checksum)
    }

    /// A realistic mix: per update a bid or ask or last price with its size tick, plus volume
    /// and last-timestamp ticks, for 50 ticker ids around realistic prices.
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
            let size = FixedDecimal(Int(next() % 20 + 1) * 100)
            let message: ServerMessage
            switch next() % 10 {
            case 0...2: message = .tickPrice(TickPrice(reqId: ticker, tickType: .bid, price: price, size: size, attributes: TickAttributes(mask: 1)))
            case 3...5: message = .tickPrice(TickPrice(reqId: ticker, tickType: .ask, price: price, size: size, attributes: TickAttributes(mask: 1)))
            case 6: message = .tickPrice(TickPrice(reqId: ticker, tickType: .last, price: price, size: size))
            case 7, 8:
                volume += Int(next() % 500)
                message = .tickSize(TickSize(reqId: ticker, tickType: .volume, size: FixedDecimal(volume)))
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
