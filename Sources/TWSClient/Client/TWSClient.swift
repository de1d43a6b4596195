import Logging
import NIOCore
import TWSSession
import TWSWire
import Vocabulary

/// A connection to IB Gateway / TWS that notices drops, reconnects, resubscribes and
/// reconciles, with an async/await API.
///
/// The client speaks the TWS API socket protocol through SwiftNIO (frames are cut and decoded
/// in the channel pipeline and handed over once per socket read) and carries out what the pure
/// layers decide: TWSStreams' routing, quote accumulation and order reconciliation, and the
/// `TWSSession` policies: the connection state machine, pacing (at most 50 messages in any
/// second, nothing dropped), keepalive probing (reqCurrentTime after 2 s of silence, dead 3 s
/// later), reconnect backoff with jitter, request and order id allocation, the subscription
/// table, data-farm tracking with silent-feed detection, and the paper guard.
///
/// Streams outlive connections: when the link drops, every stream sees a ``StreamGap`` and
/// then ``QuoteEvent/resumed`` once the subscription has been re-sent on the next connection.
///
/// ```swift
/// let client = IBClient(logger: Logger(label: "tws.client"))
/// let session = try await client.connect(host: "127.0.0.1", port: 4002, clientId: 7)
/// for await event in await client.subscribeQuotes(Contract(symbol: "AAPL")) {
///     if case .update(let quote) = event { print(quote.bid ?? 0, quote.ask ?? 0) }
/// }
/// ```
public actor IBClient {
    /// The configuration in force.
    public let configuration: TWSClientConfiguration
    let logger: Logger
    let clock: any TWSClock
    let paperGuard: PaperGuard

    // Session policies.
    var machine: ConnectionStateMachine
    var keepalive: KeepaliveMonitor?
    var health: MarketDataHealthMonitor
    var table = SubscriptionTable<SubscriptionRequest>()
    var requestIDs = RequestIDAllocator()
    var orderIDs = OrderIDAllocator()
    var queue: PacedQueue<Outgoing>

    // The current connection.
    struct Endpoint: Sendable {
        var host: String
        var port: Int
        var clientId: Int
    }
    struct Outgoing: Sendable {
        var generation: Int
        var message: ClientMessage
    }
    var endpoint: Endpoint?
    var channel: (any Channel)?
    var generation = 0
    /// The flight recorder's number for the current connection (0 without a recorder).
    var traceConnection: UInt32 = 0
    var serverVersion: Int?
    var session: SessionInfo?
    var everUsable = false
    var connectWaiter: AsyncThrowingStream<SessionInfo, any Error>.Continuation?
    var connectFailure: TWSClientError?
    var requestedMarketDataType: MarketDataType?
    var lastLostAt: SessionInstant?
    var unreadable = UnreadableMessageBook()

    // Timers.
    var timerTask: Task<Void, Never>?
    var timerDeadline: SessionInstant?

    // Subscribers.
    var sinks: [SubscriptionKey: SubscriptionSink] = [:]
    /// The quote feeds, by number (see `QuoteFeed`).
    var quoteFeeds: [ObjectIdentifier: QuoteFeedBuffer] = [:]
    /// Routing and quote accumulation (pure).
    var router = StreamRouter()
    /// Order tracking and reconciliation (pure).
    var orders = OrderBook()
    /// The stream of every order whose stream is open.
    var orderStreams: [Int: AsyncStream<OrderEvent>.Continuation] = [:]
    var pending = PendingRequests()
    /// What the ids of orders and one-shot requests stood for, for their notices.
    var requestContexts = RequestContextBook()
    /// When the next symbol search may be sent (IB: one a second).
    var symbolSearches: RequestSpacing
    var stateObservers = Broadcaster<TWSConnectionStatus>()
    var noticeObservers = Broadcaster<TWSNotice>()
    var nextOrderIDObservers = Broadcaster<Int>()
    var orderActivityObservers = Broadcaster<OrderActivity>()
    var lastStatus: TWSConnectionStatus

    /// Creates a disconnected client.
    ///
    /// - Parameters:
    ///   - configuration: timers, pacing, backoff and the allow-live flag.
    ///   - logger: where the client logs (label it, e.g. `tws.client`); never stdout.
    public init(configuration: TWSClientConfiguration = TWSClientConfiguration(), logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        self.clock = configuration.clock
        self.paperGuard = PaperGuard(allowLive: configuration.allowLive)
        let seed = configuration.reconnectSeed ?? UInt64.random(in: .min ... .max)
        let reconnect = ReconnectPolicy(
            initialDelay: configuration.reconnectInitialDelay,
            maximumDelay: max(configuration.reconnectMaximumDelay, configuration.reconnectInitialDelay),
            jitter: configuration.reconnectJitter,
            generator: SeededGenerator(seed: seed)
        )
        self.machine = ConnectionStateMachine(
            configuration: .init(
                establishTimeout: configuration.establishTimeout,
                synchronizationTimeout: configuration.synchronizationTimeout,
                acceptedServerVersions: configuration.versionOffer.range
            ),
            reconnect: reconnect
        )
        self.health = MarketDataHealthMonitor(grace: configuration.silentFeedGrace)
        self.symbolSearches = RequestSpacing(interval: configuration.symbolSearchSpacing)
        self.queue = PacedQueue(policy: PacingPolicy(
            limit: configuration.pacingLimit,
            per: configuration.pacingWindow,
            burst: min(max(configuration.pacingBurst, 1), configuration.pacingLimit)
        ))
        self.lastStatus = TWSConnectionStatus(state: .disconnected, at: configuration.clock.now(), lastMessageAt: nil)
    }

    // MARK: Connecting

    /// Connects, performs the handshake and START_API, waits for the server version, the
    /// connection time, nextValidId and the managed accounts, re-sends any subscription made
    /// before, reconciles orders, and returns once the connection is usable.
    ///
    /// From then on the client reconnects by itself whenever the link drops. When the first
    /// connection fails, `connect` throws ``TWSClientError/Code/connectFailed`` and the client
    /// stops (unless ``TWSClientConfiguration/retryInitialConnect`` is set).
    @discardableResult
    public func connect(host: String, port: Int, clientId: Int) async throws(TWSClientError) -> SessionInfo {
        try await connect(host: host, port: port, clientIds: .pinned(clientId))
    }

    /// Connects as ``connect(host:port:clientId:)`` does, with a client id from `clientIds`:
    /// when the gateway refuses an id as in use (IB 326) the client connects again at once as
    /// the next id of the pool (no backoff); a pinned id, or a pool whose every id was
    /// refused, waits the backoff (and, on a first connection without
    /// ``TWSClientConfiguration/retryInitialConnect``, fails). ``clientID`` is the id in use.
    @discardableResult
    public func connect(host: String, port: Int, clientIds: ClientIDPool) async throws(TWSClientError) -> SessionInfo {
        guard case .disconnected = machine.state else {
            throw TWSClientError(.alreadyConnected, "the client is already connected or connecting")
        }
        machine.clientIDs = clientIds
        let clientId = clientIds.current
        endpoint = Endpoint(host: host, port: port, clientId: clientId)
        everUsable = false
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: SessionInfo.self)
        connectWaiter = continuation
        logger.info("connecting", metadata: ["tws.endpoint": "\(host):\(port)", "tws.client_id": "\(clientId)"])
        perform(machine.handle(.connectRequested, now: clock.now()))
        rearmTimer()
        do {
            for try await info in stream { return info }
        } catch let error as TWSClientError {
            throw error
        } catch {
            throw TWSClientError(.connectFailed, "could not connect to \(host):\(port): \(error)")
        }
        throw TWSClientError(.connectFailed, "could not connect to \(host):\(port): cancelled")
    }

    /// While waiting to reconnect, tries now instead of at the scheduled attempt; otherwise
    /// does nothing.
    public func retryNow() {
        perform(machine.handle(.retryRequested, now: clock.now()))
        rearmTimer()
    }

    /// Closes the connection, stops reconnecting and ends every stream.
    public func disconnect() {
        logger.info("disconnecting")
        perform(machine.handle(.userDisconnect, now: clock.now()))
        closeChannel("disconnected by ibterm")
        timerTask?.cancel()
        timerTask = nil
        timerDeadline = nil
        connectWaiter?.finish(throwing: TWSClientError(.connectFailed, "disconnected before the connection was usable"))
        connectWaiter = nil
        pending.failAll(with: TWSClientError(.notConnected, "the client disconnected"))
        for sink in sinks.values { sink.finish() }
        sinks.removeAll()
        for feed in quoteFeeds.values { feed.finish() }
        quoteFeeds.removeAll()
        router.removeAll()
        table = SubscriptionTable()
        for continuation in orderStreams.values { continuation.finish() }
        orderStreams.removeAll()
        orders.removeAll()
        stateObservers.finishAll()
        noticeObservers.finishAll()
        nextOrderIDObservers.finishAll()
        orderActivityObservers.finishAll()
    }

    // MARK: Observing

    /// The current session (server version, connection time, accounts), once connected.
    public var sessionInfo: SessionInfo? { session }

    /// The current connection status.
    public var connectionStatus: TWSConnectionStatus { lastStatus }

    /// The state of every data farm the gateway has reported.
    public var farmStates: [FarmStatusTracker.FarmID: FarmState] { health.farms.farms }

    /// Whether orders would go to a paper account, a live one, or it is not known yet.
    public var tradingEnvironment: TradingEnvironment {
        PaperGuard.environment(managedAccounts: session?.accounts ?? [], port: endpoint?.port)
    }

    /// Every connection state change, starting with the current state.
    public func connectionStates() -> AsyncStream<TWSConnectionStatus> {
        let (id, stream, continuation) = stateObservers.add()
        continuation.yield(lastStatus)
        continuation.onTermination = { [weak self] _ in
            Task { await self?.removeStateObserver(id) }
        }
        return stream
    }

    /// Every ERR_MSG the gateway sends (errors, warnings, connectivity and farm notices).
    public func notices() -> AsyncStream<TWSNotice> {
        let (id, stream, continuation) = noticeObservers.add()
        continuation.onTermination = { [weak self] _ in
            Task { await self?.removeNoticeObserver(id) }
        }
        return stream
    }

    /// The lowest usable order id each time the gateway moves it (nextValidId: at connect, on
    /// reqIds, and when another client of the same account takes ids), so a caller choosing
    /// its own order ids stays clear of ids already used.
    public func nextOrderIDs() -> AsyncStream<Int> {
        let (id, stream, continuation) = nextOrderIDObservers.add()
        if let next = orderIDs.nextID { continuation.yield(next) }
        continuation.onTermination = { [weak self] _ in
            Task { await self?.removeNextOrderIDObserver(id) }
        }
        return stream
    }

    /// The events of orders this connection does not follow and did not ask about (see
    /// ``OrderActivity``): an order placed under this client id earlier, or, in a replay, the
    /// recorded session's own orders. Orders placed through ``placeOrder(_:_:)`` report on
    /// their handles instead; answers to ``allOpenOrders()``, ``executions()`` and kin on
    /// those calls.
    public func orderActivity() -> AsyncStream<OrderActivity> {
        let (id, stream, continuation) = orderActivityObservers.add()
        continuation.onTermination = { [weak self] _ in
            Task { await self?.removeOrderActivityObserver(id) }
        }
        return stream
    }

    private func removeOrderActivityObserver(_ id: Int) { orderActivityObservers.remove(id) }
    private func removeNextOrderIDObserver(_ id: Int) { nextOrderIDObservers.remove(id) }
    private func removeStateObserver(_ id: Int) { stateObservers.remove(id) }
    private func removeNoticeObserver(_ id: Int) { noticeObservers.remove(id) }
}
