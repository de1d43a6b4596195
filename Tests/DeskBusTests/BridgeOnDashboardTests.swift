import Dashboard
import DeskBus
import Testing
import Vocabulary

/// The bus's rules driving the real dashboard reducer: a dashboard on a bridge, fed entries
/// that went through stream fields and heartbeats through the link monitor, with a manual
/// clock. A bridge that stops beating takes the quote off LIVE within 2 s of its death.
@Suite struct BridgeOnDashboardTests {
    struct Screen {
        var state = DashboardState(config: DashboardConfig(watchlist: ["AAPL"]), now: Screen.time(0))
        var monitor = BridgeLinkMonitor()

        static func time(_ milliseconds: Int64) -> EventTime {
            EventTime(instant: .milliseconds(Int(milliseconds)), wall: Timestamp(millisecondsSinceEpoch: 1_764_858_000_000 + milliseconds))
        }

        /// A bus entry arrives at `milliseconds`: decoded from its fields, applied at its time.
        mutating func receive(_ entry: BusEntry, at milliseconds: Int64) throws {
            let decoded = try BusEntry(fields: try entry.fields())
            let receipt = Self.time(milliseconds)
            switch decoded {
            case let .heartbeat(heartbeat):
                _ = state.apply(monitor.heartbeat(heartbeat, at: receipt.instant), at: receipt)
            case let .event(event) where !event.isGatewayConnectionEvent:
                _ = state.apply(event.dashboardEvent, at: event.eventTime(receivedAt: receipt))
            default:
                break
            }
        }

        /// The clock reaches `milliseconds`.
        mutating func tick(at milliseconds: Int64) {
            let time = Self.time(milliseconds)
            _ = state.apply(monitor.tick(at: time.instant) + [.clockTick], at: time)
        }
    }

    func beat(_ sequence: Int, bridge: String = "A1") -> BusEntry {
        .heartbeat(BusHeartbeat(bridgeID: bridge, sequence: sequence, link: .connected, generation: 1, serverVersion: 178,
                                accounts: ["DU1"], nextOrderID: 100, sentAt: Timestamp(secondsSinceEpoch: 0)))
    }

    @Test func aDeadBridgeTakesQuotesOffLiveWithinTwoSeconds() throws {
        var screen = Screen()
        _ = screen.state.apply(.started, at: Screen.time(0))
        try screen.receive(beat(1), at: 0)
        #expect(screen.state.connection.state == .connected)
        try screen.receive(.event(.quoteRequested(symbol: "AAPL", requestID: 1_000_000_001, instrumentClass: .stock)), at: 10)
        try screen.receive(beat(2), at: 500)
        let evidence = QuoteEvidence(evidenceAgeMilliseconds: 20, generation: 1)
        try screen.receive(.event(.quote(QuoteUpdate(symbol: "AAPL", bid: 231.19, ask: 231.21, last: 231.2, lastSize: 1), evidence: evidence)), at: 900)
        #expect(screen.state.freshness(of: "AAPL")?.state == .live)
        try screen.receive(beat(3), at: 1_000)
        // The bridge dies right after its third beat. The runtime ticks by the monitor's deadline.
        let death: Int64 = 1_001
        let deadline = try #require(screen.monitor.deadline)
        screen.tick(at: 1_400)
        #expect(screen.state.freshness(of: "AAPL")?.state == .live)
        let deadlineMilliseconds = Int64(deadline.offset.components.seconds * 1000 + deadline.offset.components.attoseconds / 1_000_000_000_000_000)
        screen.tick(at: deadlineMilliseconds)
        #expect(deadlineMilliseconds - death < 2_000)
        #expect(screen.state.connection.state == .disconnected)
        #expect(screen.state.freshness(of: "AAPL")?.state != .live)
        // The bridge comes back as a new run: connected again; a fresh quote is live.
        try screen.receive(beat(1, bridge: "B2"), at: 5_000)
        #expect(screen.state.connection.state == .connected)
        try screen.receive(.event(.quote(QuoteUpdate(symbol: "AAPL", last: 231.3, lastSize: 2), evidence: evidence)), at: 5_100)
        #expect(screen.state.freshness(of: "AAPL")?.state == .live)
    }
}
