import NIOCore
import TWSSession
import TWSWire

/// The last handler of a connection's pipeline: collects the frames ``TWSFrameDecoder``
/// decodes during one read and hands them to the client as one batch at `channelReadComplete`,
/// so the client's task and actor are entered once per read, not once per message. The batch
/// carries the instant the read completed, from the client's clock.
///
/// The channel runs with `autoRead` off: the client calls `read()` once it has handled a
/// batch, so a client that falls behind stops reading the socket (TCP then slows the gateway)
/// instead of buffering without bound. A read that completed no frame (a frame split across
/// reads) hands nothing over, so the batcher asks for the next read itself.
final class InboundBatcher: ChannelInboundHandler {
    typealias InboundIn = InboundFrame

    private let continuation: AsyncStream<TransportEvent>.Continuation
    private let clock: any TWSClock
    private var batch: [InboundFrame] = []

    init(continuation: AsyncStream<TransportEvent>.Continuation, clock: any TWSClock) {
        self.continuation = continuation
        self.clock = clock
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        batch.append(unwrapInboundIn(data))
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if batch.isEmpty {
            // Nothing for the client, which will therefore not ask for more: the frame under
            // way needs the next read.
            context.read()
        } else {
            deliver()
        }
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
        continuation.yield(.frames(batch, receivedAt: clock.now()))
        batch = []
    }
}
