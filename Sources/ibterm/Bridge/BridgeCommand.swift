import ArgumentParser
import Dashboard
import DashboardRuntime
import DeskBus
import Foundation
import Logging
import PaperGateway
import RedisLink
import Synchronization
import TWSClient
import TWSSession
import Vocabulary

/// `ibterm bridge`: holds a desk's one gateway connection and publishes it to Redis Streams, so
/// that many screens share one connection and one market-data login.
///
/// It runs the dashboard's own state and broker bridge without a screen: the watchlist is
/// subscribed as the dashboard would, every event the gateway side produces (quotes with their
/// freshness evidence, notices, connection changes, orders, executions, positions, account
/// values) goes to the desk's events stream and the latest state to its hashes, and a heartbeat
/// every 500 ms says the bridge is alive. Screens' orders, cancels and subscriptions come in
/// on the desk's commands stream (`DeskCommandConsumer`), each carried out at most once.
struct BridgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bridge",
        abstract: "Hold the gateway connection of a desk and publish it to Redis Streams for many screens.",
        discussion: """
            Redis is reached as an ACL user: IBTERM_REDIS_USER and IBTERM_REDIS_PASSWORD, or [redis] user and \
            password in the config; never on the command line. The bridge refuses a Redis on another host \
            that answers without authentication.
            """
    )

    @Option(help: "The desk's Redis: redis://HOST:PORT, optionally with the desk's name as path (redis://127.0.0.1:6379/desk1).")
    var redis: String

    @Option(help: "The desk's name (letters, digits, - and _): its keys are ibterm:desk:NAME:*. Default: the address's path, else main.")
    var desk: String?

    @Option(help: "Comma-separated symbols to stream (default: the config's watchlist).")
    var symbols: String?

    @OptionGroup var options: DashboardOptions

    /// The heartbeat's interval, in milliseconds.
    static let heartbeatMilliseconds = 500

    func run() async throws {
        let address: RedisAddress
        do { address = try RedisAddress(redis) } catch { throw ValidationError("\(error)") }
        let keys: DeskKeys
        do { keys = try DeskKeys(desk: desk ?? address.desk ?? "main") } catch { throw ValidationError("\(error)") }
        let paths = AppPaths()
        var (config, warnings) = try ConfigLoader.load(path: options.config, paths: paths, ignoreErrors: options.ignoreConfigErrors)
        guard let credentials = RedisCredentials.find(
            environment: ProcessInfo.processInfo.environment, config: (config.redisUser, config.redisPassword)) else {
            throw ValidationError("no Redis credentials: set IBTERM_REDIS_USER and IBTERM_REDIS_PASSWORD, or [redis] user and password in the config (never on the command line)")
        }
        if let symbols {
            config.watchlist = symbols.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }.filter { !$0.isEmpty }
        }
        let logger = Logger(label: "ibterm.bridge")
        for warning in warnings { logger.warning("\(warning)") }
        warnings = []

        try Self.checkExposure(address)
        // Fail now, in words, when Redis refuses the user.
        let first: RedisConnection
        do { first = try address.connect(as: credentials) } catch {
            throw ValidationError("\(address): \(error)")
        }
        // The latest state is this run's: what an earlier run left (orders of earlier days,
        // positions since closed) goes; this run publishes the gateway's state again as it
        // reads it (open, completed and executed orders, positions, account values).
        do {
            _ = try first.checked(["DEL", keys.quotes, keys.requests, keys.positions, keys.orders, keys.accountValues])
        } catch {
            throw ValidationError("\(address): the desk's latest state could not be cleared: \(error)")
        }

        var server: PaperGatewayServer?
        let host: String, port: Int
        if let endpoint = try options.gatewayEndpoint() {
            (host, port) = endpoint
        } else {
            let access = try await options.paper.startOrJoin(
                command: "ibterm bridge", kind: .dashboard, host: "127.0.0.1", port: 0,
                logger: Logger(label: "ibterm.paper"), mayJoin: true)
            (host, port) = (access.host, access.port)
            if case let .started(started) = access { server = started }
        }
        let clientIds = options.clientId.map(ClientIDPool.pinned) ?? ClientIDPool(first: config.clientID, count: config.clientIDRange)

        var clientConfiguration = TWSClientConfiguration()
        clientConfiguration.retryInitialConnect = true
        clientConfiguration.allowLive = config.allowLive
        let client = IBClient(configuration: clientConfiguration, logger: Logger(label: "tws.client"))
        let bridgeID = UUID().uuidString
        let desk = DeskAccess(address: address, credentials: credentials, keys: keys)
        let publisher = DeskPublisher(desk: desk, run: bridgeID, logger: logger)
        publisher.start()

        let tap = DeskTap(publisher: publisher)
        let router = EffectRouter()
        let store = DashboardStore(
            config: config, clock: clientConfiguration.clock, perform: { router.route($0) }, changed: {},
            observe: { events, time in tap.forward(events, at: time) })
        tap.attach(store)
        let broker = BrokerBridge(client: client, store: store, logger: logger)
        router.connect(bridge: broker, journal: nil, look: .init(theme: .builtinDefault, glyphs: .unicode), themeFolders: [], logger: logger)
        await broker.start()
        store.send(.connecting(gateway: "\(host):\(port)"))
        store.send(.started)
        let connecting = Task {
            do {
                try await client.connect(host: host, port: port, clientIds: clientIds)
            } catch {
                logger.error("connect failed: \(error)")
                store.send(.connectionLost(reason: "\(error)"))
            }
        }
        let commands = DeskCommandConsumer(desk: desk, broker: broker, consumer: bridgeID, logger: logger)
        commands.start()
        print("ibterm bridge: desk \(keys.desk) on \(address), gateway \(host):\(port)\(server == nil ? "" : " (embedded paper gateway)"), bridge \(bridgeID)")
        let beating = Task {
            var sequence = 0
            while !Task.isCancelled {
                sequence += 1
                let state = store.snapshot()
                // The connection's own next id counts the orders screens placed through the
                // bridge at once; the store's hears of them a moment later.
                let clientNext = await client.nextOrderID
                let nextOrderID = [state.nextOrderID, clientNext].compactMap { $0 }.max()
                publisher.beat(BusHeartbeat(
                    bridgeID: bridgeID, sequence: sequence, link: state.connection.state, generation: tap.generation,
                    intervalMilliseconds: Self.heartbeatMilliseconds,
                    serverVersion: state.connection.serverVersion, accounts: state.connection.accounts,
                    nextOrderID: nextOrderID, sentAt: DashboardStore.wallNow()))
                store.send(.clockTick)
                try? await Task.sleep(for: .milliseconds(Self.heartbeatMilliseconds))
            }
        }
        let signal = await SignalWaiter.waitForTermination()
        logger.info("bridge stopping on \(signal)")
        beating.cancel()
        commands.stop()
        connecting.cancel()
        broker.stop()
        await client.disconnect()
        let unwritten = await publisher.stop()
        if unwritten > 0 { print("ibterm bridge: \(unwritten) Redis commands could not be written before stopping") }
        try? await server?.stop()
        print("ibterm bridge: commands: \(commands.summary); events published: \(publisher.published)")
        if publisher.dropped > 0 { print("ibterm bridge: \(publisher.dropped) Redis commands were dropped (Redis could not keep up)") }
    }

    /// Refuses a Redis on another host that answers a command without authentication: the
    /// desk's orders and account would be open to anyone who reaches that address.
    static func checkExposure(_ address: RedisAddress) throws {
        guard !address.isLoopback else { return }
        let probe: RedisReply
        do {
            probe = try RedisConnection(host: address.host, port: address.port).command(["PING"])
        } catch {
            throw ValidationError("\(address): \(error)")
        }
        if probe.errorText == nil {
            throw ValidationError("\(address) answers commands without authentication on a non-loopback address; the bridge refuses it. Switch off its default user (ACL: user default off) and give the bridge an ACL user.")
        }
    }
}

