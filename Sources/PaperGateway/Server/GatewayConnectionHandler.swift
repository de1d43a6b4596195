import NIOCore

/// The channel handler of one API connection: hands bytes to the engine and tells it when
/// the connection ends. Runs on the engine's event loop.
final class GatewayConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private let engine: GatewayEngine
    private var session: ClientSession?

    init(engine: GatewayEngine) {
        self.engine = engine
    }

    func channelActive(context: ChannelHandlerContext) {
        session = engine.connected(context: context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let session else { return }
        var buffer = unwrapInboundIn(data)
        let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
        engine.receive(bytes, from: session)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if let session { engine.readComplete(session) }
        context.fireChannelReadComplete()
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let session { engine.disconnected(session) }
        session = nil
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A reset or another socket error: the connection is gone; channelInactive cleans up.
        context.close(promise: nil)
    }
}
