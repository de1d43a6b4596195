/// The life cycle of the TWS connection: connect, handshake, start-up, synchronise, use, lose,
/// back off and reconnect. It performs no I/O; it takes events and `now`, and returns
/// ``ConnectionAction``s for the I/O layer to carry out.
///
/// A connection becomes usable only after the handshake reply, NEXT_VALID_ID and a non-empty
/// MANAGED_ACCTS have arrived (in either order) **and** the synchronisation step has finished:
/// every subscription re-sent (`resubscriptionSent`) and open orders and executions reconciled
/// (`reconcileFinished`). The first connection goes through the same step, so subscriptions
/// made before it and orders left open by an earlier run are picked up the same way.
///
/// ```swift
/// var machine = ConnectionStateMachine(reconnect: ReconnectPolicy(generator: SeededGenerator(seed: seed)))
/// perform(machine.handle(.connectRequested, now: now))
/// // on every socket event or decoded start-up message: perform(machine.handle(event, now: now))
/// // when the timer for machine.nextDeadline fires: perform(machine.tick(now: now))
/// ```
public struct ConnectionStateMachine: Sendable {
    /// Time limits and the accepted server versions.
    public struct Configuration: Hashable, Sendable {
        /// From opening the socket until nextValidId and managedAccounts have both arrived.
        public var establishTimeout: Duration
        /// From entering synchronisation until it has finished.
        public var synchronizationTimeout: Duration
        /// Server versions this client speaks (protocol doc 2.3: `v157..200`).
        public var acceptedServerVersions: ClosedRange<Int>

        /// Creates a configuration; the defaults are 10 s, 30 s and 157...200.
        public init(
            establishTimeout: Duration = .seconds(10),
            synchronizationTimeout: Duration = .seconds(30),
            acceptedServerVersions: ClosedRange<Int> = 157...200
        ) {
            self.establishTimeout = establishTimeout
            self.synchronizationTimeout = synchronizationTimeout
            self.acceptedServerVersions = acceptedServerVersions
        }
    }

    private struct StartUp: Hashable, Sendable {
        var serverVersion: Int?
        var connectionTime = ""
        var sawNextValidID = false
        var accounts: [String] = []

        func info(clientID: Int) -> SessionInfo? {
            guard let serverVersion, sawNextValidID, !accounts.isEmpty else { return nil }
            return SessionInfo(serverVersion: serverVersion, connectionTime: connectionTime, accounts: accounts, clientID: clientID)
        }
    }

    private enum Phase: Hashable, Sendable {
        case disconnected
        case connecting(attempt: Int)
        case handshaking(StartUp)
        case synchronizing(SessionInfo, resubscribed: Bool, reconciled: Bool)
        case usable(SessionInfo)
        case reconnecting(attempt: Int, at: SessionInstant)
    }

    /// The time limits in force.
    public let configuration: Configuration
    /// The backoff used between reconnect attempts; reset whenever a connection is usable.
    public private(set) var reconnect: ReconnectPolicy
    /// When the last inbound message arrived.
    public private(set) var lastMessageReceivedAt: SessionInstant?
    /// When the connection was lost, if it has not been usable since.
    public private(set) var lostAt: SessionInstant?
    /// The client ids to connect with: the current one, and where a refusal (IB 326) moves.
    /// Set it before `connectRequested`; the default is the one id 0, pinned.
    public var clientIDs: ClientIDPool = .pinned(0)

    private var phase: Phase = .disconnected
    private var phaseDeadline: SessionInstant?
    private var keepaliveRunning = false

    /// Creates a disconnected machine.
    public init(configuration: Configuration = Configuration(), reconnect: ReconnectPolicy) {
        self.configuration = configuration
        self.reconnect = reconnect
    }

    /// The current state.
    public var state: ConnectionState {
        switch phase {
        case .disconnected: .disconnected
        case .connecting(let attempt): .connecting(attempt: attempt)
        case .handshaking: .handshaking
        case .synchronizing(let info, _, _): .synchronizing(info)
        case .usable(let info): .usable(info)
        case .reconnecting(let attempt, let at): .reconnecting(attempt: attempt, nextTryAt: at)
        }
    }

