import Logging
import PaperExchange

/// How a ``PaperGatewayServer`` runs: where it listens, the market's seed, entitlements,
/// the fault scenario, the ledger file and the clock.
public struct GatewayConfiguration: Sendable {
    /// The address to bind; loopback by default.
    public var host: String
    /// The TCP port; 0 picks a free one (``PaperGatewayServer/port`` reports it).
    public var port: Int
    /// The seed of the simulated market.
    public var seed: UInt64
    /// Symbols whose live data this account is not entitled to: reqMktData (type 1 or 2)
    /// answers error 354; delayed types get delayed ticks after notice 10167.
    public var notEntitled: Set<String>
    /// A fault scenario whose timeline starts when the server starts.
    public var scenario: Scenario?
    /// The SQLite ledger file; `nil` keeps the ledger in memory only.
    public var statePath: String?
    /// Whether to discard the ledger at ``statePath`` and start a new account.
    public var fresh: Bool
    /// How often the market advances and ticks are pushed; `nil` leaves time to
    /// ``PaperGatewayServer/advance()`` (tests).
    public var tickIntervalMilliseconds: Int64?
    /// How often PnL and PnLSingle subscriptions are refreshed (IB: about once a second).
    public var pnlIntervalMilliseconds: Int64
    /// How often subscribed account updates are resent (IB: about every three minutes, and
    /// on change; the paper gateway refreshes more often so dashboards move).
    public var accountUpdateIntervalMilliseconds: Int64
    /// How far behind the market a delayed line (market data type 3 or 4 for a symbol in
    /// ``notEntitled``) runs: IB's delayed data is typically 15 minutes old.
    public var delayedDataDelay: Duration = .seconds(15 * 60)
    /// The most market-data lines one client may hold (IB's default: 100; error 101 above).
    public var maxMarketDataLines: Int
    /// The clock the core is fed from.
    public var clock: any GatewayClock
    /// The paper account id reported in managedAccounts.
    public var accountId: String
    /// Where the server logs connects, disconnects, orders and faults.
    public var logger: Logger
    /// Average time between two quote updates of one instrument, in milliseconds: the market
    /// simulator's `meanUpdateIntervalMilliseconds` (250, i.e. 4 updates per second per
    /// instrument; at least 2). Ticks reach clients at the next market timer tick
    /// (``tickIntervalMilliseconds``), so an interval below the timer's batches updates.
    public var marketUpdateIntervalMilliseconds: Int64 = 250
    /// Called on the gateway's event loop with the messages of each write to a client, just
    /// before the bytes are handed to the socket (so a stamp taken in it precedes the write and
    /// the observer's own time counts against the gateway). `nil` (the default) costs nothing:
    /// messages are then not kept. For benchmarks; keep it short, it runs on the event loop.
    public var writeObserver: (@Sendable (GatewayWrite) -> Void)? = nil
    /// The lock on ``statePath``, when the caller already took it (see
    /// ``LedgerOwnership/claim(ledgerPath:wait:)``); `nil` makes the server take it itself.
    /// Either way the server owns it from then on and releases it in ``PaperGatewayServer/stop()``.
    public var ledgerLock: LedgerLock? = nil
    /// The command the ledger's owner file names (`ibterm engine`, `ibterm (dashboard)`, …).
    public var ownerCommand: String = "ibterm engine"
    /// How long this owner is expected to run (another `ibterm` waits briefly for a one-shot).
    public var ownerKind: LedgerOwner.Kind = .engine
    /// The most API connections served at once (TWS serves 32 clients); a connection beyond it
    /// is closed at once.
    public var maximumConnections: Int = 32
    /// How long a connection may take from accept to START_API before it is closed, in
    /// milliseconds (a silent socket must not hold a slot).
    public var handshakeTimeoutMilliseconds: Int64 = 5000
    /// The longest request frame accepted, in bytes. No client request comes near it (an order
    /// is a few kilobytes); a longer length closes the connection before its payload is
    /// buffered, so a connection holds at most this much unread.
    public var maximumRequestBytes: Int = 256 * 1024
    /// The most requests of one connection handled in one event-loop turn. The rest wait, read
    /// but not handled, and the connection is not read further until they are done a turn at a
    /// time, so that a burst from one client (10,000 requests in one write) holds the other
    /// clients up for one turn at most.
    public var requestsPerTurn: Int = 100
    /// Above this many bytes waiting to be written to a client (it reads slower than it asks),
    /// the gateway stops reading that client's requests and drawing its history answers until
    /// the client has read them down to half. Streamed data (quotes, depth) still flows.
    public var outboundHighWaterBytes: Int = 4 * 1024 * 1024
    /// The most bytes that may wait to be written to one client: a client that lets more pile
    /// up (its streams keep coming while it reads nothing) is disconnected. Above the largest
    /// answer the gateway sends (a history answer of 100,000 bars is about 7 MB) plus
    /// ``outboundHighWaterBytes``.
    public var maximumOutboundBytes: Int = 16 * 1024 * 1024
    /// The most history bars the engine draws and encodes in one event-loop turn, across every
    /// client's requests (about 2 ms of a core in a release build), so that a large answer (or a
    /// flood of them) is drawn a part a turn and other clients wait one such turn at most.
    public var historyBarsPerTurn: Int = 1000
    /// The most bytes one read of a connection hands the engine in one turn: four reads of at
    /// most 64 KiB (SwiftNIO's defaults, set explicitly on every connection).
    public static let readBytesPerTurn = 4 * 65_536
    /// The most bytes one connection can hold received but not yet handled: a partial request
    /// (at most ``maximumRequestBytes`` and its length) and one turn's read. A connection with
    /// requests left for a later turn is not read until they are handled.
    public var maximumBufferedRequestBytes: Int { maximumRequestBytes + 4 + Self.readBytesPerTurn }
    /// IB's pacing: the most messages one client may send in a second (error 100 beyond it,
    /// once a second); `nil` for no limit (throughput benchmarks).
    public var messagesPerSecond: Int? = 50
    /// How many seconds in a row a client may exceed ``messagesPerSecond`` before it is
    /// disconnected, as IB disconnects a client that keeps flooding.
    public var pacingViolationsBeforeDisconnect: Int = 5
    /// The client addresses allowed to connect (IB's trusted IPs); `nil` allows every client,
    /// which the server accepts only on a loopback ``host``. A connection from elsewhere is
    /// closed at once and logged.
    public var allowedClients: [ClientAddressRange]? = nil

    /// Creates a configuration; every argument has the default `ibterm engine` uses.
    public init(
        host: String = "127.0.0.1", port: Int = 0, seed: UInt64 = 42, notEntitled: Set<String> = [],
        scenario: Scenario? = nil, statePath: String? = nil, fresh: Bool = false,
        tickIntervalMilliseconds: Int64? = 100, pnlIntervalMilliseconds: Int64 = 1000,
        accountUpdateIntervalMilliseconds: Int64 = 3000, maxMarketDataLines: Int = 100,
        clock: any GatewayClock = SystemGatewayClock(), accountId: String = "DU0000001",
        logger: Logger = Logger(label: "ibterm.gateway")
    ) {
        self.host = host
        self.port = port
        self.seed = seed
        self.notEntitled = notEntitled
        self.scenario = scenario
        self.statePath = statePath
        self.fresh = fresh
        self.tickIntervalMilliseconds = tickIntervalMilliseconds
        self.pnlIntervalMilliseconds = pnlIntervalMilliseconds
        self.accountUpdateIntervalMilliseconds = accountUpdateIntervalMilliseconds
        self.maxMarketDataLines = maxMarketDataLines
        self.clock = clock
        self.accountId = accountId
        self.logger = logger
    }
}
