import Dashboard
import DeskBus
import Testing
import Vocabulary

/// The dashboard's link on a bridge, with injected instants.
@Suite struct BridgeLinkMonitorTests {
    static let bridgeA = "AAAAAAAA-0000-4000-8000-000000000001"
    static let bridgeB = "BBBBBBBB-0000-4000-8000-000000000002"

    func beat(_ sequence: Int, bridge: String = bridgeA, link: LinkState = .connected, generation: Int = 1) -> BusHeartbeat {
        BusHeartbeat(bridgeID: bridge, sequence: sequence, link: link, generation: generation, serverVersion: 176,
                     accounts: ["DU1"], nextOrderID: 10, sentAt: Timestamp(secondsSinceEpoch: 0))
    }

    let connected = DashboardEvent.connected(serverVersion: 176, accounts: ["DU1"], nextOrderID: 10)

    func isLost(_ events: [DashboardEvent], saying words: String) -> Bool {
        guard events.count == 1, case let .connectionLost(reason) = events[0] else { return false }
        return reason.contains(words)
    }

    @Test func downAfterTheSilenceLimitAndUpOnTheNextHeartbeat() {
        var monitor = BridgeLinkMonitor()
        #expect(monitor.tick(at: .seconds(5)).isEmpty)
        #expect(monitor.heartbeat(beat(1), at: .milliseconds(1_000)) == [connected])
        #expect(monitor.isUp)
        #expect(monitor.heartbeat(beat(2), at: .milliseconds(1_500)).isEmpty)
        #expect(monitor.deadline == .milliseconds(3_000))
        #expect(monitor.tick(at: .milliseconds(2_999)).isEmpty)
        #expect(monitor.isUp)
        let lost = monitor.tick(at: .milliseconds(3_000))
        #expect(isLost(lost, saying: "bridge silent"))
        #expect(!monitor.isUp)
        #expect(monitor.tick(at: .milliseconds(4_000)).isEmpty)
        #expect(monitor.heartbeat(beat(3), at: .milliseconds(4_100)) == [connected])
        #expect(monitor.isUp)
    }

    @Test func theLimitIsConfigurable() {
        var monitor = BridgeLinkMonitor(silenceLimit: .milliseconds(600))
        _ = monitor.heartbeat(beat(1), at: .zeroInstant)
        #expect(monitor.tick(at: .milliseconds(599)).isEmpty)
        #expect(isLost(monitor.tick(at: .milliseconds(600)), saying: "limit 0.6 s"))
    }

    @Test func aRestartedBridgeIsAReconnect() {
        var monitor = BridgeLinkMonitor()
        _ = monitor.heartbeat(beat(41, bridge: Self.bridgeA), at: .milliseconds(100))
        let events = monitor.heartbeat(beat(1, bridge: Self.bridgeB), at: .milliseconds(600))
        #expect(events.count == 2)
        if case let .connectionLost(reason) = events.first { #expect(reason.contains("restarted")) } else { Issue.record("no loss: \(events)") }
        #expect(events.last == connected)
        #expect(monitor.state == .up(bridgeID: Self.bridgeB, generation: 1))
        // The new bridge counts from 1 again; its next beat is taken.
        #expect(monitor.heartbeat(beat(2, bridge: Self.bridgeB), at: .milliseconds(1_100)).isEmpty)
        #expect(monitor.last?.arrivedAt == .milliseconds(1_100))
    }

    @Test func aNewGatewayGenerationIsAReconnect() {
        var monitor = BridgeLinkMonitor()
        _ = monitor.heartbeat(beat(1, generation: 1), at: .milliseconds(100))
        let events = monitor.heartbeat(beat(2, generation: 2), at: .milliseconds(600))
        #expect(events.count == 2 && events.last == connected)
        if case let .connectionLost(reason) = events.first { #expect(reason.contains("reconnected")) } else { Issue.record("no loss: \(events)") }
    }

    @Test func aBridgeWithoutItsGatewayTakesTheLinkDownButIsNotSilent() {
        var monitor = BridgeLinkMonitor()
        _ = monitor.heartbeat(beat(1), at: .milliseconds(100))
        #expect(isLost(monitor.heartbeat(beat(2, link: .disconnected), at: .milliseconds(600)), saying: "lost its gateway"))
        #expect(monitor.state == .bridgeWithoutGateway(bridgeID: Self.bridgeA))
        #expect(monitor.heartbeat(beat(3, link: .connecting), at: .milliseconds(1_100)).isEmpty)
        #expect(monitor.tick(at: .milliseconds(2_000)).isEmpty)
        #expect(monitor.heartbeat(beat(4, generation: 2), at: .milliseconds(2_100)) == [connected])
    }

    @Test func aReplayedHeartbeatIsDropped() {
        var monitor = BridgeLinkMonitor()
        _ = monitor.heartbeat(beat(5), at: .milliseconds(100))
        #expect(monitor.heartbeat(beat(5), at: .milliseconds(1_000)).isEmpty)
        #expect(monitor.heartbeat(beat(4), at: .milliseconds(1_200)).isEmpty)
        // Neither refreshed the link: it still goes silent 1.5 s after the real one.
        #expect(isLost(monitor.tick(at: .milliseconds(1_600)), saying: "bridge silent"))
    }
}

extension SessionInstant {
    static var zeroInstant: SessionInstant { .origin }
}
