import Logging
import NIOCore
import TWSSession
import TWSTrace
import TWSWire

/// Carrying out the connection state machine's actions: sockets, timers and pacing.
extension IBClient {
    /// Carries out actions in order; a first-connect failure stops the client afterwards.
    ///
    /// `now` is the instant of what caused them: for a message, the instant its socket read
    /// completed, so a state reported on its account (say, connected) is no later than the
    /// messages read with it or after it (a notice in the same read belongs to the new
    /// connection); the clock's reading when `nil`.
    func perform(_ actions: [ConnectionAction], now: SessionInstant? = nil) {
        let now = now ?? clock.now()
        for action in actions {
            switch action {
            case .openSocket(let attempt):
                openSocket(attempt: attempt)
            case .sendHandshake:
                let hello = Handshake.clientHello(configuration.versionOffer)
                if channel != nil { configuration.recorder?.record(.handshake, connection: traceConnection, serverVersion: nil, payload: hello[...]) }
                writeRaw(hello)
            case .sendStartAPI:
                send(.startAPI(clientId: endpoint?.clientId ?? 0, optionalCapabilities: ""))
            case .useClientID(let id):
                logger.info("the next connection uses client id \(id) (was \(endpoint?.clientId ?? id))")
                endpoint?.clientId = id
            case .startKeepalive:
                keepalive = KeepaliveMonitor(
                    now: now, idleInterval: configuration.keepaliveIdle, probeTimeout: configuration.keepaliveTimeout
                )
            case .stopKeepalive:
                keepalive = nil
            case .closeSocket:
                // The recorder is told why: the loss that follows in the same actions, if any.
                let lost = actions.lazy.compactMap { action -> LostReason? in
                    if case .connectionLost(let reason) = action { reason } else { nil }
                }.first
                closeChannel(lost.map { "lost: \(Self.describe($0))" } ?? "closed by ibterm")
            case .connectionLost(let reason):
                connectionLost(reason, now: now)
            case .scheduleReconnect(let attempt, let at):
                logger.info("reconnect scheduled", metadata: ["tws.attempt": "\(attempt)", "tws.in": "\(at - now)"])
            case .resubscribeAll:
                resubscribeAll()
                perform(machine.handle(.resubscriptionSent, now: now), now: now)
            case .reconcileOrders:
                startReconciliation()
            case .reportState(let status):
                report(status, now: now)
            }
        }
        if let failure = connectFailure {
            connectFailure = nil
            perform(machine.handle(.userDisconnect, now: clock.now()))
            connectWaiter?.finish(throwing: failure)
            connectWaiter = nil
        }
    }

    // MARK: Sockets

    func openSocket(attempt: Int) {
        closeChannel()
        guard let endpoint else { return }
        let connection = generation
        let timeout = configuration.establishTimeout
        let opener = configuration.channelOpener
        let clock = self.clock
        let recorder = configuration.recorder
        let traceConnection = recorder?.newConnection() ?? 0
        logger.info("opening socket", metadata: ["tws.attempt": "\(attempt)", "tws.endpoint": "\(endpoint.host):\(endpoint.port)"])
        Task { [weak self] in
            do {
                let (channel, events, gate) = try await NIOTransport.connect(
                    host: endpoint.host, port: endpoint.port, timeout: timeout, opener: opener, clock: clock,
                    recorder: recorder, traceConnection: traceConnection
                )
                guard let self else {
                    channel.close(promise: nil)
                    return
                }
                guard await self.socketOpened(channel, connection: connection, traceConnection: traceConnection) else { return }
                // One hop into the actor per read batch; a read held while the client was
                // behind is released once it has caught up.
                for await event in events {
                    await self.transport(event, connection: connection)
                    if case .frames = event, gate.handled() { channel.read() }
                }
            } catch {
                await self?.socketFailed(NIOTransport.describe(error), connection: connection)
            }
        }
    }

