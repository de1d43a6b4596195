import Testing

@testable import TWSSession

@Suite struct ClientIDPoolTests {
    @Test func movesThroughTheRangeAndStartsOverWhenEveryIdWasRefused() {
        var pool = ClientIDPool(first: 17, count: 3)
        #expect(pool.ids == 17...19)
        #expect(pool.current == 17)
        #expect(pool.refused() == .next(18))
        #expect(pool.current == 18)
        #expect(pool.refused() == .next(19))
        #expect(pool.refused() == .exhausted(17...19))
        #expect(pool.current == 17)
        #expect(pool.refused() == .next(18))
    }

    @Test func aPinnedIdNeverMoves() {
        var pool = ClientIDPool.pinned(5)
        #expect(pool.isPinned)
        #expect(!pool.hasAlternatives)
        #expect(pool.refused() == .pinned(5))
        #expect(pool.refused() == .pinned(5))
        #expect(pool.current == 5)
    }

    @Test func aRangeOfOneIsExhaustedAtOnce() {
        var pool = ClientIDPool(first: 3, count: 1)
        #expect(!pool.hasAlternatives)
        #expect(pool.refused() == .exhausted(3...3))
        #expect(pool.current == 3)
    }

    @Test(arguments: [(-4, 2, 0...1), (7, 0, 7...7), (Int(Int32.max) - 1, 10, (Int(Int32.max) - 1)...Int(Int32.max))])
    func keepsToTheIdsIBAccepts(first: Int, count: Int, expected: ClosedRange<Int>) {
        #expect(ClientIDPool(first: first, count: count).ids == expected)
    }
}

@Suite struct ClientIDInUseTests {
    private func makeMachine(_ pool: ClientIDPool) -> ConnectionStateMachine {
        var machine = ConnectionStateMachine(reconnect: ReconnectPolicy(jitter: .none, generator: SeededGenerator(seed: 1)))
        machine.clientIDs = pool
        return machine
    }

    private func states(_ actions: [ConnectionAction]) -> [ConnectionState] {
        actions.compactMap { if case .reportState(let status) = $0 { status.state } else { nil } }
    }

    /// Opens the socket and answers the handshake, as before START_API's answer.
    private func handshake(_ machine: inout ConnectionStateMachine, at now: SessionInstant) {
        _ = machine.handle(.socketConnected, now: now)
        _ = machine.handle(.handshakeReply(serverVersion: 200, connectionTime: "t"), now: now)
    }