    /// The current state with the time of the last inbound message.
    public var status: ConnectionStatus {
        ConnectionStatus(state: state, lastMessageReceivedAt: lastMessageReceivedAt)
    }

    /// When ``tick(now:)`` next has something to do (a timeout or a reconnect attempt).
    public var nextDeadline: SessionInstant? {
        if case .reconnecting(_, let at) = phase { return at }
        return phaseDeadline
    }

    /// Applies one event and returns the actions to carry out, in order.
    public mutating func handle(_ event: ConnectionEvent, now: SessionInstant) -> [ConnectionAction] {
        switch event {
        case .connectRequested:
            guard case .disconnected = phase else { return [] }
            return openSocket(attempt: 0, now: now)
        case .socketConnected:
            guard case .connecting = phase else { return [] }
            phase = .handshaking(StartUp())
            return [.sendHandshake, report(.handshaking)]
        case .handshakeReply(let version, let time):
            return receivedHandshakeReply(version: version, time: time, now: now)
        case .nextValidID:
            return updateStartUp(now: now) { $0.sawNextValidID = true }
        case .managedAccounts(let accounts):
            let nonEmpty = accounts.filter { !$0.isEmpty }
            return updateStartUp(now: now) { if !nonEmpty.isEmpty { $0.accounts = nonEmpty } }
        case .messageReceived:
            noteMessage(now: now)
            return []
        case .socketClosed:
            return lose(.socketClosed, closeSocket: false, now: now)
        case .socketError(let reason):
            return lose(reason, closeSocket: true, now: now)
        case .keepaliveDead(let silence):
            return lose(.keepaliveTimeout(silentFor: silence), closeSocket: true, now: now)
        case .resubscriptionSent:
            return synchronizationProgress(resubscribed: true, reconciled: false)
        case .reconcileFinished:
            return synchronizationProgress(resubscribed: false, reconciled: true)
        case .userDisconnect:
            return disconnectByUser()
        case .retryRequested:
            guard case .reconnecting(let attempt, _) = phase else { return [] }
            return openSocket(attempt: attempt, now: now)
        case .clientIDInUse:
            return clientIDRefused(now: now)
        }
    }

    /// Handles what is due at `now`: a connect or synchronisation timeout, or a reconnect attempt.
    public mutating func tick(now: SessionInstant) -> [ConnectionAction] {
        switch phase {
        case .reconnecting(let attempt, let at) where now >= at:
            return openSocket(attempt: attempt, now: now)
        case .connecting, .handshaking:
            guard let phaseDeadline, now >= phaseDeadline else { return [] }
            return lose(.establishTimeout, closeSocket: true, now: now)
        case .synchronizing:
            guard let phaseDeadline, now >= phaseDeadline else { return [] }
            return lose(.synchronizationTimeout, closeSocket: true, now: now)
        default:
            return []
        }
    }

    // MARK: Transitions

    private mutating func openSocket(attempt: Int, now: SessionInstant) -> [ConnectionAction] {
        phase = .connecting(attempt: attempt)
        phaseDeadline = now + configuration.establishTimeout
        return [.openSocket(attempt: attempt), report(.connecting(attempt: attempt))]
    }

    private mutating func receivedHandshakeReply(version: Int, time: String, now: SessionInstant) -> [ConnectionAction] {
        guard case .handshaking(var startUp) = phase, startUp.serverVersion == nil else { return [] }
        noteMessage(now: now)
        guard configuration.acceptedServerVersions.contains(version) else {
            return lose(.unsupportedServerVersion(version), closeSocket: true, now: now)
        }
        startUp.serverVersion = version
        startUp.connectionTime = time
        phase = .handshaking(startUp)
        keepaliveRunning = true
        return [.sendStartAPI, .startKeepalive]
    }

    private mutating func updateStartUp(now: SessionInstant, _ change: (inout StartUp) -> Void) -> [ConnectionAction] {
        noteMessage(now: now)
        guard case .handshaking(var startUp) = phase, startUp.serverVersion != nil else { return [] }
        change(&startUp)
        guard let info = startUp.info(clientID: clientIDs.current) else {
            phase = .handshaking(startUp)
            return []
        }
        phase = .synchronizing(info, resubscribed: false, reconciled: false)
        phaseDeadline = now + configuration.synchronizationTimeout
        return [
            report(.connected(info)),
            report(.synchronizing(info)),
            .resubscribeAll,
            .reconcileOrders(since: lostAt),
        ]
    }

