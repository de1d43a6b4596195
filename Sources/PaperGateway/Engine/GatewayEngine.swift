import Logging
import NIOCore
import PaperExchange
import TWSWire
import Vocabulary

/// The gateway's single owner of shared state: the exchange, the ledger and every client
/// session. It lives on one event loop; the NIO handlers and the timer call it there, and
/// ``PaperGatewayServer`` reaches it through `EventLoop.submit`.
///
/// It reads time only from the configured ``GatewayClock`` and passes it into the pure core.
final class GatewayEngine {
    let configuration: GatewayConfiguration
    let universe: InstrumentUniverse
    let logger: Logger
    var exchange: PaperMarket
    let ledger: LedgerStore?
    /// Commission records by execId (executions themselves live in the exchange).
    var commissions: [String: PaperCommissionReport] = [:]
    var sessions: [Int: ClientSession] = [:]
    /// Historical answers being drawn a part at a time, oldest request first.
    var historyJobs: [HistoryJob] = []
    /// Whether a loop turn to draw history is scheduled (``scheduleHistoryTurn()``).
    var historyTurnScheduled = false
    var nextConnectionNumber = 1
    /// The next order id to hand out (nextValidId): above every order id any client of this
    /// ledger ever used, also one that was refused before it became an order. It is stored in
    /// the ledger (meta `nextValidOrderId`), so ids are never reused across restarts either.
    var nextOrderId: Int
    /// The value of ``nextOrderId`` the ledger holds (to store it when only the counter moved).
    var storedNextOrderId: Int
    /// Ledger changes of this event-loop turn not yet written; see ``commit(_:requester:)``.
    var stagedChange: LedgerStore.Change?
    /// What the gateway holds and the most it held (``PaperGatewayServer/load()``).
    var load = GatewayLoad()

    // Entitlements and faults.
    var notEntitledConIds: Set<Int>
    /// The not-entitled instruments' market as it was `delayedDataDelay` ago, for delayed lines.
    lazy var delayedTape = DelayedTape(delay: configuration.delayedDataDelay)
    var stalledConIds: Set<Int> = []
    /// Symbols (upper-cased) whose new orders a `reject-orders` fault refuses, with the reason.
    var rejectedOrderSymbols: [String: String] = [:]
    /// Volume and notional traded per instrument since the engine started (RTVolume's VWAP).
    var tradeTotals: [Int: (volume: Int, notional: Double)] = [:]
    var allStalled = false
    var connectivityLost = false
    var halfOpen = false
    /// A `socket-down` fault: new connections are closed at once.
    var refusingConnections = false
    /// Where the Client Portal's faults go (the portal server, when one runs).
    var portalFaultObserver: ((PortalFault) -> Void)?
    var timeline: ScenarioTimeline?
    var lastScenarioCheck: Timestamp

    // Periodic pushes.
    var lastPnLPush: Timestamp
    var lastAccountPush: Timestamp
    var lastHistoryPush: Timestamp

    init(configuration: GatewayConfiguration, universe: InstrumentUniverse) throws {
        var storedCounter = 1
        self.configuration = configuration
        self.universe = universe
        logger = configuration.logger
        let now = configuration.clock.now()
        var exchangeConfiguration = PaperExchangeConfiguration(seed: configuration.seed, accountId: configuration.accountId)
        exchangeConfiguration.market.meanUpdateIntervalMilliseconds = configuration.marketUpdateIntervalMilliseconds
        if let path = configuration.statePath {
            let store = try LedgerStore(path: path, fresh: configuration.fresh)
            ledger = store
            if let restored = try store.restore() {
                exchange = PaperMarket(
                    universe: universe, configuration: exchangeConfiguration, restoring: restored.snapshot, start: now)
                commissions = restored.commissions
                storedCounter = restored.snapshot.nextValidOrderId
                logger.info("restored ledger from \(path): \(restored.snapshot.orders.count) orders, \(restored.snapshot.executions.count) executions, \(restored.snapshot.account.openPositions.count) positions")
            } else {
                exchange = PaperMarket(universe: universe, configuration: exchangeConfiguration, start: now)
            }
        } else {
            ledger = nil
            exchange = PaperMarket(universe: universe, configuration: exchangeConfiguration, start: now)
        }
        nextOrderId = max(exchange.nextValidOrderId, storedCounter)
        storedNextOrderId = storedCounter
        let blocked = configuration.notEntitled.union(configuration.scenario?.notEntitled ?? [])
        notEntitledConIds = Set(universe.instruments.filter { instrument in
            blocked.contains { $0.uppercased() == instrument.symbol.uppercased() || $0.uppercased() == instrument.localSymbol.uppercased() }
        }.map(\.conId))
        let unknown = blocked.filter { symbol in
            !universe.instruments.contains { symbol.uppercased() == $0.symbol.uppercased() || symbol.uppercased() == $0.localSymbol.uppercased() }
        }
        if !unknown.isEmpty {
            logger.warning("not-entitled symbols the engine does not list (ignored): \(unknown.sorted().joined(separator: ", ")); it lists \(universe.instruments.count) instruments (see instruments.toml)")
        }
        timeline = configuration.scenario?.timeline(start: now)
        lastScenarioCheck = now
        lastPnLPush = now
        lastAccountPush = now
        lastHistoryPush = now
    }