    func socketOpened(_ channel: any Channel, connection: Int, traceConnection: UInt32 = 0) -> Bool {
        guard connection == generation, case .connecting = machine.state else {
            channel.close(promise: nil)
            return false
        }
        self.channel = channel
        serverVersion = nil
        self.traceConnection = traceConnection
        if let recorder = configuration.recorder, let endpoint {
            recorder.record(.opened, connection: traceConnection, text: "\(endpoint.host):\(endpoint.port) client \(endpoint.clientId)")
        }
        logger.info("socket connected")
        perform(machine.handle(.socketConnected, now: clock.now()))
        rearmTimer()
        return true
    }

    func socketFailed(_ description: String, connection: Int) {
        guard connection == generation else { return }
        logger.warning("socket failed", metadata: ["tws.error": "\(description)"])
        perform(machine.handle(.socketError(.socketError(description)), now: clock.now()))
        rearmTimer()
    }

    /// Closes the socket and ignores anything it still reports; `reason` goes to the flight
    /// recorder.
    func closeChannel(_ reason: String = "closed by ibterm") {
        if channel != nil, let recorder = configuration.recorder {
            recorder.record(.closed, connection: traceConnection, text: reason)
        }
        channel?.close(promise: nil)
        channel = nil
        generation += 1
        serverVersion = nil
    }

    func connectionLost(_ reason: LostReason, now: SessionInstant) {
        closeChannel("lost: \(Self.describe(reason))")
        keepalive = nil
        lastLostAt = now
        logger.warning("connection lost", metadata: ["tws.reason": "\(reason)"])
        // Nothing queued for the dead connection may go out later, or use the new one's budget.
        for item in queue.removeAll(where: { $0.generation != generation }) {
            if case .placeOrder(let place) = item.message { orderNeverSent(place.order.orderId) }
        }
        table.connectionLost()
        orderIDs.connectionReset()
        health.reset()
        pending.failAll(with: TWSClientError(.connectionLost, "the connection was lost (\(reason)) before the gateway answered"))
        for key in Array(sinks.keys) {
            sinks[key]?.gap(.connectionLost(reason))
            router.markNotLive(key)
        }
        perform(orders.connectionLost(.connectionLost(reason)))
    }

    func report(_ status: ConnectionStatus, now: SessionInstant) {
        var published = TWSConnectionStatus(status, now: now)
        published.clientId = endpoint?.clientId
        lastStatus = published
        logger.info("connection \(published)")
        stateObservers.yield(published)
        switch status.state {
        case .usable(let info):
            session = info
            everUsable = true
            if let since = lastLostAt {
                logger.info("usable again", metadata: ["tws.outage": "\(now - since)"])
                lastLostAt = nil
            }
            perform(orders.usable())
            connectWaiter?.yield(info)
            connectWaiter?.finish()
            connectWaiter = nil
        case .connected(let info):
            session = info
        case .lost(let reason) where !everUsable && !configuration.retryInitialConnect && !reason.movesToNextClientID:
            let target = endpoint.map { "\($0.host):\($0.port)" } ?? "the gateway"
            connectFailure = TWSClientError(.connectFailed, "could not connect to \(target): \(Self.describe(reason))")
        default:
            break
        }
    }

    /// A plain sentence for a lost reason.
    static func describe(_ reason: LostReason) -> String {
        switch reason {
        case .socketClosed: "the gateway closed the connection"
        case .socketError(let text): text
        case .keepaliveTimeout(let silence): "no answer for \(silence)"
        case .establishTimeout: "the gateway did not finish the handshake in time"
        case .synchronizationTimeout: "resubscription and order reconciliation did not finish in time"
        case .unsupportedServerVersion(let version): "the gateway chose server version \(version), which ibterm does not speak"
        case .protocolError(let text): "the gateway sent data ibterm cannot read (\(text))"
        case .clientIDInUse(let id, nil): "client id \(id) is already in use at the gateway (IB 326)"
        case .clientIDInUse(let id, .some(let next)): "client id \(id) is already in use at the gateway (IB 326); trying \(next)"
        case .clientIDsInUse(let ids) where ids.count == 1: "client id \(ids.lowerBound) is already in use at the gateway (IB 326)"
        case .clientIDsInUse(let ids): "client ids \(ids.lowerBound)...\(ids.upperBound) are all in use at the gateway (IB 326)"
        }
    }

