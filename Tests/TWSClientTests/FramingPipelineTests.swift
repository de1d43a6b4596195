import NIOCore
import NIOEmbedded
import NIOTestUtils
import Testing
@testable import TWSClient
import TWSSession
import TWSWire
import TWSWireSamples
import Vocabulary

/// The client's pipeline on its own: `TWSFrameDecoder` (framing and decoding in the
/// channel's buffer) driven by `InboundBatcher` (one hand-off per read, back-pressure).
@Suite struct FramingPipelineTests {
    static let version = EveryServerMessage.serverVersion

    /// What the client's `FrameDecoder` path reads from `frame`: the expected decoder output.
    static func expected(_ frame: [UInt8]) throws -> InboundFrame {
        var decoder = FrameDecoder()
        decoder.append(frame)
        let message = try #require(try decoder.nextInboundMessage(serverVersion: version, strictness: .ignoringExtraFields))
        return .message(message)
    }

    /// An EmbeddedChannel with the client's inbound pipeline, and the events it hands over;
    /// `reads` counts the reads the pipeline asks for.
    static func pipeline(
        limit: Int = FrameDecoder.defaultLimit, serverVersion: Int? = version, reads: ReadCounter = ReadCounter(), gate: ReadGate = ReadGate()
    ) throws
        -> (EmbeddedChannel, AsyncStream<TransportEvent>)
    {
        let (events, continuation) = AsyncStream.makeStream(of: TransportEvent.self)
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(reads)
        try channel.pipeline.syncOperations.addHandler(InboundBatcher(
            continuation: continuation, clock: ManualClock(), gate: gate, decoder: TWSFrameDecoder(limit: limit, serverVersion: serverVersion)))
        return (channel, events)
    }

    /// Closes the channel and returns every event it handed over.
    static func drain(_ channel: EmbeddedChannel, _ events: AsyncStream<TransportEvent>) async throws -> [TransportEvent] {
        _ = try? channel.finish()
        var all: [TransportEvent] = []
        for await event in events { all.append(event) }
        return all
    }

