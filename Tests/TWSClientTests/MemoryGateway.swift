import NIOCore
import NIOEmbedded
import Synchronization
@testable import TWSClient
import TWSSession
import TWSWire

/// A gateway in memory, for tests on the manual clock: the client's channel is a
/// `NIOAsyncTestingChannel` whose pipeline starts with ``MemoryGatewayHandler``, which reads
/// what the client writes (stamped with the manual clock's instant), answers the handshake,
/// START_API, reconciliation and, unless told not to, keepalive probes, on the channel's loop.
final class MemoryGateway: Sendable {
    struct Sent: Sendable {
        var at: SessionInstant
        var message: ClientMessage
    }

    private struct State: Sendable {
        var sent: [Sent] = []
        var answersProbes = true
        /// Sent right after the start-up messages, in the same read.
        var startupNotices: [ErrorMessage] = []
        var channel: NIOAsyncTestingChannel?
    }

    static let serverVersion = 200
    let clock: ManualClock
    private let state = Mutex(State())

    init(clock: ManualClock) {
        self.clock = clock
    }

    /// The opener to put in the client's configuration.
    var opener: TWSChannelOpener {
        TWSChannelOpener { [self] _, _, _, setUp in
            let channel = NIOAsyncTestingChannel()
            try await channel.testingEventLoop.executeInContext {
                try channel.pipeline.syncOperations.addHandler(MemoryGatewayHandler(gateway: self))
                try setUp(channel)
            }
            state.withLock { $0.channel = channel }
            try await channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 4002)).get()
            return channel
        }
    }

    /// Every message the client sent, with the manual clock's instant when it was written.
    var sent: [Sent] { state.withLock { $0.sent } }

    /// Whether keepalive probes (reqCurrentTime) are answered.
    var answersProbes: Bool {
        get { state.withLock { $0.answersProbes } }
        set { state.withLock { $0.answersProbes = newValue } }
    }

    /// Notices sent right after the start-up messages, in the same read (e.g. 2110).
    var startupNotices: [ErrorMessage] {
        get { state.withLock { $0.startupNotices } }
        set { state.withLock { $0.startupNotices = newValue } }
    }

    /// The latest connection's channel.
    var channel: NIOAsyncTestingChannel? { state.withLock { $0.channel } }

    /// Returns once the channel's loop has run everything queued on it before (the client's
    /// writes), so ``sent`` holds them.
    func settle() async throws {
        try await channel?.testingEventLoop.executeInContext {}
    }

    /// Sends `frames` to the client as one read.
    func deliver(_ messages: [ServerMessage]) async throws {
        try await channel?.writeInbound(ByteBuffer(bytes: messages.flatMap { $0.encoded(serverVersion: Self.serverVersion) }))
    }

    func record(_ message: ClientMessage) {
        let at = clock.now()
        state.withLock { $0.sent.append(Sent(at: at, message: message)) }
    }

    func answers(to message: ClientMessage) -> [ServerMessage] {
        switch message {
        case .startAPI:
            return [.managedAccounts(ManagedAccounts(accounts: ["DU1234567"])), .nextValidId(NextValidID(orderId: 1))]
                + startupNotices.map { .error($0) }
        case .requestOpenOrders, .requestAllOpenOrders:
            return [.openOrderEnd]
        case .requestExecutions(let request):
            return [.executionDataEnd(reqId: request.reqId)]
        case .requestCurrentTime where answersProbes:
            return [.currentTime(CurrentTime(time: 1_760_000_000))]
        default:
            return []
        }
    }
}

/// The gateway's end of the in-memory channel: the first handler of the client's pipeline.
final class MemoryGatewayHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let gateway: MemoryGateway
    private var decoder = FrameDecoder()
    private var sawPrefix = false
    private var sawHello = false

    init(gateway: MemoryGateway) {
        self.gateway = gateway
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        var buffer = unwrapOutboundIn(data)
        var bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
        promise?.succeed(())
        if !sawPrefix, bytes.starts(with: Handshake.prefix) {
            bytes.removeFirst(Handshake.prefix.count)
            sawPrefix = true
        }
        decoder.append(bytes)
        var replies: [UInt8] = []
        while let frame = try? decoder.nextFrame() {
            guard sawHello else {
                sawHello = true
                replies += ServerHello(serverVersion: MemoryGateway.serverVersion, connectionTime: "20250415 19:38:30 CET").encoded()
                continue
            }
            guard let message = try? ClientMessage.decode(frame, serverVersion: MemoryGateway.serverVersion) else { continue }
            gateway.record(message)
            for reply in gateway.answers(to: message) { replies += reply.encoded(serverVersion: MemoryGateway.serverVersion) }
        }
        guard !replies.isEmpty else { return }
        // Answered as a later read, after the write has returned.
        let loop = context.eventLoop.assumeIsolated()
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        loop.execute {
            bound.value.fireChannelRead(NIOAny(ByteBuffer(bytes: replies)))
            bound.value.fireChannelReadComplete()
        }
    }

    func flush(context: ChannelHandlerContext) {}
}