/// Forwards the bridge's store events to the desk publisher: gateway events only, quotes with
/// their evidence (how long before publishing the tick was read) and, for the latest-state
/// hash, the quote's merged values from the store.
final class DeskTap: Sendable {
    private let publisher: DeskPublisher
    private let store = Mutex<DashboardStore?>(nil)
    /// Gateway connections made so far, and whether the store's link is up now (a
    /// connection's `.connected` and its later `.connected` when usable count once).
    private let link = Mutex<(connections: Int, up: Bool)>((0, false))

    init(publisher: DeskPublisher) {
        self.publisher = publisher
    }

    func attach(_ store: DashboardStore) {
        self.store.withLock { $0 = store }
    }

    /// The gateway-connection generation: connections made so far.
    var generation: Int { link.withLock { $0.connections } }

    func forward(_ events: [ObservedEvent], at time: EventTime) {
        var state: DashboardState?
        for observed in events {
            switch observed.event {
            case .connected:
                link.withLock { if !$0.up { $0.connections += 1; $0.up = true } }
            case .connectionLost:
                link.withLock { $0.up = false }
            default:
                break
            }
            let evidence = QuoteEvidence(readAt: observed.observedAt ?? time.instant, publishedAt: time.instant, generation: generation)
            guard let event = BusEvent.forwarding(observed.event, quoteEvidence: evidence) else { continue }
            var latest: BusEvent?
            if case let .quote(update) = observed.event {
                if state == nil { state = store.withLock { $0 }?.snapshot() }
                if let values = state?.quotes.tracked(update.symbol)?.quote.values {
                    latest = .quote(QuoteUpdate(symbol: update.symbol, values: values), evidence: evidence)
                }
            }
            publisher.publish(event, latest: latest)
        }
    }
}
