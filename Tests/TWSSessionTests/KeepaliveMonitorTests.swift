import Testing

@testable import TWSSession

@Suite struct KeepaliveMonitorTests {
    @Test func detectsAHalfOpenConnectionAtExactlyIdlePlusTimeout() {
        let start = SessionInstant.seconds(50)
        var monitor = KeepaliveMonitor(now: start)
        #expect(monitor.nextDeadline == start + .seconds(2))

        #expect(monitor.tick(now: start + .seconds(2) - .nanoseconds(1)) == .none)
        #expect(monitor.tick(now: start + .seconds(2)) == .sendProbe)
        #expect(monitor.phase == .probing(sentAt: start + .seconds(2)))
        #expect(monitor.nextDeadline == start + .seconds(5))

        // The server keeps the socket but never answers.
        #expect(monitor.tick(now: start + .seconds(5) - .nanoseconds(1)) == .none)
        #expect(monitor.tick(now: start + .seconds(5)) == .connectionDead(silentFor: .seconds(5)))
        #expect(monitor.nextDeadline == nil)
        #expect(monitor.tick(now: start + .seconds(60)) == .none)
    }

    @Test func anyInboundMessagePostponesTheProbe() {
        var monitor = KeepaliveMonitor(now: .origin)
        monitor.received(now: .milliseconds(1500))
        #expect(monitor.tick(now: .seconds(2)) == .none)
        #expect(monitor.nextDeadline == .milliseconds(3500))
        #expect(monitor.tick(now: .milliseconds(3500)) == .sendProbe)
    }

    @Test func aMessageAfterTheProbeKeepsTheConnectionAlive() {
        var monitor = KeepaliveMonitor(now: .origin)
        #expect(monitor.tick(now: .seconds(2)) == .sendProbe)
        monitor.received(now: .seconds(4))
        #expect(monitor.phase == .idle)
        #expect(monitor.tick(now: .seconds(5)) == .none)
        #expect(monitor.tick(now: .seconds(6)) == .sendProbe)
    }

    @Test func aLateTickStillGivesTheProbeItsFullTimeout() {
        var monitor = KeepaliveMonitor(now: .origin, idleInterval: .seconds(2), probeTimeout: .seconds(3))
        #expect(monitor.tick(now: .seconds(4)) == .sendProbe)
        #expect(monitor.tick(now: .seconds(6)) == .none)
        #expect(monitor.tick(now: .seconds(7)) == .connectionDead(silentFor: .seconds(7)))
    }

    @Test func restartWatchesANewConnectionAfterADeadOne() {
        var monitor = KeepaliveMonitor(now: .origin)
        _ = monitor.tick(now: .seconds(2))
        _ = monitor.tick(now: .seconds(5))
        #expect(monitor.phase == .dead)
        monitor.received(now: .seconds(6))
        #expect(monitor.phase == .dead, "a late message from the dead socket does not revive it")
        monitor.restart(now: .seconds(10))
        #expect(monitor.nextDeadline == .seconds(12))
    }
}
