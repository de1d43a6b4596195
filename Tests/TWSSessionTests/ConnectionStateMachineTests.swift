import Testing

@testable import TWSSession

@Suite struct ConnectionStateMachineTests {
    private let info = SessionInfo(serverVersion: 200, connectionTime: "20250415 19:38:30 British Summer Time", accounts: ["DU1234567"])

    private func makeMachine() -> ConnectionStateMachine {
        ConnectionStateMachine(reconnect: ReconnectPolicy(jitter: .none, generator: SeededGenerator(seed: 1)))
    }

    private func states(_ actions: [ConnectionAction]) -> [ConnectionState] {
        actions.compactMap { if case .reportState(let status) = $0 { status.state } else { nil } }
    }

    /// Drives a freshly opened socket through the handshake and start-up to usable.
    private func establish(_ machine: inout ConnectionStateMachine, at now: SessionInstant) {
        _ = machine.handle(.socketConnected, now: now)
        _ = machine.handle(.handshakeReply(serverVersion: 200, connectionTime: info.connectionTime), now: now)
        _ = machine.handle(.managedAccounts(info.accounts), now: now)
        _ = machine.handle(.nextValidID(1), now: now)
        _ = machine.handle(.resubscriptionSent, now: now)
        _ = machine.handle(.reconcileFinished, now: now)
    }

    @Test func firstConnectionGoesThroughHandshakeAndSynchronisationToUsable() {
        var machine = makeMachine()
        let t0 = SessionInstant.seconds(1)
        let connect = machine.handle(.connectRequested, now: t0)
        #expect(connect.first == .openSocket(attempt: 0))
        #expect(states(connect) == [.connecting(attempt: 0)])

        let opened = machine.handle(.socketConnected, now: t0)
        #expect(opened.first == .sendHandshake)
        #expect(machine.state == .handshaking)

        let reply = machine.handle(.handshakeReply(serverVersion: 200, connectionTime: info.connectionTime), now: t0)
        #expect(reply == [.sendStartAPI, .startKeepalive])

        // Either order of the two start-up messages; neither alone is enough.
        #expect(machine.handle(.nextValidID(1), now: t0).isEmpty)
        #expect(machine.state == .handshaking)
        let ready = machine.handle(.managedAccounts(info.accounts), now: t0)
        #expect(states(ready) == [.connected(info), .synchronizing(info)])
        #expect(ready.contains(.resubscribeAll))
        #expect(ready.contains(.reconcileOrders(since: nil)))

        #expect(machine.handle(.reconcileFinished, now: t0).isEmpty)
        #expect(!machine.state.isUsable)
        #expect(states(machine.handle(.resubscriptionSent, now: t0)) == [.usable(info)])
        #expect(machine.nextDeadline == nil)
    }

    @Test func emptyManagedAccountsNeverMakeTheConnectionReady() {
        var machine = makeMachine()
        _ = machine.handle(.connectRequested, now: .origin)
        _ = machine.handle(.socketConnected, now: .origin)
        _ = machine.handle(.handshakeReply(serverVersion: 178, connectionTime: "x"), now: .origin)
        _ = machine.handle(.nextValidID(1), now: .origin)
        #expect(machine.handle(.managedAccounts([""]), now: .origin).isEmpty)
        #expect(machine.handle(.managedAccounts([]), now: .origin).isEmpty)
        #expect(machine.state == .handshaking)
        // And the establish timeout ends the wait.
        let timedOut = machine.tick(now: .seconds(10))
        #expect(states(timedOut).first == .lost(.establishTimeout))
        #expect(timedOut.first == .closeSocket)
    }