    // MARK: Sending

    /// Queues a message behind the pacing limit; it goes out on the current connection only.
    /// An urgent message (the keepalive probe) goes ahead of any backlog, still paced.
    func send(_ message: ClientMessage, urgent: Bool = false) {
        guard channel != nil else { return }
        let item = Outgoing(generation: generation, message: message)
        if urgent { queue.enqueueFirst(item) } else { queue.enqueue(item) }
        flushQueue(now: clock.now())
    }

    func flushQueue(now: SessionInstant) {
        let batch = queue.drain(now: now)
        guard !batch.ready.isEmpty else { return }
        for item in batch.ready where item.generation != generation {
            if case .placeOrder(let place) = item.message { orderNeverSent(place.order.orderId) }
        }
        guard let channel, let serverVersion else { return }
        var wrote = false
        let at = now.offset.components
        let atNanoseconds = at.seconds * 1_000_000_000 + at.attoseconds / 1_000_000_000
        let recorder = configuration.recorder
        for item in batch.ready where item.generation == generation {
            logger.trace("send", metadata: ["tws.msg": "\(item.message.wireName)", "tws.at_ns": "\(atNanoseconds)"])
            let frame = item.message.encoded(serverVersion: serverVersion)
            recorder?.record(.outbound, connection: traceConnection, serverVersion: serverVersion, payload: frame[4...])
            channel.write(ByteBuffer(bytes: frame), promise: nil)
            wrote = true
        }
        if wrote { channel.flush() }
        if batch.nextWakeup != nil { rearmTimer() }
    }

    func writeRaw(_ bytes: [UInt8]) {
        channel?.writeAndFlush(ByteBuffer(bytes: bytes), promise: nil)
    }

    // MARK: Timers

    /// Arms one timer for the earliest deadline of any policy.
    func rearmTimer() {
        let now = clock.now()
        let deadline = [machine.nextDeadline, keepalive?.nextDeadline, queue.nextWakeup(now: now), health.nextDeadline]
            .compactMap { $0 }.min()
        // A timer set for an earlier instant stays: it finds nothing due when it fires and
        // re-arms then. Every read and every send pushes the keepalive deadline back, so
        // replacing the timer each time would cancel and start a task per message.
        if let deadline, let current = timerDeadline, timerTask != nil, current <= deadline { return }
        guard deadline != timerDeadline else { return }
        timerTask?.cancel()
        timerDeadline = deadline
        guard let deadline else {
            timerTask = nil
            return
        }
        let clock = self.clock
        timerTask = Task { [weak self] in
            do { try await clock.sleep(until: deadline) } catch { return }
            await self?.timerFired(deadline)
        }
    }

    func timerFired(_ deadline: SessionInstant) {
        guard timerDeadline == deadline else { return }
        timerDeadline = nil
        timerTask = nil
        let now = clock.now()
        flushQueue(now: now)
        switch keepalive?.tick(now: now) ?? .none {
        case .none: break
        case .sendProbe:
            logger.debug("line quiet: probing with reqCurrentTime")
            send(.requestCurrentTime, urgent: true)
        case .connectionDead(let silence):
            logger.warning("keepalive: no answer to the probe", metadata: ["tws.silent_for": "\(silence)"])
            perform(machine.handle(.keepaliveDead(silentFor: silence), now: now), now: now)
        }
        perform(machine.tick(now: now))
        for action in health.tick(now: now) { handleHealth(action) }
        rearmTimer()
    }
}
