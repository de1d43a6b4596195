import Testing
@testable import TWSClient
import TWSSession
import TWSWire

/// The client against ``MemoryGateway`` on the manual clock: pacing, keepalive and read
/// batches, asserted on values (what was sent when, the states reported), with no socket and
/// no real sleeping; time moves only when the test moves it.
@Suite(.timeLimit(.minutes(1))) struct InMemoryClientTests {
    static func client(_ gateway: MemoryGateway, _ configure: (inout TWSClientConfiguration) -> Void = { _ in }) -> IBClient {
        var configuration = TWSClientConfiguration()
        configuration.clock = gateway.clock
        configuration.channelOpener = gateway.opener
        configuration.reconnectJitter = .none
        configure(&configuration)
        return IBClient(configuration: configuration, logger: LogCapture().logger())
    }

    /// Moves the manual clock to the client's next timer deadline and returns once the client
    /// has handled it (its timer re-armed) and the gateway has read what it sent; the deadline.
    @discardableResult
    static func advanceToNextDeadline(_ client: IBClient, _ gateway: MemoryGateway) async throws -> SessionInstant {
        let deadline = try #require(await client.timerDeadline, "no timer armed")
        gateway.clock.advance(by: deadline - gateway.clock.now())
        try await waitUntil("the timer due at \(deadline) handled") { await client.timerDeadline != deadline }
        try await gateway.settle()
        return deadline
    }

    @Test func pacingHoldsMessagesPerSecondToTheLimitOnTheManualClock() async throws {
        let gateway = MemoryGateway(clock: ManualClock())
        let client = Self.client(gateway) { $0.keepaliveIdle = .seconds(3600) }
        try await client.connect(host: "gateway", port: 4002, clientId: 7)
        let before = gateway.sent.count

        var streams: [AsyncStream<QuoteEvent>] = []
        for index in 0..<175 { streams.append(await client.subscribeQuotes(Contract(symbol: "S\(index)"))) }
        try await gateway.settle()
        var steps = 0
        while gateway.sent.compactMap(\.message.marketDataSymbol).count < 175, steps < 1000 {
            try await Self.advanceToNextDeadline(client, gateway)
            steps += 1
        }

        let burst = gateway.sent.dropFirst(before)
        #expect(burst.compactMap(\.message.marketDataSymbol) == (0..<175).map { "S\($0)" }, "nothing dropped, order kept")
        let instants = burst.map { $0.at - .origin }
        #expect(PacingTests.busiestWindow(instants, window: .seconds(1)) == 50)
        let span = try #require(instants.max()) - (instants.min() ?? .zero)
        #expect(span >= .seconds(2.5), "175 messages at 50 a second take over 2.5 s of the manual clock, took \(span)")
        await client.disconnect()
    }

    @Test func aSilentLinkIsProbedAndDeclaredDeadAfterTheConfiguredTimes() async throws {
        let gateway = MemoryGateway(clock: ManualClock())
        let client = Self.client(gateway) {
            $0.keepaliveIdle = .seconds(2)
            $0.keepaliveTimeout = .seconds(3)
            $0.reconnectInitialDelay = .seconds(60)
        }
        let (states, task) = Recorder.record(await client.connectionStates())
        try await client.connect(host: "gateway", port: 4002, clientId: 7)
        gateway.answersProbes = false
        let connectedAt = gateway.clock.now()

        // The line is quiet: at 2 s the probe goes out, ahead of anything queued.
        var probedAt: SessionInstant?
        while probedAt == nil, gateway.clock.now() - connectedAt < .seconds(10) {
            try await Self.advanceToNextDeadline(client, gateway)
            probedAt = gateway.sent.last { $0.message == .requestCurrentTime }?.at
        }
        #expect(probedAt.map { $0 - connectedAt } == .seconds(2))

        // Unanswered: 3 s after the probe the link is dead.
        var lostAt: SessionInstant?
        while lostAt == nil, gateway.clock.now() - connectedAt < .seconds(20) {
            try await Self.advanceToNextDeadline(client, gateway)
            lostAt = states.events.last { $0.isLost }?.at
        }
        #expect(lostAt.map { $0 - connectedAt } == .seconds(5))
        let lost = states.events.last { $0.isLost }?.state
        #expect(lost == .lost(.keepaliveTimeout(silentFor: .seconds(5))))
        await client.disconnect()
        task.cancel()
    }

    @Test func framesReadTogetherReachTheStreamWithOneReadInstant() async throws {
        let gateway = MemoryGateway(clock: ManualClock())
        let client = Self.client(gateway)
        try await client.connect(host: "gateway", port: 4002, clientId: 7)
        let (events, task) = Recorder.record(await client.subscribeQuotes(Contract(symbol: "AAPL")))
        try await gateway.settle()
        let reqId = try #require(gateway.sent.compactMap(\.message.marketDataRequestID).last)

        gateway.clock.advance(by: .milliseconds(250))
        let ticks = (1...20).map { ServerMessage.tickPrice(TickPrice(reqId: reqId, tickType: .bid, price: Double($0), size: nil)) }
        try await gateway.deliver(ticks)
        try await waitUntil("20 updates") { events.events.count == 20 }
        let quotes = events.events.compactMap { if case .update(let quote) = $0 { quote } else { nil } }
        #expect(quotes.map(\.bid) == (1...20).map { Double($0) })
        #expect(Set(quotes.map(\.receivedAt)) == [.origin + .milliseconds(250)])
        #expect(quotes.allSatisfy { $0.carried == .bid })
        await client.disconnect()
        task.cancel()
    }

    @Test func aNoticeReadWithTheStartUpMessagesIsNoEarlierThanTheConnectedState() async throws {
        let gateway = MemoryGateway(clock: ManualClock())
        gateway.startupNotices = [ErrorMessage(id: -1, code: 2110, message: "Connectivity between TWS and server is broken.")]
        gateway.clock.stepEveryReading(by: .microseconds(1))
        let client = Self.client(gateway)
        let (states, task) = Recorder.record(await client.connectionStates())
        let (notices, noticesTask) = Recorder.record(await client.notices())
        try await client.connect(host: "gateway", port: 4002, clientId: 7)
        try await waitUntil("the 2110 notice") { notices.events.contains { $0.code == 2110 } }
        // Every reading of the clock is later than the one before: the connected state is
        // stamped with the read that brought the start-up messages, not a later reading, so the
        // dashboard files the notice under the new connection.
        let connected = try #require(states.events.first { if case .connected = $0.state { true } else { false } })
        let notice = try #require(notices.events.first { $0.code == 2110 })
        #expect(connected.at <= notice.receivedAt)
        await client.disconnect()
        task.cancel()
        noticesTask.cancel()
    }
}