    var now: Timestamp { configuration.clock.now() }

    // MARK: Connections

    /// A new TCP connection.
    func connected(context: ChannelHandlerContext) -> ClientSession {
        let session = ClientSession(
            connectionNumber: nextConnectionNumber, context: context, acceptedAt: now,
            maximumRequestBytes: configuration.maximumRequestBytes, writeObserver: configuration.writeObserver)
        nextConnectionNumber += 1
        guard !refusingConnections else {
            logger.info("refused \(session.label): the socket API is down (a socket-down fault)")
            session.close()
            return session
        }
        guard sessions.count < configuration.maximumConnections else {
            logger.warning("refused \(session.label): already \(sessions.count) connections (the most TWS serves is \(configuration.maximumConnections))")
            load.closed[.connectionLimit, default: 0] += 1
            session.close()
            return session
        }
        sessions[session.connectionNumber] = session
        load.peakConnections = max(load.peakConnections, sessions.count)
        session.onWritten = { [weak self, weak session] in
            guard let self, let session else { return }
            self.written(session)
        }
        if halfOpen { session.beginHalfOpen(established: false) }
        logger.debug("accepted \(session.label)")
        return session
    }

    /// The connection closed, cleanly or not: its subscriptions go with it.
    func disconnected(_ session: ClientSession) {
        guard sessions.removeValue(forKey: session.connectionNumber) != nil else { return }
        let wasReady = session.clientId != nil
        session.phase = .closed
        if wasReady {
            logger.info("client disconnected: \(session.label)")
        } else {
            logger.debug("connection closed before START_API: \(session.label)")
        }
    }

    /// Bytes arrived on `session`: they are buffered, and handled once the read is complete
    /// (``readComplete(_:)``), so that a connection's requests of one turn are handled together
    /// and at most ``GatewayConfiguration/requestsPerTurn`` of them.
    func receive(_ bytes: [UInt8], from session: ClientSession) {
        guard session.phase != .closed else { return }
        if session.dropsRequests {
            dropDuringHalfOpen(bytes, from: session)
            return
        }
        guard !session.isHalfOpen else { return }
        var input = bytes[...]
        if session.phase == .awaitingPrefix {
            let needed = 4 - session.prefix.count
            session.prefix += input.prefix(needed)
            input = input.dropFirst(needed)
            guard session.prefix.count == 4 else { return }
            guard session.prefix == Handshake.prefix else {
                logger.warning("\(session.label) did not start with API\\0; closing")
                close(session, reason: .badHandshake)
                return
            }
            session.phase = .awaitingVersion
        }
        session.decoder.append(input)
        load.peakInboundBytes = max(load.peakInboundBytes, session.decoder.bufferedByteCount)
    }

    /// The reads of this turn on `session` are complete: handles its requests (unless some
    /// already wait for a later turn) and writes the answers.
    func readComplete(_ session: ClientSession) {
        if session.phase != .closed, !session.hasBacklog, !session.dropsRequests, !session.isHalfOpen {
            handleRequests(from: session)
        }
        flushAll()
    }

    /// Handles the session's buffered requests, at most ``GatewayConfiguration/requestsPerTurn``
    /// of them: with more left, the session stops being read and the rest are handled in later
    /// turns (``continueRequests(of:)``), after the I/O of the other connections. Requests of a
    /// client whose answers wait unread are left buffered until it has read them.
    private func handleRequests(from session: ClientSession) {
        guard !session.waitingForWrites else { return }
        var handled = 0
        do {
            while session.phase != .closed, !session.isHalfOpen {
                guard handled < configuration.requestsPerTurn else {
                    session.hasBacklog = true
                    session.updateReading()
                    break
                }
                guard let frame = try session.decoder.nextFrame() else { break }
                handleFrame(Array(frame), from: session)
                handled += 1
            }
        } catch {
            logger.warning("\(session.label): \(error); closing")
            close(session, reason: .oversizedRequest)
        }
        load.peakRequestsPerTurn = max(load.peakRequestsPerTurn, handled)
        load.peakSubscriptions = max(load.peakSubscriptions, session.subscriptionCount)
    }

