/// The outgoing-message limit for one TWS connection: at most ``limit`` messages in any
/// ``window`` (IB: 50 per second), shaped by a ``TokenBucket`` whose burst is configurable.
///
/// Two rules are checked for every message:
/// - **The hard cap.** A log of the last ``limit`` send times guarantees that any half-open
///   window `[t, t + window)` holds at most ``limit`` sends. A token bucket alone cannot
///   promise this: a full bucket of `burst` plus the refill during the next second would allow
///   `burst + limit - 1` sends in one window.
/// - **The shape.** The token bucket (``burst`` tokens, refilled at `limit / window`) decides
///   how clumped the sends are. `burst == limit` sends whole windows at once; `burst == 1`
///   spaces every message `window / limit` apart.
///
/// Nothing is ever dropped: a message that may not go now gets the instant at which it may.
///
/// ```swift
/// var pacing = PacingPolicy()                       // 50 per second, burst 10
/// switch pacing.admit(now: now) {
/// case .sendNow: channel.write(frame)
/// case .wait(let until): scheduleRetry(at: until)
/// }
/// ```
public struct PacingPolicy: Hashable, Sendable {
    /// IB's documented limit: 50 messages per second, counting every message.
    public static let defaultLimit = 50
    /// The default burst: up to 10 messages back to back, then one every 20 ms.
    public static let defaultBurst = 10

    /// The most messages allowed in any window.
    public let limit: Int
    /// The length of the sliding window.
    public let window: Duration
    /// The burst-shaping bucket.
    public private(set) var bucket: TokenBucket

    /// The send times of the last `limit` messages, as a ring buffer.
    private var recentSends: [SessionInstant] = []
    private var oldestIndex = 0

    /// Creates a policy allowing `limit` messages per `window`, with bursts of up to `burst`.
    ///
    /// - Precondition: `limit >= 1`, `1 <= burst <= limit` and `window > .zero`.
    public init(
        limit: Int = PacingPolicy.defaultLimit,
        per window: Duration = .seconds(1),
        burst: Int = PacingPolicy.defaultBurst
    ) {
        precondition(limit >= 1, "PacingPolicy needs a limit of at least 1")
        precondition((1...limit).contains(burst), "PacingPolicy needs 1 <= burst <= limit")
        self.limit = limit
        self.window = window
        self.bucket = TokenBucket(rate: limit, per: window, burst: burst)
        recentSends.reserveCapacity(limit)
    }

    /// The earliest instant at or after `now` at which one more message may be sent.
    public func earliestAdmission(now: SessionInstant) -> SessionInstant {
        var allowedAt = bucket.earliestAdmission(now: now)
        if recentSends.count == limit {
            allowedAt = max(allowedAt, recentSends[oldestIndex] + window)
        }
        return allowedAt
    }

    /// Counts one message and returns ``PacingDecision/sendNow`` when it may go at `now`;
    /// otherwise returns the instant to ask again, counting nothing.
    public mutating func admit(now: SessionInstant) -> PacingDecision {
        let allowedAt = earliestAdmission(now: now)
        guard allowedAt <= now else { return .wait(until: allowedAt) }
        bucket.record(now: now)
        if recentSends.count < limit {
            recentSends.append(now)
        } else {
            recentSends[oldestIndex] = now
            oldestIndex = (oldestIndex + 1) % limit
        }
        return .sendNow
    }
}
