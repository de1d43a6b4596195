import NIOCore
import NIOPosix

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one socket reports to the client, in order.
enum TransportEvent: Sendable {
    /// Bytes arrived.
    case bytes([UInt8])
    /// The peer closed the socket (or it was closed locally).
    case closed
    /// The socket failed.
    case failed(String)
}

/// Opens TCP connections with SwiftNIO and turns their inbound side into an ordered
/// `AsyncStream` of ``TransportEvent``s. Framing and decoding happen in the client.
enum NIOTransport {
    /// Connects to `host:port` and returns the channel and its inbound events.
    static func connect(
        host: String,
        port: Int,
        timeout: Duration,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> (channel: any Channel, events: AsyncStream<TransportEvent>) {
        let (events, continuation) = AsyncStream.makeStream(of: TransportEvent.self)
        let milliseconds = max(1, Int64(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000))
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(.milliseconds(milliseconds))
            .channelOption(ChannelOptions.tcpOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(InboundForwarder(continuation: continuation))
                }
            }
        do {
            let channel = try await bootstrap.connect(host: host, port: port).get()
            return (channel, events)
        } catch {
            continuation.finish()
            throw error
        }
    }
}

extension NIOTransport {
    /// A plain description of a connect or socket error, e.g. `connection refused`.
    static func describe(_ error: any Error) -> String {
        if let error = error as? NIOConnectionError {
            if let first = error.connectionErrors.first { return describe(first.error) }
            if error.dnsAError != nil || error.dnsAAAAError != nil { return "the host name could not be resolved" }
            return "the connection failed"
        }
        if let error = error as? IOError {
            return String(cString: strerror(error.errnoCode)).lowercased()
        }
        if let error = error as? ChannelError, case .connectTimeout = error {
            return "the gateway did not accept the connection in time"
        }
        return String(describing: error)
    }
}

/// Forwards a channel's inbound bytes, closure and errors into an `AsyncStream`.
///
/// Sendable because its only state is the stream's continuation, which is itself Sendable.
final class InboundForwarder: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer

    private let continuation: AsyncStream<TransportEvent>.Continuation

    init(continuation: AsyncStream<TransportEvent>.Continuation) {
        self.continuation = continuation
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        if let bytes = buffer.readBytes(length: buffer.readableBytes), !bytes.isEmpty {
            continuation.yield(.bytes(bytes))
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        continuation.yield(.closed)
        continuation.finish()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        continuation.yield(.failed(NIOTransport.describe(error)))
        context.close(promise: nil)
    }
}