    private mutating func synchronizationProgress(resubscribed: Bool, reconciled: Bool) -> [ConnectionAction] {
        guard case .synchronizing(let info, let wasResubscribed, let wasReconciled) = phase else { return [] }
        let nowResubscribed = wasResubscribed || resubscribed
        let nowReconciled = wasReconciled || reconciled
        guard nowResubscribed && nowReconciled else {
            phase = .synchronizing(info, resubscribed: nowResubscribed, reconciled: nowReconciled)
            return []
        }
        phase = .usable(info)
        phaseDeadline = nil
        lostAt = nil
        reconnect.reset()
        return [report(.usable(info))]
    }

    private mutating func lose(_ reason: LostReason, closeSocket: Bool, now: SessionInstant) -> [ConnectionAction] {
        switch phase {
        case .disconnected, .reconnecting:
            return []
        case .connecting, .handshaking, .synchronizing, .usable:
            break
        }
        var actions: [ConnectionAction] = []
        if closeSocket { actions.append(.closeSocket) }
        if keepaliveRunning {
            actions.append(.stopKeepalive)
            keepaliveRunning = false
        }
        lostAt = lostAt ?? now
        actions.append(.connectionLost(reason))
        actions.append(report(.lost(reason)))
        let retry = reconnect.nextRetry(now: now)
        phase = .reconnecting(attempt: retry.attempt, at: retry.at)
        phaseDeadline = nil
        actions.append(.scheduleReconnect(attempt: retry.attempt, at: retry.at))
        actions.append(report(.reconnecting(attempt: retry.attempt, nextTryAt: retry.at)))
        return actions
    }

    /// IB 326 while connecting: the next id of the pool at once, with no backoff; a pinned id,
    /// or a range all refused, waits the backoff like any other loss.
    private mutating func clientIDRefused(now: SessionInstant) -> [ConnectionAction] {
        let attempt: Int
        switch phase {
        case .connecting(let current): attempt = current
        case .handshaking, .synchronizing: attempt = reconnect.attemptsSinceReset
        case .disconnected, .reconnecting, .usable: return []
        }
        let refused = clientIDs.current
        switch clientIDs.refused() {
        case .pinned:
            return lose(.clientIDInUse(refused, next: nil), closeSocket: true, now: now)
        case .exhausted(let range):
            // The next attempt, after the backoff, starts over from the range's first id.
            return [.useClientID(range.lowerBound)] + lose(.clientIDsInUse(range), closeSocket: true, now: now)
        case .next(let id):
            var actions: [ConnectionAction] = [.closeSocket]
            if keepaliveRunning {
                actions.append(.stopKeepalive)
                keepaliveRunning = false
            }
            lostAt = lostAt ?? now
            let reason = LostReason.clientIDInUse(refused, next: id)
            actions.append(.connectionLost(reason))
            actions.append(report(.lost(reason)))
            actions.append(.useClientID(id))
            return actions + openSocket(attempt: attempt, now: now)
        }
    }

    private mutating func disconnectByUser() -> [ConnectionAction] {
        var actions: [ConnectionAction] = []
        switch phase {
        case .disconnected:
            return []
        case .reconnecting:
            break
        case .connecting, .handshaking, .synchronizing, .usable:
            actions.append(.closeSocket)
        }
        if keepaliveRunning {
            actions.append(.stopKeepalive)
            keepaliveRunning = false
        }
        phase = .disconnected
        phaseDeadline = nil
        lostAt = nil
        reconnect.reset()
        actions.append(report(.disconnected))
        return actions
    }

    private mutating func noteMessage(now: SessionInstant) {
        lastMessageReceivedAt = max(lastMessageReceivedAt ?? now, now)
    }

    private func report(_ state: ConnectionState) -> ConnectionAction {
        .reportState(ConnectionStatus(state: state, lastMessageReceivedAt: lastMessageReceivedAt))
    }
}
