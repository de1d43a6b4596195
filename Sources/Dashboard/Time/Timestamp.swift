/// A point in time supplied by the caller, stored as a `Duration` since the Unix epoch.
///
/// ### Purpose
/// The Dashboard target never reads a clock. The executable reads the wall clock once per event
/// and passes a `Timestamp` in; tests build them from plain numbers (`Timestamp(seconds: 10)`).
/// Ages are differences of two timestamps (`now - lastTick`), so only the differences matter for
/// staleness, while journal lines and messages may show the time of day in UTC.
public struct Timestamp: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The time elapsed since 1970-01-01T00:00:00Z.
    public var sinceEpoch: Duration

    /// Creates a timestamp at the given offset from the Unix epoch.
    public init(sinceEpoch: Duration) {
        self.sinceEpoch = sinceEpoch
    }

    /// Creates a timestamp a whole number of seconds after the Unix epoch.
    public init(seconds: Int64) {
        self.sinceEpoch = .seconds(seconds)
    }

    /// Creates a timestamp a whole number of milliseconds after the Unix epoch.
    public init(milliseconds: Int64) {
        self.sinceEpoch = .milliseconds(milliseconds)
    }

    /// Whole milliseconds since the Unix epoch, rounded toward negative infinity.
    public var millisecondsSinceEpoch: Int64 {
        let (seconds, attoseconds) = sinceEpoch.components
        let millis = attoseconds / 1_000_000_000_000_000
        let remainder = attoseconds % 1_000_000_000_000_000
        return seconds * 1000 + millis - (remainder < 0 ? 1 : 0)
    }

    /// The time of day in UTC as `HH:MM:SS UTC`.
    public var utcTimeOfDay: String {
        let totalSeconds = Timestamp.floorDivide(millisecondsSinceEpoch, 1000)
        let secondOfDay = totalSeconds - Timestamp.floorDivide(totalSeconds, 86_400) * 86_400
        let hours = secondOfDay / 3600
        let minutes = (secondOfDay % 3600) / 60
        let seconds = secondOfDay % 60
        return "\(Timestamp.twoDigits(hours)):\(Timestamp.twoDigits(minutes)):\(Timestamp.twoDigits(seconds)) UTC"
    }

    /// The UTC time of day, for logs and debugging.
    public var description: String { utcTimeOfDay }

    /// Orders timestamps from earlier to later.
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.sinceEpoch < rhs.sinceEpoch
    }

    /// The timestamp `duration` after `instant`.
    public static func + (instant: Timestamp, duration: Duration) -> Timestamp {
        Timestamp(sinceEpoch: instant.sinceEpoch + duration)
    }

    /// The timestamp `duration` before `instant`.
    public static func - (instant: Timestamp, duration: Duration) -> Timestamp {
        Timestamp(sinceEpoch: instant.sinceEpoch - duration)
    }

    /// The time elapsed from `earlier` to `later` (negative if `later` is before `earlier`).
    public static func - (later: Timestamp, earlier: Timestamp) -> Duration {
        later.sinceEpoch - earlier.sinceEpoch
    }

    /// Decodes from whole milliseconds since the epoch (the journal's encoding).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(milliseconds: try container.decode(Int64.self))
    }

    /// Encodes as whole milliseconds since the epoch, a stable integer in JSON.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(millisecondsSinceEpoch)
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    private static func twoDigits(_ value: Int64) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