    @Test func a326MovesToTheNextIdAtOnceWithoutABackoff() {
        var machine = makeMachine(ClientIDPool(first: 17, count: 10))
        _ = machine.handle(.connectRequested, now: .origin)
        handshake(&machine, at: .origin)
        let refused = machine.handle(.clientIDInUse, now: .seconds(1))
        #expect(refused == [
            .closeSocket,
            .stopKeepalive,
            .connectionLost(.clientIDInUse(17, next: 18)),
            .reportState(ConnectionStatus(state: .lost(.clientIDInUse(17, next: 18)), lastMessageReceivedAt: .origin)),
            .useClientID(18),
            .openSocket(attempt: 0),
            .reportState(ConnectionStatus(state: .connecting(attempt: 0), lastMessageReceivedAt: .origin)),
        ])
        #expect(!refused.contains { if case .scheduleReconnect = $0 { true } else { false } })
        #expect(machine.clientIDs.current == 18)
        // The next connection starts with the new id.
        handshake(&machine, at: .seconds(1))
        _ = machine.handle(.managedAccounts(["DU1"]), now: .seconds(1))
        let ready = machine.handle(.nextValidID(1), now: .seconds(1))
        #expect(states(ready).first == .connected(SessionInfo(serverVersion: 200, connectionTime: "t", accounts: ["DU1"], clientID: 18)))
    }

    @Test func aReconnectRefusedAs326MovesAtOnceToo() {
        var machine = makeMachine(ClientIDPool(first: 1, count: 3))
        _ = machine.handle(.connectRequested, now: .origin)
        handshake(&machine, at: .origin)
        _ = machine.handle(.managedAccounts(["DU1"]), now: .origin)
        _ = machine.handle(.nextValidID(1), now: .origin)
        _ = machine.handle(.resubscriptionSent, now: .origin)
        _ = machine.handle(.reconcileFinished, now: .origin)
        // The link drops; after the backoff the reconnect finds id 1 taken meanwhile.
        let lost = machine.handle(.socketClosed, now: .seconds(10))
        guard case .scheduleReconnect(let attempt, let at)? = lost.first(where: { if case .scheduleReconnect = $0 { true } else { false } }) else {
            Issue.record("no reconnect scheduled")
            return
        }
        _ = machine.tick(now: at)
        handshake(&machine, at: at)
        let refused = machine.handle(.clientIDInUse, now: at)
        #expect(refused.contains(.useClientID(2)))
        #expect(refused.contains(.openSocket(attempt: attempt)))
        #expect(!refused.contains { if case .scheduleReconnect = $0 { true } else { false } })
        #expect(machine.state == .connecting(attempt: attempt))
        // The loss is still dated from the drop, so reconciliation covers the whole outage.
        handshake(&machine, at: at)
        _ = machine.handle(.managedAccounts(["DU1"]), now: at)
        let ready = machine.handle(.nextValidID(1), now: at)
        #expect(ready.contains(.reconcileOrders(since: .seconds(10))))
    }

    @Test func aPinnedIdIsRetriedAfterTheBackoff() {
        var machine = makeMachine(.pinned(5))
        _ = machine.handle(.connectRequested, now: .origin)
        handshake(&machine, at: .origin)
        let refused = machine.handle(.clientIDInUse, now: .seconds(1))
        #expect(states(refused).first == .lost(.clientIDInUse(5, next: nil)))
        #expect(refused.contains { if case .scheduleReconnect = $0 { true } else { false } })
        #expect(!refused.contains { if case .useClientID = $0 { true } else { false } })
        #expect(machine.clientIDs.current == 5)
    }

    @Test func aRangeAllInUseSaysSoAndBacksOffToItsFirstId() {
        var machine = makeMachine(ClientIDPool(first: 1, count: 2))
        _ = machine.handle(.connectRequested, now: .origin)
        handshake(&machine, at: .origin)
        _ = machine.handle(.clientIDInUse, now: .origin)
        handshake(&machine, at: .origin)
        let exhausted = machine.handle(.clientIDInUse, now: .origin)
        #expect(states(exhausted).first == .lost(.clientIDsInUse(1...2)))
        #expect(exhausted.first == .useClientID(1), "the id shown while waiting is the one tried next")
        #expect(exhausted.contains { if case .scheduleReconnect = $0 { true } else { false } })
        #expect(machine.clientIDs.current == 1)
        #expect(!LostReason.clientIDsInUse(1...2).movesToNextClientID)
        #expect(LostReason.clientIDInUse(1, next: 2).movesToNextClientID)
    }

    @Test func a326OutsideAConnectionAttemptChangesNothing() {
        var machine = makeMachine(ClientIDPool(first: 1, count: 2))
        #expect(machine.handle(.clientIDInUse, now: .origin).isEmpty)
        _ = machine.handle(.connectRequested, now: .origin)
        handshake(&machine, at: .origin)
        _ = machine.handle(.managedAccounts(["DU1"]), now: .origin)
        _ = machine.handle(.nextValidID(1), now: .origin)
        _ = machine.handle(.resubscriptionSent, now: .origin)
        _ = machine.handle(.reconcileFinished, now: .origin)
        #expect(machine.state.isUsable)
        #expect(machine.handle(.clientIDInUse, now: .origin).isEmpty)
        #expect(machine.clientIDs.current == 1)
    }
}
