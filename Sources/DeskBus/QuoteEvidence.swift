import Dashboard
import Vocabulary

/// How old a forwarded quote was when the bridge published it, and which gateway connection it
/// came over: the freshness evidence a dashboard needs to judge a tick it did not read itself.
///
/// The bridge reads ticks on its own monotonic clock and publishes them a little later; the
/// age is that gap (never negative). Clocks of two machines are never compared: the dashboard
/// subtracts the age from its own receipt instant (``eventTime(receivedAt:)``), so the tick
/// counts as read no later than it arrived. The time in Redis between publishing and receipt
/// is not known and so not subtracted: the age is a lower bound, the tick looks at most that
/// much fresher than it is, never older.
public struct QuoteEvidence: Sendable, Hashable, Codable {
    /// Milliseconds between the bridge reading the tick and publishing it, on the bridge's
    /// monotonic clock (0 or more).
    public var evidenceAgeMilliseconds: Int64
    /// The bridge's gateway-connection generation the tick arrived on (it counts the bridge's
    /// connections to the gateway, from 1); a tick of an older generation than the bridge's
    /// heartbeat reports belongs to a lost connection.
    public var generation: Int

    /// Creates evidence; a negative age is taken as 0.
    public init(evidenceAgeMilliseconds: Int64, generation: Int) {
        self.evidenceAgeMilliseconds = max(0, evidenceAgeMilliseconds)
        self.generation = generation
    }

    /// The evidence of a tick read at `readAt` and published at `publishedAt`, both on the
    /// bridge's monotonic clock (a publish before the read counts as age 0).
    public init(readAt: SessionInstant, publishedAt: SessionInstant, generation: Int) {
        let age = readAt.duration(to: publishedAt)
        self.init(evidenceAgeMilliseconds: Self.wholeMilliseconds(age), generation: generation)
    }

    /// The age as a duration.
    public var age: Duration { .milliseconds(evidenceAgeMilliseconds) }

    /// The time the dashboard stamps the quote with: the local receipt moved back by the age on
    /// both clocks, so never later than the receipt.
    public func eventTime(receivedAt receipt: EventTime) -> EventTime {
        let age = self.age
        return EventTime(instant: receipt.instant - age, wall: receipt.wall - age)
    }

    static func wholeMilliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        if seconds < 0 || (seconds == 0 && attoseconds < 0) { return 0 }
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        if overflow { return Int64.max }
        return product + attoseconds / 1_000_000_000_000_000
    }
}
