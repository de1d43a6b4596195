import Testing
import Vocabulary
@testable import ibterm

/// Issue #16 item 2: while a replay is paused the dashboard's clock stands still, so no quote
/// ages; played on, it runs again from where it stood.
@Suite struct ReplayClockTests {
    /// Waits (asleep, bounded) until the machine's clock has moved at least `duration`.
    func pass(_ duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }

    @Test func standsStillWhilePausedAndRunsOnAfter() async throws {
        let clock = ReplayClock()
        let before = clock.now()
        try await pass(.milliseconds(30))
        let running = clock.now()
        #expect(running > before, "the clock runs while playing")
        clock.setPaused(true)
        let pausedAt = clock.now()
        try await pass(.milliseconds(60))
        // Paused: no reading passes the moment of the pause.
        let whilePaused = clock.now()
        #expect(pausedAt.duration(to: whilePaused) < .milliseconds(30), "paused, the clock moved \(pausedAt.duration(to: whilePaused))")
        clock.setPaused(false)
        try await pass(.milliseconds(30))
        let after = clock.now()
        #expect(after > whilePaused, "played on, the clock runs again")
        // The pause is not counted: the clock is behind the machine's by at least the pause.
        #expect(before.duration(to: after) < .seconds(10))
        // Pausing twice or playing twice changes nothing.
        clock.setPaused(false)
        clock.setPaused(true)
        clock.setPaused(true)
        let twice = clock.now()
        try await pass(.milliseconds(30))
        #expect(twice.duration(to: clock.now()) < .milliseconds(20))
    }
}
