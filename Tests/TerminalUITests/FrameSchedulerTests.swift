import Testing
import TerminalUI

/// The frame scheduler's decisions, with time passed in: no clock, no sleeping.
@Suite struct FrameSchedulerTests {
    let frame = Duration.seconds(1) / 60

    @Test func drawsTheFirstFrameAtOnce() {
        var scheduler = FrameScheduler.shipped
        #expect(scheduler.decide(now: .zero, stateVersion: 0) == .drawNow)
    }

    @Test func waitsForTheIdleRefreshWhenNothingChanged() {
        var scheduler = FrameScheduler.shipped
        scheduler.didDraw(startedAt: .seconds(10), finishedAt: .seconds(10), stateVersion: 3)
        #expect(scheduler.decide(now: .milliseconds(10_500), stateVersion: 3) == .wait(until: .seconds(11), wakeOnChange: true))
        #expect(scheduler.decide(now: .seconds(11), stateVersion: 3) == .drawNow)
    }

    @Test func aChangeOnAnIdleScreenIsDrawnAtOnce() {
        var scheduler = FrameScheduler(maxFramesPerSecond: 60)
        scheduler.didDraw(startedAt: .zero, finishedAt: .milliseconds(1), stateVersion: 0)
        #expect(scheduler.decide(now: .milliseconds(500), stateVersion: 1) == .drawNow)
    }

    @Test func aChangeUnderLoadWaitsForTheFrameIntervalWithoutWakingOnMoreChanges() {
        var scheduler = FrameScheduler(maxFramesPerSecond: 60)
        scheduler.didDraw(startedAt: .zero, finishedAt: .milliseconds(1), stateVersion: 0)
        #expect(scheduler.decide(now: .milliseconds(5), stateVersion: 1) == .wait(until: frame, wakeOnChange: false))
        #expect(scheduler.decide(now: frame, stateVersion: 7) == .drawNow, "everything since is one frame")
    }

    @Test func neverMoreThanSixtyFramesASecondUnderAStreamOfChanges() {
        var scheduler = FrameScheduler.shipped
        var frames: [Duration] = []
        var version: UInt64 = 0
        // A change every 100 µs for two seconds; every frame costs 0.5 ms.
        var now = Duration.zero
        while now < .seconds(2) {
            version += 1
            if scheduler.decide(now: now, stateVersion: version) == .drawNow {
                frames.append(now)
                scheduler.didDraw(startedAt: now, finishedAt: now + .microseconds(500), stateVersion: version)
            }
            now += .microseconds(100)
        }
        #expect(frames.count <= 121)
        #expect(frames.count >= 115, "the cap is also the rate under load")
        for (earlier, later) in zip(frames, frames.dropFirst()) {
            #expect(later - earlier >= frame)
        }
    }

    @Test func aBurstOfAThousandChangesGivesOneFrame() {
        var scheduler = FrameScheduler(maxFramesPerSecond: 30)
        scheduler.didDraw(startedAt: .zero, finishedAt: .zero, stateVersion: 0)
        var frames = 0
        var now = Duration.milliseconds(1)
        // A thousand changes arrive within 20 ms, checked after each one.
        for version in UInt64(1)...1000 {
            now += .microseconds(20)
            if scheduler.decide(now: now, stateVersion: version) == .drawNow {
                frames += 1
                scheduler.didDraw(startedAt: now, finishedAt: now, stateVersion: version)
            }
        }
        #expect(frames == 0)
        #expect(scheduler.decide(now: .milliseconds(34), stateVersion: 1000) == .drawNow)
    }

    @Test func invalidateForcesTheNextFrame() {
        var scheduler = FrameScheduler.shipped
        scheduler.didDraw(startedAt: .seconds(1), finishedAt: .seconds(1), stateVersion: 1)
        scheduler.invalidate()
        #expect(scheduler.decide(now: .seconds(1), stateVersion: 1) == .drawNow)
    }

    @Test func keysAreDrawnAtOnceWithinTheCap() {
        var scheduler = FrameScheduler(maxFramesPerSecond: 60, settle: .init(quiet: .milliseconds(1), limit: .milliseconds(3)))
        scheduler.didDraw(startedAt: .zero, finishedAt: .zero, stateVersion: 0)
        #expect(scheduler.decide(now: .milliseconds(4), stateVersion: 1, interactive: true) == .wait(until: frame, wakeOnChange: false))
        #expect(scheduler.decide(now: .milliseconds(400), stateVersion: 1, interactive: true) == .drawNow, "no settling for keys")
    }

