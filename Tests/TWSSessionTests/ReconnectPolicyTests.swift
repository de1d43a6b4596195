import Testing

@testable import TWSSession

@Suite struct ReconnectPolicyTests {
    private func delays(_ jitter: BackoffJitter, seed: UInt64, count: Int) -> [Duration] {
        var policy = ReconnectPolicy(jitter: jitter, generator: SeededGenerator(seed: seed))
        return (1...count).map { policy.nextDelay(attempt: $0) }
    }

    @Test func ceilingsDoubleFromHalfASecondAndStopAtThirtySeconds() {
        let policy = ReconnectPolicy(generator: SeededGenerator(seed: 1))
        let ceilings = (1...9).map { policy.ceiling(forAttempt: $0) }
        #expect(ceilings == [
            .milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8),
            .seconds(16), .seconds(30), .seconds(30), .seconds(30),
        ])
        #expect(policy.ceiling(forAttempt: 10_000) == .seconds(30))
    }

    @Test func withoutJitterTheSequenceIsTheCeilings() {
        #expect(delays(.none, seed: 0, count: 8) == [
            .milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8),
            .seconds(16), .seconds(30), .seconds(30),
        ])
    }

    @Test(arguments: [BackoffJitter.full, .decorrelated])
    func theSameSeedGivesTheSameSequenceAndAnotherSeedADifferentOne(jitter: BackoffJitter) {
        let a = delays(jitter, seed: 42, count: 20)
        let b = delays(jitter, seed: 42, count: 20)
        let c = delays(jitter, seed: 43, count: 20)
        #expect(a == b)
        #expect(a != c)
    }

    @Test func fullJitterStaysWithinEachAttemptsCeiling() {
        var policy = ReconnectPolicy(jitter: .full, generator: SeededGenerator(seed: 7))
        for attempt in 1...50 {
            let delay = policy.nextDelay(attempt: attempt)
            #expect(delay >= .zero)
            #expect(delay <= policy.ceiling(forAttempt: attempt))
        }
    }

    @Test func decorrelatedJitterStaysBetweenTheInitialDelayAndTheCap() {
        var policy = ReconnectPolicy(jitter: .decorrelated, generator: SeededGenerator(seed: 9))
        var previous = Duration.milliseconds(500)
        for attempt in 1...200 {
            let delay = policy.nextDelay(attempt: attempt)
            #expect(delay >= .milliseconds(500))
            #expect(delay <= .seconds(30))
            #expect(delay <= previous * 3)
            previous = delay
        }
    }

    @Test func decorrelatedJitterReachesTheCapWithinAFewAttempts() {
        let sequence = delays(.decorrelated, seed: 3, count: 60)
        #expect(sequence.contains(.seconds(30)))
    }

    @Test func nextRetryCountsAttemptsAndResetStartsOverFromOne() {
        var policy = ReconnectPolicy(jitter: .none, generator: SeededGenerator(seed: 0))
        let first = policy.nextRetry(now: .seconds(10))
        let second = policy.nextRetry(now: .seconds(20))
        #expect(first == .init(attempt: 1, delay: .milliseconds(500), at: .seconds(10) + .milliseconds(500)))
        #expect(second == .init(attempt: 2, delay: .seconds(1), at: .seconds(21)))
        policy.reset()
        #expect(policy.attemptsSinceReset == 0)
        #expect(policy.nextRetry(now: .seconds(30)).attempt == 1)
    }
}
