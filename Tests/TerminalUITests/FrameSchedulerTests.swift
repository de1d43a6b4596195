import Testing
import TerminalUI

@Suite struct FrameSchedulerTests {
    @Test func drawsTheFirstFrameAtOnce() {
        #expect(FrameScheduler().decide(now: .zero, stateVersion: 0) == .drawNow)
    }

    @Test func waitsForTheIdleRefreshWhenNothingChanged() {
        var scheduler = FrameScheduler()
        scheduler.didDraw(at: .seconds(10), stateVersion: 3)
        #expect(scheduler.decide(now: .milliseconds(10_500), stateVersion: 3) == .wait(until: .seconds(11)))
        #expect(scheduler.decide(now: .seconds(11), stateVersion: 3) == .drawNow)
    }

    @Test func capsChangesAtThirtyFramesPerSecond() {
        var scheduler = FrameScheduler(maxFramesPerSecond: 30)
        scheduler.didDraw(at: .zero, stateVersion: 0)
        let frame = Duration.seconds(1) / 30
        #expect(scheduler.decide(now: .milliseconds(1), stateVersion: 1) == .wait(until: frame))
        #expect(scheduler.decide(now: frame, stateVersion: 1) == .drawNow)
    }

    @Test func aBurstOfAThousandChangesGivesOneFrame() {
        var scheduler = FrameScheduler(maxFramesPerSecond: 30)
        var frames = 0
        var now = Duration.zero
        var version = 0
        if scheduler.decide(now: now, stateVersion: version) == .drawNow {
            frames += 1
            scheduler.didDraw(at: now, stateVersion: version)
        }
        // A thousand changes arrive within 20 ms, checked after each one.
        for _ in 0..<1000 {
            version += 1
            now += .microseconds(20)
            if scheduler.decide(now: now, stateVersion: version) == .drawNow {
                frames += 1
                scheduler.didDraw(at: now, stateVersion: version)
            }
        }
        #expect(frames == 1)
        #expect(scheduler.decide(now: .milliseconds(34), stateVersion: version) == .drawNow)
    }

    @Test func invalidateForcesTheNextFrame() {
        var scheduler = FrameScheduler()
        scheduler.didDraw(at: .seconds(1), stateVersion: 1)
        scheduler.invalidate()
        #expect(scheduler.decide(now: .seconds(1), stateVersion: 1) == .drawNow)
    }
}

@Suite struct FrameSchedulerDataRateTests {
    @Test func streamedChangesDrawAtTheDataRateAndKeysAtTheFullRate() {
        var scheduler = FrameScheduler(maxFramesPerSecond: 30, dataFramesPerSecond: 10)
        scheduler.didDraw(at: .zero, stateVersion: 0)
        #expect(scheduler.decide(now: .milliseconds(40), stateVersion: 1, interactive: false) == .wait(until: .milliseconds(100)))
        #expect(scheduler.decide(now: .milliseconds(40), stateVersion: 1, interactive: true) == .drawNow)
        #expect(scheduler.decide(now: .milliseconds(100), stateVersion: 1, interactive: false) == .drawNow)
    }
}
