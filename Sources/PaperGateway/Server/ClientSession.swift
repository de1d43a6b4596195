import NIOCore
import PaperExchange
import TWSWire
import Vocabulary

/// One API connection as the gateway sees it: handshake phase, negotiated version, client id,
/// subscriptions and the bytes waiting to be written.
///
/// Lives on the gateway's event loop only, like every other part of the engine.
final class ClientSession {
    /// Where the connection is in the handshake.
    enum Phase {
        case awaitingPrefix
        case awaitingVersion
        case awaitingStartAPI
        case ready
        case closed
    }

    /// One reqMktData line.
    struct Ticker {
        var conId: Int
        var delayed: Bool
        /// Generic tick 233 (or 375): an RTVolume string with each trade.
        var rtVolume = false
        /// Generic tick 221: the mark price with each quote change.
        var markPrice = false
    }

    /// A number for logs, unique for the server's lifetime.
    let connectionNumber: Int
    /// The peer's address, for logs.
    let peer: String
    private let context: ChannelHandlerContext

    var phase: Phase = .awaitingPrefix
    var prefix: [UInt8] = []
    var decoder: FrameDecoder
    /// When the connection was accepted (for the handshake timeout).
    let acceptedAt: Timestamp
    /// Pacing: the second (since the epoch) being counted, its message count, whether 100
    /// was sent for it, and how many seconds in a row went over the limit.
    var pacingSecond: Int64 = .min
    var messagesThisSecond = 0
    var warnedThisSecond = false
    var secondsOverLimit = 0
    var serverVersion = 0
    var clientId: Int?
    /// reqMarketDataType: 1 live, 2 frozen, 3 delayed, 4 delayed-frozen.
    var marketDataType = 1
    var tickers: [Int: Ticker] = [:]
    var accountUpdates = false
    var positions = false
    var accountSummaries: [Int: Set<String>?] = [:]
    var accountMulti: Set<Int> = []
    var pnl: Set<Int> = []
    var pnlSingle: [Int: Int] = [:]
    /// IB's historical pacing for this client.
    var historyPacing = HistoricalPacing()
    /// keepUpToDate historical requests, by request id.
    var historyStreams: [Int: HistoryStream] = [:]
    /// reqMktDepth lines, by request id.
    var depth: [Int: DepthStream] = [:]
    /// reqTickByTickData lines, by request id.
    var tickByTick: [Int: TickByTickStream] = [:]
    /// reqRealTimeBars lines, by request id.
    var realTimeBars: [Int: RealTimeBarStream] = [:]
    /// Whether the server has stopped answering (half-open fault).
    var isHalfOpen = false
    /// Whether requests arriving during the half-open fault are read and dropped whole (a
    /// connection that was established when the fault began), rather than left unread until
    /// it ends (a connection that arrived during the fault).
    var dropsRequests = false

    private var outbox: [UInt8] = []
    /// Sees each write (``GatewayConfiguration/writeObserver``); `nil` keeps no messages.
    private let writeObserver: (@Sendable (GatewayWrite) -> Void)?
    /// The messages in ``outbox``, kept only for the observer.
    private var observedMessages: [ServerMessage] = []

    init(
        connectionNumber: Int, context: ChannelHandlerContext, acceptedAt: Timestamp, maximumRequestBytes: Int,
        writeObserver: (@Sendable (GatewayWrite) -> Void)? = nil
    ) {
        self.connectionNumber = connectionNumber
        self.acceptedAt = acceptedAt
        self.decoder = FrameDecoder(limit: maximumRequestBytes)
        self.context = context
        self.writeObserver = writeObserver
        peer = context.remoteAddress.map { "\($0)" } ?? "unknown"
    }

    /// A description for log lines.
    var label: String {
        "connection \(connectionNumber) (client id \(clientId.map(String.init) ?? "-"), \(peer))"
    }

    /// Queues a message; ``flush()`` writes it.
    func send(_ message: ServerMessage) {
        guard phase != .closed, !isHalfOpen else { return }
        message.append(to: &outbox, serverVersion: serverVersion)
        if writeObserver != nil { observedMessages.append(message) }
    }

    /// Queues raw bytes (the handshake reply).
    func sendRaw(_ bytes: [UInt8]) {
        guard phase != .closed else { return }
        outbox.append(contentsOf: bytes)
    }

    /// Writes what is queued.
    func flush() {
        guard !outbox.isEmpty else { return }
        if let writeObserver, !observedMessages.isEmpty {
            writeObserver(GatewayWrite(connectionNumber: connectionNumber, clientId: clientId, messages: observedMessages))
            observedMessages.removeAll(keepingCapacity: true)
        }
        let buffer = context.channel.allocator.buffer(bytes: outbox)
        outbox.removeAll(keepingCapacity: true)
        context.writeAndFlush(NIOAny(buffer), promise: nil)
    }

    /// Flushes what is queued, then closes the connection.
    @discardableResult
    func close() -> EventLoopFuture<Void> {
        flush()
        phase = .closed
        context.close(promise: nil)
        return context.channel.closeFuture
    }

    /// Begins the half-open fault on this connection. An established connection behaves as
    /// a path that swallows traffic both ways: what the client sends is read and dropped and
    /// nothing goes back, so no request sent during the fault is ever carried out. (Leaving the
    /// bytes unread instead would let TCP flow control decide: the kernel drops them with the
    /// socket when the client gives up, unless the receive window filled first, in which case
    /// the rest arrives after the fault ends and orders the client gave up on are placed after
    /// it reconnected.) A connection accepted during the fault is only held: it is not read
    /// until the fault ends, so its handshake is answered then.
    func beginHalfOpen(established: Bool) {
        isHalfOpen = true
        dropsRequests = established
        if !established { _ = context.channel.setOption(ChannelOptions.autoRead, value: false) }
    }

    /// Ends the half-open fault: the connection answers again.
    func endHalfOpen() {
        let wasHeld = isHalfOpen && !dropsRequests
        isHalfOpen = false
        dropsRequests = false
        if wasHeld {
            _ = context.channel.setOption(ChannelOptions.autoRead, value: true)
            context.read()
        }
    }
}
