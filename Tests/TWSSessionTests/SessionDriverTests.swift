import Testing

@testable import TWSSession

/// The policies wired together the way the NIO client drives them, with a scripted server.
@Suite struct SessionDriverTests {
    enum Outbound: Equatable {
        case handshake, startAPI, probe, openOrders, executions
        case subscribe(String, requestID: Int)
        case cancel(requestID: Int)
    }

    /// A minimal driver: carries out actions and fires timers; the "socket" is the test.
    struct Driver {
        var machine = ConnectionStateMachine(
            reconnect: ReconnectPolicy(jitter: .none, generator: SeededGenerator(seed: 5))
        )
        var keepalive: KeepaliveMonitor?
        var table = SubscriptionTable<String>()
        var requestIDs = RequestIDAllocator(range: 1000...9999)
        var orderIDs = OrderIDAllocator()
        var queue = PacedQueue<Outbound>()
        var wire: [(at: SessionInstant, message: Outbound)] = []
        var reported: [ConnectionState] = []
        var socketOpens: [SessionInstant] = []
        var now = SessionInstant.origin
        /// Whether the scripted server answers keepalive probes (CURRENT_TIME).
        var serverAnswers = true

        mutating func handle(_ event: ConnectionEvent) {
            if case .nextValidID(let id) = event { orderIDs.receivedNextValidID(id) }
            keepalive?.received(now: now)
            perform(machine.handle(event, now: now))
        }

        mutating func perform(_ actions: [ConnectionAction]) {
            for action in actions {
                switch action {
                case .openSocket: socketOpens.append(now)
                case .sendHandshake: send(.handshake)
                case .sendStartAPI: send(.startAPI)
                case .startKeepalive: keepalive = KeepaliveMonitor(now: now)
                case .stopKeepalive: keepalive = nil
                case .closeSocket, .scheduleReconnect, .useClientID: break
                case .connectionLost:
                    table.connectionLost()
                    orderIDs.connectionReset()
                case .resubscribeAll:
                    for step in table.resubscribeAll(ids: &requestIDs) {
                        send(.subscribe(step.request, requestID: step.requestID))
                    }
                    perform(machine.handle(.resubscriptionSent, now: now))
                case .reconcileOrders:
                    send(.openOrders)
                    send(.executions)
                case .reportState(let status): reported.append(status.state)
                }
            }
        }

        mutating func send(_ message: Outbound) {
            queue.enqueue(message)
            flush()
        }

        mutating func flush() {
            wire += queue.drain(now: now).ready.map { (now, $0) }
        }

        mutating func subscribe(_ symbol: String) {
            let (_, requestID) = table.add(.marketData, request: symbol, ids: &requestIDs)
            if let requestID { send(.subscribe(symbol, requestID: requestID)) }
        }

        /// The earliest timer any policy has armed.
        var nextDeadline: SessionInstant? {
            [machine.nextDeadline, keepalive?.nextDeadline, queue.nextWakeup(now: now)]
                .compactMap { $0 }.min()
        }

        /// Jumps from timer to timer up to `limit`, as the event loop would.
        mutating func run(until limit: SessionInstant) {
            while let deadline = nextDeadline, deadline <= limit {
                now = max(now, deadline)
                flush()
                switch keepalive?.tick(now: now) ?? .none {
                case .none: break
                case .sendProbe:
                    send(.probe)
                    if serverAnswers { handle(.messageReceived) }
                case .connectionDead(let silence): perform(machine.handle(.keepaliveDead(silentFor: silence), now: now))
                }
                perform(machine.tick(now: now))
            }
            now = max(now, limit)
        }

        /// The scripted server's start-up answer.
        mutating func serverStartUp(nextValidID: Int) {
            handle(.socketConnected)
            handle(.handshakeReply(serverVersion: 200, connectionTime: "20250415 19:38:30 British Summer Time"))
            handle(.managedAccounts(["DU1234567"]))
            handle(.nextValidID(nextValidID))
        }
    }

    @Test func detectsAHalfOpenConnectionThenReconnectsResubscribesAndReconcilesBeforeUsable() throws {
        var driver = Driver()
        driver.subscribe("AAPL")                         // before connecting: deferred
        driver.perform(driver.machine.handle(.connectRequested, now: driver.now))
        driver.serverStartUp(nextValidID: 1)
        driver.handle(.reconcileFinished)
        #expect(driver.machine.state.isUsable)
        driver.subscribe("MSFT")
        #expect(try driver.orderIDs.allocate() == 1)

        // The server answers every probe until t = 10 s, then keeps the socket open and says
        // nothing (a half-open connection).
        driver.run(until: .seconds(10))
        #expect(driver.wire.filter { $0.message == .probe }.map(\.at) == [2, 4, 6, 8, 10].map(SessionInstant.seconds))
        driver.serverAnswers = false
        driver.run(until: .seconds(15) + .milliseconds(500))

        #expect(driver.wire.last?.message == .probe)
        #expect(driver.wire.last?.at == .seconds(12), "probe after 2 s of silence")
        let lostState = driver.reported.first { if case .lost = $0 { true } else { false } }
        #expect(lostState == .lost(.keepaliveTimeout(silentFor: .seconds(5))), "dead 5 s after the last answer")
        #expect(driver.socketOpens == [.origin, .seconds(15) + .milliseconds(500)], "retry 0.5 s after the verdict")

        // The retry connects; nothing is usable until resubscription and reconciliation.
        driver.now = .seconds(16)
        let sentBefore = driver.wire.count
        driver.serverStartUp(nextValidID: 1)            // the gateway forgot our ids
        #expect(!driver.machine.state.isUsable)
        let resent = driver.wire[sentBefore...].map(\.message)
        guard resent.count == 6, case .subscribe("AAPL", let aaplID) = resent[2],
            case .subscribe("MSFT", let msftID) = resent[3]
        else {
            Issue.record("expected AAPL then MSFT resubscribed, got \(resent)")
            return
        }
        #expect(resent == [
            .handshake, .startAPI, .subscribe("AAPL", requestID: aaplID),
            .subscribe("MSFT", requestID: msftID), .openOrders, .executions,
        ])
        #expect(Set([aaplID, msftID]).isDisjoint(with: [1000, 1001]), "fresh request ids")
        #expect(driver.table.subscription(forRequestID: msftID)?.request == "MSFT")
        #expect(driver.table.subscription(forRequestID: 1001) == nil, "old ids no longer route")

        driver.handle(.reconcileFinished)
        #expect(driver.machine.state.isUsable)
        #expect(try driver.orderIDs.allocate() == 2, "order ids never go back")
    }
}
