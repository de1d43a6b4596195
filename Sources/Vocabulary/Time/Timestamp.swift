/// An instant on the wall clock, as whole milliseconds since the Unix epoch (UTC): the time a
/// screen shows, a journal line records and the paper ledger stores.
///
/// The pure layers never read a clock: the I/O layer reads the wall clock and passes a
/// `Timestamp` in, and tests build them from plain numbers (`Timestamp(secondsSinceEpoch: 10)`).
/// Ages, deadlines and freshness run on ``SessionInstant`` (the monotonic clock) instead, so a wall
/// clock stepped by NTP changes no verdict. ``TimeText`` writes a timestamp as text.
///
/// `Codable` as one integer, the milliseconds since the epoch (the journal's form); it also reads
/// the keyed form `{"millisecondsSinceEpoch": N}` that paper ledgers written before it hold.
public struct Timestamp: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01 00:00:00 UTC.
    public var millisecondsSinceEpoch: Int64

    /// Creates an instant from milliseconds since the epoch.
    public init(millisecondsSinceEpoch: Int64) {
        self.millisecondsSinceEpoch = millisecondsSinceEpoch
    }

    /// Creates an instant from whole seconds since the epoch.
    public init(secondsSinceEpoch: Int64) {
        millisecondsSinceEpoch = secondsSinceEpoch * 1000
    }

    /// Creates an instant from a wall-clock reading in seconds since the epoch (for example
    /// Foundation's `Date().timeIntervalSince1970`), rounded down to the millisecond.
    public init(fractionalSecondsSinceEpoch seconds: Double) {
        millisecondsSinceEpoch = Int64((seconds * 1000).rounded(.down))
    }

    /// Whole seconds since the epoch, rounded toward negative infinity.
    public var secondsSinceEpoch: Int64 {
        Self.floorDivide(millisecondsSinceEpoch, 1000)
    }

    /// The time of day in UTC, `HH:MM:SS UTC`, for logs and debugging.
    public var description: String { TimeText.timeOfDayUTC(self) }

    /// Orders instants from earlier to later.
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
    }

    /// The instant `milliseconds` later (earlier when negative).
    public func adding(milliseconds: Int64) -> Timestamp {
        Timestamp(millisecondsSinceEpoch: millisecondsSinceEpoch + milliseconds)
    }

    /// Milliseconds from `other` to `self` (negative when `self` is earlier).
    public func milliseconds(since other: Timestamp) -> Int64 {
        millisecondsSinceEpoch - other.millisecondsSinceEpoch
    }

    /// The instant `duration` after `instant`, to the whole millisecond (rounded down).
    public static func + (instant: Timestamp, duration: Duration) -> Timestamp {
        instant.adding(milliseconds: wholeMilliseconds(duration))
    }

    /// The instant `duration` before `instant`, to the whole millisecond (rounded down).
    public static func - (instant: Timestamp, duration: Duration) -> Timestamp {
        instant.adding(milliseconds: wholeMilliseconds(.zero - duration))
    }

    /// The time from `earlier` to `later` (negative if `later` is before `earlier`).
    public static func - (later: Timestamp, earlier: Timestamp) -> Duration {
        .milliseconds(later.milliseconds(since: earlier))
    }

    /// Decodes whole milliseconds since the epoch, or the keyed form of older paper ledgers.
    public init(from decoder: any Decoder) throws {
        if let container = try? decoder.singleValueContainer(), let milliseconds = try? container.decode(Int64.self) {
            self.init(millisecondsSinceEpoch: milliseconds)
            return
        }
        let keyed = try decoder.container(keyedBy: LegacyKey.self)
        self.init(millisecondsSinceEpoch: try keyed.decode(Int64.self, forKey: .millisecondsSinceEpoch))
    }

    /// Encodes as whole milliseconds since the epoch, a stable integer in JSON.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(millisecondsSinceEpoch)
    }

    /// The key of the form paper ledgers were written in before timestamps were one integer.
    private enum LegacyKey: String, CodingKey { case millisecondsSinceEpoch }

    /// `duration` in whole milliseconds, rounded toward negative infinity.
    private static func wholeMilliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let millis = attoseconds / 1_000_000_000_000_000
        let remainder = attoseconds % 1_000_000_000_000_000
        return seconds * 1000 + millis - (remainder < 0 ? 1 : 0)
    }

    /// `value / divisor` rounded toward negative infinity (a day or second of an instant
    /// before 1970 is the earlier one).
    public static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