    @Test func runsTheFullReconnectSequenceAfterTheSocketCloses() {
        var machine = makeMachine()
        _ = machine.handle(.connectRequested, now: .origin)
        establish(&machine, at: .origin)
        _ = machine.handle(.messageReceived, now: .seconds(40))

        // The gateway drops the socket.
        let lost = machine.handle(.socketClosed, now: .seconds(42))
        #expect(lost == [
            .stopKeepalive,
            .connectionLost(.socketClosed),
            .reportState(ConnectionStatus(state: .lost(.socketClosed), lastMessageReceivedAt: .seconds(40))),
            .scheduleReconnect(attempt: 1, at: .seconds(42) + .milliseconds(500)),
            .reportState(ConnectionStatus(
                state: .reconnecting(attempt: 1, nextTryAt: .seconds(42) + .milliseconds(500)),
                lastMessageReceivedAt: .seconds(40)
            )),
        ])
        #expect(machine.tick(now: .seconds(42)).isEmpty, "no attempt before the backoff")

        // Attempt 1 is refused; attempt 2 waits twice as long.
        let retry1 = machine.tick(now: .seconds(42) + .milliseconds(500))
        #expect(retry1.first == .openSocket(attempt: 1))
        let refused = machine.handle(.socketError(.socketError("connection refused")), now: .seconds(43))
        #expect(refused.contains(.scheduleReconnect(attempt: 2, at: .seconds(44))))
        #expect(!refused.contains(.stopKeepalive), "no keepalive ran on a socket that never opened")

        // Attempt 2 connects and starts up; synchronisation reconciles since the first loss.
        #expect(machine.tick(now: .seconds(44)).first == .openSocket(attempt: 2))
        _ = machine.handle(.socketConnected, now: .seconds(44))
        _ = machine.handle(.handshakeReply(serverVersion: 200, connectionTime: info.connectionTime), now: .seconds(44))
        _ = machine.handle(.nextValidID(7), now: .seconds(44))
        let ready = machine.handle(.managedAccounts(info.accounts), now: .seconds(44))
        #expect(ready.contains(.resubscribeAll))
        #expect(ready.contains(.reconcileOrders(since: .seconds(42))))
        #expect(machine.lostAt == .seconds(42))

        _ = machine.handle(.resubscriptionSent, now: .seconds(45))
        #expect(states(machine.handle(.reconcileFinished, now: .seconds(45))) == [.usable(info)])
        #expect(machine.lostAt == nil)
        #expect(machine.reconnect.attemptsSinceReset == 0, "backoff resets once usable")

        // The next loss starts again at attempt 1.
        let again = machine.handle(.keepaliveDead(silentFor: .seconds(5)), now: .seconds(60))
        #expect(again.first == .closeSocket)
        #expect(again.contains(.connectionLost(.keepaliveTimeout(silentFor: .seconds(5)))))
        #expect(again.contains(.scheduleReconnect(attempt: 1, at: .seconds(60) + .milliseconds(500))))
    }

    @Test func aLossDuringSynchronisationKeepsTheOriginalLossTime() {
        var machine = makeMachine()
        _ = machine.handle(.connectRequested, now: .origin)
        establish(&machine, at: .origin)
        _ = machine.handle(.socketClosed, now: .seconds(10))
        _ = machine.tick(now: .seconds(11))
        _ = machine.handle(.socketConnected, now: .seconds(11))
        _ = machine.handle(.handshakeReply(serverVersion: 200, connectionTime: "x"), now: .seconds(11))
        _ = machine.handle(.nextValidID(1), now: .seconds(11))
        _ = machine.handle(.managedAccounts(["DU1"]), now: .seconds(11))
        #expect(!machine.state.isUsable)

        // Reconciliation never finishes: the synchronisation timeout gives up on this socket.
        let timedOut = machine.tick(now: .seconds(41))
        #expect(timedOut.contains(.connectionLost(.synchronizationTimeout)))
        #expect(timedOut.contains(.scheduleReconnect(attempt: 2, at: .seconds(42))))

        _ = machine.tick(now: .seconds(42))
        _ = machine.handle(.socketConnected, now: .seconds(42))
        _ = machine.handle(.handshakeReply(serverVersion: 200, connectionTime: "x"), now: .seconds(42))
        _ = machine.handle(.nextValidID(1), now: .seconds(42))
        let ready = machine.handle(.managedAccounts(["DU1"]), now: .seconds(42))
        #expect(ready.contains(.reconcileOrders(since: .seconds(10))))
    }

    @Test func rejectsAServerVersionOutsideTheAcceptedRange() {
        var machine = makeMachine()
        _ = machine.handle(.connectRequested, now: .origin)
        _ = machine.handle(.socketConnected, now: .origin)
        let actions = machine.handle(.handshakeReply(serverVersion: 150, connectionTime: "x"), now: .origin)
        #expect(actions.first == .closeSocket)
        #expect(states(actions).first == .lost(.unsupportedServerVersion(150)))
        #expect(!actions.contains(.sendStartAPI))
    }

    @Test func aUserDisconnectStopsEverythingAndIgnoresLateSocketEvents() {
        var machine = makeMachine()
        _ = machine.handle(.connectRequested, now: .origin)
        establish(&machine, at: .origin)
        let actions = machine.handle(.userDisconnect, now: .seconds(5))
        #expect(actions.prefix(2) == [.closeSocket, .stopKeepalive])
        #expect(states(actions) == [.disconnected])
        #expect(machine.handle(.socketClosed, now: .seconds(5)).isEmpty)
        #expect(machine.tick(now: .seconds(100)).isEmpty)
        #expect(machine.nextDeadline == nil)
    }

    @Test func aUserDisconnectWhileWaitingToReconnectCancelsTheAttempt() {
        var machine = makeMachine()
        _ = machine.handle(.connectRequested, now: .origin)
        _ = machine.handle(.socketError(.socketError("refused")), now: .origin)
        #expect(machine.nextDeadline == .milliseconds(500))
        let actions = machine.handle(.userDisconnect, now: .milliseconds(100))
        #expect(actions == [.reportState(ConnectionStatus(state: .disconnected, lastMessageReceivedAt: nil))])
        #expect(machine.tick(now: .seconds(1)).isEmpty)
    }

    @Test func recordsTheLastMessageTimeFromEveryInboundEvent() {
        var machine = makeMachine()
        _ = machine.handle(.connectRequested, now: .origin)
        _ = machine.handle(.socketConnected, now: .origin)
        _ = machine.handle(.handshakeReply(serverVersion: 200, connectionTime: "x"), now: .seconds(1))
        #expect(machine.lastMessageReceivedAt == .seconds(1))
        _ = machine.handle(.messageReceived, now: .seconds(3))
        #expect(machine.status.lastMessageReceivedAt == .seconds(3))
    }

    @Test func ignoresEventsThatDoNotBelongToTheCurrentState() {
        var machine = makeMachine()
        #expect(machine.handle(.socketConnected, now: .origin).isEmpty)
        #expect(machine.handle(.reconcileFinished, now: .origin).isEmpty)
        #expect(machine.handle(.socketClosed, now: .origin).isEmpty)
        #expect(machine.state == .disconnected)
        _ = machine.handle(.connectRequested, now: .origin)
        #expect(machine.handle(.connectRequested, now: .origin).isEmpty)
    }
}