    @Test func theDecoderPassesNIOsVerifierOnEveryServerMessage() throws {
        // Every sample, one with a field too many (read past) and one with a field too few
        // (unreadable, to be skipped): fed byte by byte, all at once, and one by one.
        let samples = EveryServerMessage.samples()
        var frames = samples.map { $0.encoded(serverVersion: Self.version) }
        frames.append(EveryServerMessage.withExtraField(samples[0]))
        frames.append(try #require(EveryServerMessage.withoutLastField(samples[0])))
        let pairs = try frames.map { (ByteBuffer(bytes: $0), [try Self.expected($0)]) }
        try ByteToMessageDecoderVerifier.verifyDecoder(inputOutputPairs: pairs) {
            TWSFrameDecoder(serverVersion: Self.version)
        }
    }

    @Test func theFirstFrameIsTheHandshakeReplyAndFixesTheServerVersion() throws {
        let hello = ServerHello(serverVersion: Self.version, connectionTime: "20250415 19:38:30 CET")
        let tick = ServerMessage.tickPrice(TickPrice(reqId: 1, tickType: .bid, price: 1.5, size: 2))
        var buffer = ByteBuffer(bytes: hello.encoded() + tick.encoded(serverVersion: Self.version))
        var decoder = TWSFrameDecoder()
        #expect(try decoder.nextFrame(&buffer) == .hello(hello))
        #expect(decoder.serverVersion == Self.version)
        #expect(try decoder.nextFrame(&buffer) == .message(.message(tick, ignoredFieldCount: 0)))
        #expect(try decoder.nextFrame(&buffer) == nil)
    }

    @Test func nFramesInOneReadArriveAsOneBatch() async throws {
        let (channel, events) = try Self.pipeline()
        let ticks = (0..<30).map { ServerMessage.tickSize(TickSize(reqId: $0, tickType: .volume, size: FixedDecimal($0))) }
        // One read holding 30 frames and half of the 31st; then a read with the rest.
        let last = ServerMessage.tickSize(TickSize(reqId: 30, tickType: .volume, size: 30)).encoded(serverVersion: Self.version)
        try channel.writeInbound(ByteBuffer(bytes: ticks.flatMap { $0.encoded(serverVersion: Self.version) } + last.prefix(7)))
        try channel.writeInbound(ByteBuffer(bytes: last.dropFirst(7)))
        let all = try await Self.drain(channel, events)
        #expect(all.count == 3, "two batches, then the close")
        guard all.count == 3, case .frames(let first, _) = all[0], case .frames(let second, _) = all[1], case .closed = all[2] else {
            Issue.record("unexpected events \(all)")
            return
        }
        #expect(first == ticks.map { .message(.message($0, ignoredFieldCount: 0)) })
        #expect(second.count == 1)
    }

    @Test func readingStopsWhileTheClientIsBehindAndResumesOnceItCatchesUp() async throws {
        let reads = ReadCounter()
        let gate = ReadGate(limit: 2)
        let (channel, events) = try Self.pipeline(reads: reads, gate: gate)
        let tick = ServerMessage.tickSize(TickSize(reqId: 1, tickType: .volume, size: 5)).encoded(serverVersion: Self.version)
        try channel.writeInbound(ByteBuffer(bytes: tick))
        channel.read()
        #expect(reads.count == 1, "one batch waits: reading goes on")
        try channel.writeInbound(ByteBuffer(bytes: tick))
        channel.read()
        #expect(reads.count == 1, "two batches wait: the read is held")
        #expect(gate.handled(), "the client handled one: the held read is to be issued")
        channel.read()
        #expect(reads.count == 2)
        #expect(!gate.handled(), "no read is held any more")
        // A frame split across reads: nothing is handed over until it is whole.
        try channel.writeInbound(ByteBuffer(bytes: tick.prefix(6)))
        try channel.writeInbound(ByteBuffer(bytes: tick.dropFirst(6)))
        let all = try await Self.drain(channel, events)
        let sizes = all.compactMap { if case .frames(let frames, _) = $0 { frames.count } else { nil } }
        #expect(sizes == [1, 1, 1])
    }

    @Test func aFrameAboveTheLimitBreaksTheFramingAfterWhatCameBeforeIt() async throws {
        let (channel, events) = try Self.pipeline(limit: 64)
        let tick = ServerMessage.tickSize(TickSize(reqId: 1, tickType: .volume, size: 5))
        // A length of 1 MiB announced: refused before any of it is buffered.
        let bytes = tick.encoded(serverVersion: Self.version) + [0x00, 0x10, 0x00, 0x00, 0x31]
        _ = try? channel.writeInbound(ByteBuffer(bytes: bytes))
        let all = try await Self.drain(channel, events)
        guard case .frames(let frames, _)? = all.first, all.count >= 2, case .brokenFraming(let text) = all[1] else {
            Issue.record("unexpected events \(all)")
            return
        }
        #expect(frames == [.message(.message(tick, ignoredFieldCount: 0))])
        #expect(text == "frame length 1048576 exceeds the limit of 64 bytes")
    }

    @Test func aMessageThatIsNotAMessageBreaksTheFramingButAnUnreadableOneIsSkipped() async throws {
        let (channel, events) = try Self.pipeline()
        let unreadable = try #require(EveryServerMessage.withoutLastField(EveryServerMessage.samples()[0]))
        _ = try? channel.writeInbound(ByteBuffer(bytes: unreadable + FrameEncoder.frame(Array("x\0".utf8))))
        let all = try await Self.drain(channel, events)
        guard case .frames(let frames, _)? = all.first, all.count >= 2, case .brokenFraming(let text) = all[1] else {
            Issue.record("unexpected events \(all)")
            return
        }
        guard case .message(.unreadable(let message))? = frames.first else {
            Issue.record("not unreadable: \(frames)")
            return
        }
        #expect(message.messageID == EveryServerMessage.samples()[0].messageID)
        #expect(text.contains("message id is not a number"))
    }
}

/// Counts the reads asked of the channel (it stands first in the pipeline).
final class ReadCounter: ChannelOutboundHandler {
    typealias OutboundIn = Any
    /// Only touched on the EmbeddedChannel's one thread.
    private(set) var count = 0

    func read(context: ChannelHandlerContext) {
        count += 1
        context.read()
    }
}
