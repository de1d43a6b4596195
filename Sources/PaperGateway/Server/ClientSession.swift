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
        /// On a delayed line, the delayed sample last sent.
        var shownDelayed: TopOfBook?
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

    /// Whether requests that were read wait for a later turn (more than
    /// ``GatewayConfiguration/requestsPerTurn`` arrived at once); the socket is not read meanwhile.
    var hasBacklog = false
    /// Whether a turn to handle the waiting requests is scheduled.
    var turnScheduled = false
    /// Whether the gateway stopped reading this client's requests (and drawing its history)
    /// because more than ``GatewayConfiguration/outboundHighWaterBytes`` of its answers wait
    /// unread; it reads again once they fall to half.
    var waitingForWrites = false
    /// Bytes handed to the channel and not yet taken by the kernel (the client reads slower).
    private(set) var pendingWriteBytes = 0
    /// Called on the event loop each time queued bytes reached the kernel.
    var onWritten: (() -> Void)?
    /// Whether the socket is being read (SwiftNIO's autoRead).
    private var reading = true

    private var outbox: [UInt8] = []
    /// The outbox's capacity kept between writes; a larger one (a history answer) is released.
    private static let keptOutboxCapacity = 64 * 1024
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

    /// Queues one message already encoded as a whole frame (a history answer encoded over
    /// several turns).
    func send(frame: [UInt8]) {
        guard phase != .closed, !isHalfOpen else { return }
        if writeObserver != nil {
            var decoder = FrameDecoder(limit: frame.count)
            decoder.append(frame)
            if let payload = try? decoder.nextFrame(), let message = try? ServerMessage.decode(payload, serverVersion: serverVersion) {
                observedMessages.append(message)
            }
        }
        if outbox.isEmpty {
            outbox = frame
        } else {
            outbox.append(contentsOf: frame)
        }
    }

    /// Bytes queued and not yet handed to the channel.
    var queuedBytes: Int { outbox.count }

    /// Writes what is queued.
    func flush() {
        guard !outbox.isEmpty else { return }
        if let writeObserver, !observedMessages.isEmpty {
            writeObserver(GatewayWrite(connectionNumber: connectionNumber, clientId: clientId, messages: observedMessages))
            observedMessages.removeAll(keepingCapacity: true)
        }
        let count = outbox.count
        let buffer = context.channel.allocator.buffer(bytes: outbox)
        outbox.removeAll(keepingCapacity: outbox.capacity <= Self.keptOutboxCapacity)
        pendingWriteBytes += count
        let written = context.eventLoop.makePromise(of: Void.self)
        written.futureResult.assumeIsolated().whenComplete { _ in
            self.pendingWriteBytes -= count
            self.onWritten?()
        }
        context.writeAndFlush(NIOAny(buffer), promise: written)
    }

    /// Flushes what is queued (or, with `discardingQueued`, drops it), then closes the connection.
    @discardableResult
    func close(discardingQueued: Bool = false) -> EventLoopFuture<Void> {
        if discardingQueued {
            outbox = []
            observedMessages = []
        } else {
            flush()
        }
        phase = .closed
        context.close(promise: nil)
        return context.channel.closeFuture
    }

    /// Reads the socket only while nothing holds it: a connection held by the half-open fault,
    /// requests waiting for a later turn, or answers the client has not read.
    func updateReading() {
        let wanted = phase != .closed && !(isHalfOpen && !dropsRequests) && !hasBacklog && !waitingForWrites
        guard wanted != reading else { return }
        reading = wanted
        _ = context.channel.setOption(ChannelOptions.autoRead, value: wanted)
        if wanted { context.read() }
    }

    /// Runs `body` on the event loop in a later loop tick, after the loop has looked at the
    /// sockets again: 100 µs ahead, because SwiftNIO runs a task scheduled for now in the tick
    /// that scheduled it (it empties its task queue before it polls).
    func later(_ body: @escaping () -> Void) {
        context.eventLoop.assumeIsolated().scheduleTask(in: .microseconds(100), body)
    }

    /// How many subscriptions the connection holds (lines, streams, account and PnL).
    var subscriptionCount: Int {
        tickers.count + depth.count + tickByTick.count + realTimeBars.count + historyStreams.count
            + accountSummaries.count + accountMulti.count + pnl.count + pnlSingle.count
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
        updateReading()
    }

    /// Ends the half-open fault: the connection answers again.
    func endHalfOpen() {
        isHalfOpen = false
        dropsRequests = false
        updateReading()
    }
}
