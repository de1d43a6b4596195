import NIOCore
import TWSWire

/// One connection of the ``ScriptedServer``: the server side of the handshake, then decoded
/// client messages, recorded and answered on the event loop.
final class ScriptedServerHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let server: ScriptedServer
    private let connection: Int
    private var prefix: [UInt8] = []
    private var sawPrefix = false
    private var decoder = FrameDecoder()
    private var serverVersion: Int?

    init(server: ScriptedServer, connection: Int) {
        self.server = server
        self.connection = connection
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        var bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
        if !sawPrefix {
            prefix += bytes
            guard prefix.count >= Handshake.prefix.count else { return }
            guard Array(prefix.prefix(4)) == Handshake.prefix else {
                context.close(promise: nil)
                return
            }
            bytes = Array(prefix.dropFirst(4))
            sawPrefix = true
        }
        decoder.append(bytes)
        while let frame = try? decoder.nextFrame() {
            handle(frame, context: context)
        }
        context.flush()
    }

    private func handle(_ frame: ArraySlice<UInt8>, context: ChannelHandlerContext) {
        guard let serverVersion else {
            let version = server.state.withLock { $0.book.serverVersion }
            self.serverVersion = version
            let hello = ServerHello(serverVersion: version, connectionTime: "20250415 19:38:30 British Summer Time")
            context.write(wrapOutboundOut(ByteBuffer(bytes: hello.encoded())), promise: nil)
            return
        }
        guard let message = try? ClientMessage.decode(frame, serverVersion: serverVersion) else { return }
        server.record(message, connection: connection)
        guard !server.isSilent(connection) else { return }
        for reply in server.answers(to: message) {
            context.write(wrapOutboundOut(ByteBuffer(bytes: reply.encoded(serverVersion: serverVersion))), promise: nil)
        }
    }
}