    /// A later turn for a session whose requests did not all fit in one: handles the next ones
    /// and reads the socket again once none are left.
    private func continueRequests(of session: ClientSession) {
        session.turnScheduled = false
        session.hasBacklog = false
        guard session.phase != .closed else { return }
        if session.dropsRequests {
            dropDuringHalfOpen([], from: session)
        } else if !session.isHalfOpen {
            handleRequests(from: session)
        }
        session.updateReading()
        flushAll()
    }

    /// Queued bytes of `session` reached the kernel: a client that has read its answers down
    /// to half the high-water mark is read (and its history drawn) again.
    private func written(_ session: ClientSession) {
        guard session.waitingForWrites, session.phase != .closed,
              session.pendingWriteBytes <= configuration.outboundHighWaterBytes / 2 else { return }
        session.waitingForWrites = false
        logger.debug("\(session.label) read its answers; reading its requests again")
        if session.decoder.bufferedByteCount > 0 { session.hasBacklog = true }
        session.updateReading()
        scheduleTurns()
    }

    /// Schedules the turns that work left over needs: requests of a session waiting for a
    /// later turn, and unfinished history answers (``scheduleHistoryTurn()``). Called last in
    /// every turn (from ``flushAll()``): SwiftNIO runs the tasks a task schedules for now in the
    /// same loop tick, before it looks at the sockets again, so each later turn is scheduled a
    /// little ahead (``ClientSession/later(_:)``) and the loop reads the other clients in between.
    func scheduleTurns() {
        for session in sessions.values where session.hasBacklog && !session.turnScheduled && session.phase != .closed {
            session.turnScheduled = true
            session.later { [weak self, weak session] in
                guard let self, let session else { return }
                self.continueRequests(of: session)
            }
        }
        scheduleHistoryTurn()
    }

    /// Reads and drops whole requests arriving on a half-open connection, keeping the framing
    /// so the connection can answer again once the fault ends.
    private func dropDuringHalfOpen(_ bytes: [UInt8], from session: ClientSession) {
        guard session.phase == .ready || session.phase == .awaitingStartAPI else { return }
        session.decoder.append(bytes[...])
        load.peakInboundBytes = max(load.peakInboundBytes, session.decoder.bufferedByteCount)
        var dropped = 0
        do {
            while try session.decoder.nextFrame() != nil { dropped += 1 }
        } catch {
            logger.warning("\(session.label): \(error); closing")
            close(session, reason: .oversizedRequest)
            return
        }
        if dropped > 0 { logger.debug("\(session.label): half-open, dropped \(dropped) requests") }
    }

    /// Stores the staged ledger change, then writes every session's queued bytes.
    ///
    /// A client that lets more than ``GatewayConfiguration/maximumOutboundBytes`` wait unread is
    /// disconnected (what was queued for it is dropped); one with more than
    /// ``GatewayConfiguration/outboundHighWaterBytes`` waiting is not read until it catches up.
    func flushAll() {
        persistStaged()
        for session in sessions.values where session.queuedBytes > 0 {
            if session.pendingWriteBytes + session.queuedBytes > configuration.maximumOutboundBytes {
                logger.warning("\(session.label) has not read \(session.pendingWriteBytes) bytes of answers and \(session.queuedBytes) more are due (at most \(configuration.maximumOutboundBytes) wait for a client); closing")
                close(session, reason: .notReading, discardingQueued: true)
                continue
            }
            session.flush()
            load.peakOutboundBytes = max(load.peakOutboundBytes, session.pendingWriteBytes)
            if session.pendingWriteBytes > configuration.outboundHighWaterBytes, !session.waitingForWrites {
                logger.info("\(session.label) has not read \(session.pendingWriteBytes) bytes of answers; its requests wait until it does")
                session.waitingForWrites = true
                session.updateReading()
            }
        }
        scheduleTurns()
    }

    /// The load now, with the peaks so far.
    var currentLoad: GatewayLoad {
        var current = load
        current.connections = sessions.count
        current.historyJobs = historyJobs.count
        current.waitingForWrites = sessions.values.count { $0.waitingForWrites }
        return current
    }

