import Logging
import NIOCore
import NIOPosix
import PaperExchange

/// The embedded paper gateway: a TCP server that speaks the TWS API (handshake, START_API,
/// market data, orders, account, positions, contract details, historical bars) against a
/// simulated exchange, with an SQLite ledger and injectable faults.
///
/// Every connection and the market timer run on one event loop, which owns the exchange, so
/// requests and ticks are handled one at a time in arrival order.
///
/// ```swift
/// let server = try await PaperGatewayServer.start(configuration: GatewayConfiguration(port: 0))
/// print("listening on", server.port)
/// try await server.inject(.dataFarmBroken(farm: "usfarm"))
/// try await server.stop()
/// ```
public final class PaperGatewayServer: Sendable {
    /// The address the server is bound to.
    public let host: String
    /// The TCP port the server is bound to (the one the system picked when asked for 0).
    public let port: Int
    /// How the server runs (the port as asked: see ``port`` for the one bound).
    public let configuration: GatewayConfiguration

    private let group: MultiThreadedEventLoopGroup
    let loop: any EventLoop
    let engine: NIOLoopBound<GatewayEngine>
    private let channel: any Channel
    private let timer: RepeatedTask?
    private let lock: LedgerLock?

    private init(
        host: String, port: Int, configuration: GatewayConfiguration, group: MultiThreadedEventLoopGroup, loop: any EventLoop,
        engine: NIOLoopBound<GatewayEngine>, channel: any Channel, timer: RepeatedTask?, lock: LedgerLock?
    ) {
        self.configuration = configuration
        self.lock = lock
        self.host = host
        self.port = port
        self.group = group
        self.loop = loop
        self.engine = engine
        self.channel = channel
        self.timer = timer
    }

    /// Loads the bundled instruments, opens the ledger, binds and starts the market timer.
    public static func start(configuration: GatewayConfiguration) async throws -> PaperGatewayServer {
        try await start(configuration: configuration, universe: try GatewayResources.universe().listingFutures(on: configuration.clock.now()))
    }

