import NIOCore
import TWSSession
import TWSWire

/// A connection's pipeline handler: cuts and decodes the bytes of each socket read with
/// ``TWSFrameDecoder`` (driven by NIO's `NIOSingleStepByteToMessageProcessor`, which keeps a
/// partial frame for the next read), collects the frames decoded during one read and hands
/// them to the client as one batch at `channelReadComplete`, so the client's task and actor
/// are entered once per read, not once per message. The batch carries the instant the read
/// completed, from the client's clock. With a flight recorder, the raw payloads of the read's
/// frames (kept by the decoder) go to the recorder at the same moment. A stream that lost its framing is reported after the
/// frames before it, and the channel closed.
///
/// Back-pressure: the channel reads by itself (`autoRead`) while the client keeps up; the
/// batcher holds the channel's reads while ``ReadGate/limit`` batches wait for the client, until
/// the client has handled one (``ReadGate/handled()``).
final class InboundBatcher: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = Any

    private let continuation: AsyncStream<TransportEvent>.Continuation
    private let clock: any TWSClock
    private let gate: ReadGate
    private let frames: NIOSingleStepByteToMessageProcessor<TWSFrameDecoder>
    private var batch: [InboundFrame] = []
    private var broken = false
    private let recorder: FlightRecorder?
    private let traceConnection: UInt32
    private let capture: InboundCapture?

    init(
        continuation: AsyncStream<TransportEvent>.Continuation, clock: any TWSClock, gate: ReadGate,
        decoder: TWSFrameDecoder = TWSFrameDecoder(), recorder: FlightRecorder? = nil, traceConnection: UInt32 = 0
    ) {
        self.continuation = continuation
        self.clock = clock
        self.gate = gate
        self.recorder = recorder
        self.traceConnection = traceConnection
        let capture = recorder.map { _ in InboundCapture() }
        self.capture = capture
        let decoder = TWSFrameDecoder(limit: decoder.limit, serverVersion: decoder.serverVersion, capture: capture)
        self.frames = NIOSingleStepByteToMessageProcessor(decoder, maximumBufferSize: decoder.limit + 4)
    }

    func read(context: ChannelHandlerContext) {
        if gate.mayRead() { context.read() }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !broken else { return }
        do {
            try frames.process(buffer: unwrapInboundIn(data)) { batch.append($0) }
        } catch {
            broken = true
            deliver()
            continuation.yield(.brokenFraming("\(error)"))
            context.close(promise: nil)
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        deliver()
        context.fireChannelReadComplete()
    }

    func channelInactive(context: ChannelHandlerContext) {
        deliver()
        continuation.yield(.closed)
        continuation.finish()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // What was decoded before the error is still delivered, in order.
        deliver()
        continuation.yield(.failed(NIOTransport.describe(error)))
        context.close(promise: nil)
    }

    private func deliver() {
        if let recorder, let capture, !capture.isEmpty {
            recorder.recordInbound(capture, connection: traceConnection)
            capture.removeAll()
        }
        guard !batch.isEmpty else { return }
        gate.handedOver()
        continuation.yield(.frames(batch, receivedAt: clock.now()))
        batch = []
    }
}
