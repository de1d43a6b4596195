/// Exponential backoff with jitter for reconnect attempts, capped, and reset once a connection
/// has become usable.
///
/// Attempts are numbered from 1 (the first retry after a loss). All randomness comes from the
/// ``SeededGenerator`` given at creation, so the same seed and the same calls give the same
/// delays.
///
/// ```swift
/// var policy = ReconnectPolicy(generator: SeededGenerator(seed: 42))
/// let plan = policy.nextRetry(now: now)      // attempt 1, retry at now + delay
/// // ... connection usable again:
/// policy.reset()
/// ```
public struct ReconnectPolicy: Sendable {
    /// When the next connection attempt should be made.
    public struct Retry: Hashable, Sendable {
        /// The attempt number, from 1.
        public var attempt: Int
        /// The randomised delay before the attempt.
        public var delay: Duration
        /// The instant of the attempt (`now + delay`).
        public var at: SessionInstant
    }

    /// The base delay: the first attempt's ceiling, and the floor of decorrelated jitter.
    public let initialDelay: Duration
    /// No delay exceeds this.
    public let maximumDelay: Duration
    /// The growth factor of the ceiling per attempt.
    public let multiplier: Double
    /// How delays are randomised.
    public let jitter: BackoffJitter

    /// The number of attempts made since the last ``reset()``.
    public private(set) var attemptsSinceReset = 0

    private var generator: SeededGenerator
    private var previousDelay: Duration

    /// Creates a policy; the defaults are 0.5 s initial delay, doubling, a 30 s cap and full
    /// jitter.
    ///
    /// - Precondition: `initialDelay > .zero`, `maximumDelay >= initialDelay`, `multiplier >= 1`.
    public init(
        initialDelay: Duration = .milliseconds(500),
        maximumDelay: Duration = .seconds(30),
        multiplier: Double = 2,
        jitter: BackoffJitter = .full,
        generator: SeededGenerator
    ) {
        precondition(initialDelay > .zero, "ReconnectPolicy needs a positive initial delay")
        precondition(maximumDelay >= initialDelay, "ReconnectPolicy needs maximumDelay >= initialDelay")
        precondition(multiplier >= 1, "ReconnectPolicy needs a multiplier of at least 1")
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.multiplier = multiplier
        self.jitter = jitter
        self.generator = generator
        self.previousDelay = initialDelay
    }

    /// The largest delay attempt `attempt` can get: `min(cap, initial * multiplier^(attempt-1))`.
    public func ceiling(forAttempt attempt: Int) -> Duration {
        let initial = Double(initialDelay.wholeNanoseconds)
        let cap = Double(maximumDelay.wholeNanoseconds)
        var value = initial
        var step = 1
        while step < attempt, value < cap {
            value *= multiplier
            step += 1
        }
        return .nanoseconds(Int64(min(value, cap)))
    }

    /// Draws the delay for attempt `attempt` (from 1) from the policy's generator.
    ///
    /// Deterministic for a given seed and sequence of calls. With decorrelated jitter the delay
    /// also depends on the previous one; attempt 1 starts the chain afresh.
    public mutating func nextDelay(attempt: Int) -> Duration {
        let attempt = max(attempt, 1)
        switch jitter {
        case .none:
            return ceiling(forAttempt: attempt)
        case .full:
            let top = ceiling(forAttempt: attempt).wholeNanoseconds
            return .nanoseconds(Int64.random(in: 0...top, using: &generator))
        case .decorrelated:
            if attempt == 1 { previousDelay = initialDelay }
            let low = initialDelay.wholeNanoseconds
            let high = max(low, min(previousDelay.wholeNanoseconds, Int64.max / 3) * 3)
            let drawn = Int64.random(in: low...high, using: &generator)
            let delay = Duration.nanoseconds(min(drawn, maximumDelay.wholeNanoseconds))
            previousDelay = delay
            return delay
        }
    }

    /// Counts one more attempt and returns when to make it.
    public mutating func nextRetry(now: SessionInstant) -> Retry {
        attemptsSinceReset += 1
        let delay = nextDelay(attempt: attemptsSinceReset)
        return Retry(attempt: attemptsSinceReset, delay: delay, at: now + delay)
    }

    /// Starts the next loss's attempts from 1 again; call once a connection is usable.
    public mutating func reset() {
        attemptsSinceReset = 0
        previousDelay = initialDelay
    }
}
