/// A token bucket: `burst` tokens, refilled at `rate` tokens per `per`, one token per message.
///
/// It is kept in its exact integer form (the generic cell-rate algorithm): instead of a
/// fractional token count it stores the theoretical arrival time of the next message, so all
/// arithmetic is exact `Duration` arithmetic. A full bucket admits `burst` messages at once;
/// afterwards one message per ``emissionInterval``.
///
/// The bucket never drops anything: ``admit(now:)`` either counts the message or names the
/// instant at which a token will be available.
public struct TokenBucket: Hashable, Sendable {
    /// The time one token takes to refill (`per / rate`).
    public let emissionInterval: Duration
    /// The number of messages a full bucket admits at once.
    public let burst: Int

    /// The instant at which the bucket would be empty again if nothing more were sent.
    private var theoreticalArrival: SessionInstant?

    /// Creates a full bucket holding `burst` tokens that refills at `rate` tokens per `per`.
    ///
    /// - Precondition: `rate >= 1`, `burst >= 1` and `per > .zero`.
    public init(rate: Int, per: Duration = .seconds(1), burst: Int) {
        precondition(rate >= 1, "TokenBucket needs a rate of at least 1")
        precondition(burst >= 1, "TokenBucket needs a burst of at least 1")
        precondition(per > .zero, "TokenBucket needs a positive refill period")
        self.emissionInterval = per / rate
        self.burst = burst
    }

    /// The earliest instant at or after `now` at which one message may be sent.
    public func earliestAdmission(now: SessionInstant) -> SessionInstant {
        guard let theoreticalArrival else { return now }
        let allowedAt = theoreticalArrival - emissionInterval * (burst - 1)
        return max(now, allowedAt)
    }

    /// Counts one message and returns ``PacingDecision/sendNow`` if a token is available at
    /// `now`; otherwise returns when the next token will be, without counting anything.
    public mutating func admit(now: SessionInstant) -> PacingDecision {
        let allowedAt = earliestAdmission(now: now)
        guard allowedAt <= now else { return .wait(until: allowedAt) }
        record(now: now)
        return .sendNow
    }

    /// Counts one message sent at `now` without asking; used when a limiter above has decided.
    mutating func record(now: SessionInstant) {
        let base = max(theoreticalArrival ?? now, now)
        theoreticalArrival = base + emissionInterval
    }
}