    @Test func immediateDrawsEveryChangeAsSoonAsSeen() {
        var scheduler = FrameScheduler.immediate
        scheduler.didDraw(startedAt: .zero, finishedAt: .milliseconds(2), stateVersion: 0)
        #expect(scheduler.decide(now: .milliseconds(2), stateVersion: 1) == .drawNow)
        #expect(scheduler.decide(now: .milliseconds(2), stateVersion: 0) == .wait(until: .seconds(1), wakeOnChange: true))
    }
}

/// After an idle screen, a frame waits for the rest of its burst, briefly.
@Suite struct FrameSchedulerSettleTests {
    let settle = FrameScheduler.Settle(quiet: .microseconds(500), limit: .milliseconds(2))

    func idle() -> FrameScheduler {
        var scheduler = FrameScheduler(maxFramesPerSecond: 60, settle: settle)
        scheduler.didDraw(startedAt: .zero, finishedAt: .milliseconds(1), stateVersion: 0)
        return scheduler
    }

    @Test func drawsOnceTheBurstWasQuiet() {
        var scheduler = idle()
        #expect(scheduler.decide(now: .milliseconds(100), stateVersion: 1) == .wait(until: .microseconds(100_500), wakeOnChange: true))
        // The next tick of the burst moves the quiet deadline.
        #expect(scheduler.decide(now: .microseconds(100_300), stateVersion: 2) == .wait(until: .microseconds(100_800), wakeOnChange: true))
        #expect(scheduler.decide(now: .microseconds(100_800), stateVersion: 2) == .drawNow)
    }

    @Test func aBurstThatGoesOnIsDrawnAtTheLimit() {
        var scheduler = idle()
        var version: UInt64 = 0
        var now = Duration.milliseconds(100)
        var drawnAt: Duration?
        while drawnAt == nil {
            version += 1
            if scheduler.decide(now: now, stateVersion: version) == .drawNow { drawnAt = now }
            now += .microseconds(200)
        }
        #expect(drawnAt == .milliseconds(102))
    }

    @Test func settleIsOnlyForAnIdleScreen() {
        var scheduler = idle()
        #expect(scheduler.decide(now: frame, stateVersion: 1) == .wait(until: frame + .microseconds(500), wakeOnChange: true))
        var loaded = idle()
        #expect(loaded.decide(now: .milliseconds(10), stateVersion: 1) == .wait(until: frame, wakeOnChange: false))
        #expect(loaded.decide(now: frame, stateVersion: 1) == .drawNow, "under load the frame interval coalesces, not the settle")
    }

    let frame = Duration.seconds(1) / 60
}

/// Streamed data is drawn within a share of the time when frames are dear.
@Suite struct FrameSchedulerBusyTests {
    @Test func dearFramesStretchTheIntervalForStreamedDataOnly() {
        var scheduler = FrameScheduler(maxFramesPerSecond: 60, maximumBusyFraction: 0.25)
        var now = Duration.zero
        // Frames of 10 ms, long enough for the running average to settle.
        for version in UInt64(0)..<64 {
            scheduler.didDraw(startedAt: now, finishedAt: now + .milliseconds(10), stateVersion: version)
            now += .milliseconds(100)
        }
        #expect(scheduler.averageFrameCost > .microseconds(9_900))
        #expect(scheduler.dataFrameInterval > .microseconds(39_600) && scheduler.dataFrameInterval <= .milliseconds(40))
        let last = now - .milliseconds(100)
        let interval = scheduler.dataFrameInterval
        #expect(scheduler.decide(now: last + .milliseconds(20), stateVersion: 100) == .wait(until: last + interval, wakeOnChange: false))
        #expect(scheduler.decide(now: last + .milliseconds(20), stateVersion: 100, interactive: true) == .drawNow, "keys keep the full rate")
    }

    @Test func cheapFramesKeepTheFrameRateAndTheStretchIsBounded() {
        var cheap = FrameScheduler(maxFramesPerSecond: 60, maximumBusyFraction: 0.25)
        cheap.didDraw(startedAt: .zero, finishedAt: .microseconds(500), stateVersion: 0)
        #expect(cheap.dataFrameInterval == .seconds(1) / 60)
        var dear = FrameScheduler(maxFramesPerSecond: 60, maximumBusyFraction: 0.25, maximumDataFrameInterval: .milliseconds(100))
        for version in UInt64(0)..<64 {
            dear.didDraw(startedAt: .seconds(Int(version)), finishedAt: .seconds(Int(version)) + .milliseconds(200), stateVersion: version)
        }
        #expect(dear.dataFrameInterval == .milliseconds(100))
    }
}
