import NIOCore
import TWSSession
import TWSWire

/// The last handler of a connection's pipeline: collects the frames ``TWSFrameDecoder``
/// decodes during one read and hands them to the client as one batch at `channelReadComplete`,
/// so the client's task and actor are entered once per read, not once per message. The batch
/// carries the instant the read completed, from the client's clock.
///
/// Back-pressure: the channel reads by itself (`autoRead`) while the client keeps up; the
/// batcher holds the channel's reads while ``ReadGate/limit`` batches wait for the client, until
/// the client has handled one (``ReadGate/handled()``).
final class InboundBatcher: ChannelDuplexHandler {
    typealias InboundIn = InboundFrame
    typealias OutboundIn = Any

    private let continuation: AsyncStream<TransportEvent>.Continuation
    private let clock: any TWSClock
    private let gate: ReadGate
    private var batch: [InboundFrame] = []

    init(continuation: AsyncStream<TransportEvent>.Continuation, clock: any TWSClock, gate: ReadGate) {
        self.continuation = continuation
        self.clock = clock
        self.gate = gate
    }

    func read(context: ChannelHandlerContext) {
        if gate.mayRead() { context.read() }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        batch.append(unwrapInboundIn(data))
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
        switch error {
        case is FramingError, is HandshakeError:
            continuation.yield(.brokenFraming("\(error)"))
        default:
            continuation.yield(.failed(NIOTransport.describe(error)))
        }
        context.close(promise: nil)
    }

    private func deliver() {
        guard !batch.isEmpty else { return }
        gate.handedOver()
        continuation.yield(.frames(batch, receivedAt: clock.now()))
        batch = []
    }
}