    /// Starts a server trading `universe`.
    ///
    /// With a ledger file it first becomes the ledger's only owner: it takes the lock beside the
    /// file (or uses ``GatewayConfiguration/ledgerLock``) and, once listening, publishes where it
    /// listens in the owner file (see ``LedgerLock``); ``stop()`` removes the file and unlocks.
    ///
    /// - Throws: ``LedgerHeldError`` when another gateway owns the ledger, ``LedgerLockError``
    ///   when the lock or owner file cannot be written, or the bind's and ledger's errors.
    public static func start(
        configuration: GatewayConfiguration, universe: InstrumentUniverse
    ) async throws -> PaperGatewayServer {
        if configuration.allowedClients == nil, !ClientAddressRange.isLoopback(host: configuration.host) {
            throw UntrustedBindError(host: configuration.host)
        }
        var lock = configuration.ledgerLock
        if lock == nil, let path = configuration.statePath {
            guard let acquired = try LedgerLock.acquire(ledgerPath: path) else {
                throw LedgerHeldError(ledgerPath: path, owner: LedgerOwnership.validOwner(ledgerPath: path))
            }
            lock = acquired
        }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let loop = group.next()
        do {
            let engine = try await loop.submit {
                NIOLoopBound(try GatewayEngine(configuration: configuration, universe: universe), eventLoop: loop)
            }.get()
            let channel = try await ServerBootstrap(group: group)
                .serverChannelOption(ChannelOptions.backlog, value: 256)
                .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
                // What one read hands the engine, at most (GatewayConfiguration.readBytesPerTurn).
                .childChannelOption(ChannelOptions.maxMessagesPerRead, value: 4)
                .childChannelOption(ChannelOptions.recvAllocator, value: AdaptiveRecvByteBufferAllocator(minimum: 64, initial: 2048, maximum: 65_536))
                .childChannelInitializer { [allowed = configuration.allowedClients, logger = configuration.logger] channel in
                    if let allowed, let peer = channel.remoteAddress, !allowed.contains(where: { $0.contains(peer) }) {
                        logger.warning("refused a connection from \(peer): not in the allowed clients (\(allowed.map(\.description).joined(separator: ",")))")
                        return channel.close()
                    }
                    return channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(GatewayConnectionHandler(engine: engine.value))
                    }
                }
                .bind(host: configuration.host, port: configuration.port)
                .get()
            let port = channel.localAddress?.port ?? configuration.port
            var timer: RepeatedTask?
            if let interval = configuration.tickIntervalMilliseconds {
                timer = loop.scheduleRepeatedTask(
                    initialDelay: .milliseconds(interval), delay: .milliseconds(interval)
                ) { _ in engine.value.tick() }
            }
            configuration.logger.info("paper gateway listening on \(configuration.host):\(port), account \(configuration.accountId), seed \(configuration.seed)")
            let server = PaperGatewayServer(
                host: configuration.host, port: port, configuration: configuration, group: group, loop: loop, engine: engine, channel: channel,
                timer: timer, lock: lock)
            do {
                try lock?.publish(LedgerOwner(
                    host: configuration.host, port: port, command: configuration.ownerCommand, kind: configuration.ownerKind))
            } catch {
                try? await server.stop()
                throw error
            }
            return server
        } catch {
            try? await group.shutdownGracefully()
            lock?.release()
            throw error
        }
    }

    /// Closes every connection and the listening socket, and stops the event loop.
    public func stop() async throws {
        timer?.cancel()
        let engine = engine
        let loop = loop
        let closed = try? await loop.submit {
            engine.value.ledger?.stopCheckpointing()
            let futures = engine.value.sessions.values.map { engine.value.close($0) }
            return EventLoopFuture.andAllComplete(futures, on: loop)
        }.get()
        try? await closed?.get()
        try? await channel.close()
        defer { lock?.release() }
        try await group.shutdownGracefully()
    }

    /// Runs one timer tick now (for tests that drive a ``ManualGatewayClock`` without a timer):
    /// due faults, the market up to the clock's time, ticks, fills and periodic pushes.
    public func advance() async throws {
        let engine = engine
        try await loop.submit { engine.value.tick() }.get()
    }

    /// Carries out a fault now, as a scenario would: expire or stall symbols, connectivity
    /// notices, dropped or half-open connections, error 100, farm blips.
    public func inject(_ fault: Fault) async throws {
        let engine = engine
        try await loop.submit { engine.value.apply(fault) }.get()
    }

    /// Marks symbols as not entitled (reqMktData then answers 354) or entitled again.
    public func setEntitled(_ entitled: Bool, symbols: [String]) async throws {
        let engine = engine
        try await loop.submit {
            let wanted = Set(symbols.map { $0.uppercased() })
            let conIds = engine.value.universe.instruments.filter { wanted.contains($0.symbol.uppercased()) }.map(\.conId)
            if entitled {
                engine.value.notEntitledConIds.subtract(conIds)
            } else {
                engine.value.notEntitledConIds.formUnion(conIds)
            }
        }.get()
    }

    /// The client ids of the connections that completed START_API, ascending.
    public func connectedClientIds() async throws -> [Int] {
        let engine = engine
        return try await loop.submit { engine.value.readySessions.compactMap(\.clientId).sorted() }.get()
    }

    /// What the gateway holds for its clients now and the most it held since it started
    /// (connections, bytes buffered per connection, queued history, ...): the bounded
    /// structures that keep a flood from growing it.
    public func load() async throws -> GatewayLoad {
        let engine = engine
        return try await loop.submit { engine.value.currentLoad }.get()
    }

    /// The exchange's persistable state: account, orders, executions, counters.
    public func snapshot() async throws -> PaperExchangeSnapshot {
        let engine = engine
        return try await loop.submit { engine.value.exchange.snapshot() }.get()
    }
}