    private func handleFrame(_ payload: [UInt8], from session: ClientSession) {
        switch session.phase {
        case .awaitingVersion:
            answerVersionOffer(payload, from: session)
        case .awaitingStartAPI, .ready:
            let message: ClientMessage
            do {
                message = try ClientMessage.decode(payload, serverVersion: session.serverVersion)
            } catch {
                logger.warning("\(session.label): undecodable request: \(error)")
                send(error: 320, "Error reading request. Message id: \(Self.messageId(of: payload)). \(error)", id: -1, to: session)
                return
            }
            if session.phase == .awaitingStartAPI {
                guard case let .startAPI(clientId, _) = message else {
                    logger.warning("\(session.label) sent \(message.wireName) before START_API; ignored")
                    return
                }
                startAPI(clientId: clientId, session: session)
            } else if paced(session) {
                handle(message, from: session)
            }
        case .awaitingPrefix, .closed:
            break
        }
    }

    private func answerVersionOffer(_ payload: [UInt8], from session: ClientSession) {
        guard let offer = try? VersionOffer(parsing: payload), let version = Handshake.negotiate(offer) else {
            logger.warning("\(session.label): unusable version offer \"\(String(decoding: payload.prefix(64), as: UTF8.self))\"; closing")
            close(session, reason: .badHandshake)
            return
        }
        session.serverVersion = version
        session.sendRaw(ServerHello(serverVersion: version, connectionTime: TimeText.connectionTime(now)).encoded())
        session.phase = .awaitingStartAPI
    }

    private func startAPI(clientId: Int, session: ClientSession) {
        if sessions.values.contains(where: { $0 !== session && $0.clientId == clientId && $0.phase == .ready }) {
            logger.info("\(session.label): client id \(clientId) already in use; closing")
            send(error: 326, "Unable to connect as the client id is already in use. Retry with a unique client id.", id: -1, to: session)
            close(session, reason: .clientIdInUse)
            return
        }
        session.clientId = clientId
        session.phase = .ready
        logger.info("client connected: \(session.label), server version \(session.serverVersion)")
        session.send(.managedAccounts(ManagedAccounts(accounts: [configuration.accountId])))
        session.send(.nextValidId(NextValidID(orderId: nextOrderId)))
        // While IB's link is down (a connectivity-lost fault), TWS greets a new API client with
        // 2110 and its farms broken instead of OK, so a client connecting mid-outage knows.
        if connectivityLost {
            send(error: 2110, "Connectivity between Trader Workstation and server is broken. It will be restored automatically.", id: -1, to: session)
            send(error: 2103, "Market data farm connection is broken:usfarm", id: -1, to: session)
            send(error: 2105, "HMDS data farm connection is broken:ushmds", id: -1, to: session)
            return
        }
        send(error: 2104, "Market data farm connection is OK:usfarm", id: -1, to: session)
        send(error: 2106, "HMDS data farm connection is OK:ushmds", id: -1, to: session)
        send(error: 2158, "Sec-def data farm connection is OK:secdefil", id: -1, to: session)
    }

    /// Closes a session after storing the staged ledger change (closing flushes its outbox,
    /// unless `discardingQueued`), counting the gateway's `reason` when it has one.
    @discardableResult
    func close(_ session: ClientSession, reason: GatewayCloseReason? = nil, discardingQueued: Bool = false) -> EventLoopFuture<Void> {
        persistStaged()
        if let reason, session.phase != .closed { load.closed[reason, default: 0] += 1 }
        return session.close(discardingQueued: discardingQueued)
    }

    /// Queues ERR_MSG(`id`, `code`, `text`) with IB's error time.
    func send(error code: Int, _ text: String, id: Int, to session: ClientSession) {
        session.send(.error(ErrorMessage(
            id: id, code: code, message: text, advancedOrderRejectJson: "",
            errorTime: Int(now.millisecondsSinceEpoch))))
    }

    /// Ready sessions, in connection order.
    var readySessions: [ClientSession] {
        sessions.keys.sorted().compactMap { sessions[$0] }.filter { $0.phase == .ready }
    }

    /// The ready session with `clientId`, if connected.
    func session(clientId: Int) -> ClientSession? {
        sessions.values.first { $0.clientId == clientId && $0.phase == .ready }
    }

    private static func messageId(of payload: [UInt8]) -> String {
        String(decoding: payload.prefix { $0 != 0 }.prefix(8), as: UTF8.self)
    }
}
