import Testing
import TWSTrace

/// The replay's time line: play at a speed, pause, step, jump; time comes in as values.
@Suite("Replay transport")
struct ReplayTransportTests {
    static let second: Int64 = 1_000_000_000
    static let machineSecond: UInt64 = 1_000_000_000

    @Test func atTenTimesAFrameTenRecordedSecondsAwayWaitsOneMachineSecond() {
        let transport = ReplayTransport(speed: .times(10), durationNanoseconds: 60 * Self.second, now: 0)
        #expect(transport.decide(frameAt: 10 * Self.second, now: 0) == .wait(nanoseconds: Self.machineSecond))
        #expect(transport.decide(frameAt: 10 * Self.second, now: Self.machineSecond) == .send)
        #expect(transport.playhead(at: Self.machineSecond / 2) == 5 * Self.second)
        // The playhead stops at the time line's end.
        #expect(transport.playhead(at: 100 * Self.machineSecond) == 60 * Self.second)
    }

    @Test func pausedItHoldsAndStandsThenPlaysOnFromWhereItStood() {
        var transport = ReplayTransport(speed: .times(1), durationNanoseconds: 60 * Self.second, now: 0)
        transport.apply(.togglePause, at: 3 * Self.machineSecond)
        #expect(transport.isPaused)
        #expect(transport.playhead(at: 50 * Self.machineSecond) == 3 * Self.second)
        #expect(transport.decide(frameAt: 4 * Self.second, now: 50 * Self.machineSecond) == .hold)
        transport.apply(.togglePause, at: 50 * Self.machineSecond)
        #expect(!transport.isPaused)
        #expect(transport.playhead(at: 51 * Self.machineSecond) == 4 * Self.second)
        #expect(transport.decide(frameAt: 4 * Self.second, now: 51 * Self.machineSecond) == .send)
    }

    @Test func aStepPausesAndMovesOneRecordedSecond() {
        var transport = ReplayTransport(speed: .times(10), durationNanoseconds: 60 * Self.second, now: 0)
        transport.apply(.step, at: Self.machineSecond / 10)   // playhead 1 s: pause, then 2 s
        #expect(transport.isPaused)
        #expect(transport.playhead(at: 9 * Self.machineSecond) == 2 * Self.second)
        #expect(transport.decide(frameAt: 2 * Self.second, now: 9 * Self.machineSecond) == .send)
        #expect(transport.decide(frameAt: 2 * Self.second + 1, now: 9 * Self.machineSecond) == .hold)
        transport.apply(.step, at: 10 * Self.machineSecond)
        #expect(transport.playhead(at: 10 * Self.machineSecond) == 3 * Self.second)
        #expect(transport.decide(frameAt: 3 * Self.second, now: 10 * Self.machineSecond) == .send)
    }

    @Test func aJumpForwardSendsTheMinuteBetweenAtOnceAndABackJumpRewinds() {
        var transport = ReplayTransport(speed: .times(1), durationNanoseconds: 300 * Self.second, now: 0)
        let forward = transport.apply(.jump(seconds: 60), at: 10 * Self.machineSecond)
        #expect(!forward)
        #expect(transport.playhead(at: 10 * Self.machineSecond) == 70 * Self.second)
        #expect(transport.decide(frameAt: 69 * Self.second, now: 10 * Self.machineSecond) == .send)
        #expect(transport.rewinds == 0)
        transport.sent(frameAt: 70 * Self.second)
        let back = transport.apply(.jump(seconds: -60), at: 20 * Self.machineSecond)
        #expect(back)
        #expect(transport.rewinds == 1)
        #expect(transport.lastSent == nil)
        // Back to 20 s (80 − 60): played again at once up to it, then at the speed.
        #expect(transport.playhead(at: 20 * Self.machineSecond) == 20 * Self.second)
        #expect(transport.decide(frameAt: 20 * Self.second, now: 20 * Self.machineSecond) == .send)
        #expect(transport.decide(frameAt: 25 * Self.second, now: 20 * Self.machineSecond) == .wait(nanoseconds: 5 * Self.machineSecond))
        // Never before the start nor past the end.
        transport.apply(.jump(seconds: -600), at: 20 * Self.machineSecond)
        #expect(transport.playhead(at: 20 * Self.machineSecond) == 0)
        transport.apply(.jump(seconds: 6000), at: 20 * Self.machineSecond)
        #expect(transport.playhead(at: 20 * Self.machineSecond) == 300 * Self.second)
    }

    @Test func atMaxSpeedEveryFrameGoesAndThePlayheadIsTheLastFrameSent() {
        var transport = ReplayTransport(speed: .max, durationNanoseconds: 60 * Self.second, now: 0)
        #expect(transport.decide(frameAt: 59 * Self.second, now: 0) == .send)
        transport.sent(frameAt: 12 * Self.second)
        #expect(transport.playhead(at: 0) == 12 * Self.second)
        transport.apply(.togglePause, at: 0)
        #expect(transport.decide(frameAt: 13 * Self.second, now: 0) == .hold)
    }

    @Test func fromStartsThePlayheadThereWithEarlierFramesAtOnce() {
        let transport = ReplayTransport(speed: .times(1), durationNanoseconds: 60 * Self.second, from: 30 * Self.second, now: 0)
        #expect(transport.playhead(at: 0) == 30 * Self.second)
        #expect(transport.decide(frameAt: 29 * Self.second, now: 0) == .send)
        #expect(transport.decide(frameAt: 31 * Self.second, now: 0) == .wait(nanoseconds: Self.machineSecond))
    }

    @Test func pausedPastTheEndItStandsAtTheEndAndAJumpBackCountsFromThere() {
        var transport = ReplayTransport(speed: .times(1), durationNanoseconds: 60 * Self.second, now: 0)
        transport.apply(.togglePause, at: 100 * Self.machineSecond)
        #expect(transport.playhead(at: 100 * Self.machineSecond) == 60 * Self.second)
        transport.apply(.jump(seconds: -30), at: 100 * Self.machineSecond)
        #expect(transport.playhead(at: 100 * Self.machineSecond) == 30 * Self.second)
        #expect(transport.rewinds == 1)
    }
}
