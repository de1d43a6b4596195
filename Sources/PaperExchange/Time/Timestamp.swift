/// An instant, as whole milliseconds since the Unix epoch (UTC).
///
/// PaperExchange never reads a clock: the I/O layer passes the current `Timestamp` into every
/// call, and tests pass made-up ones.
public struct Timestamp: Sendable, Hashable, Comparable, Codable {
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

    /// Whole seconds since the epoch (rounded down).
    public var secondsSinceEpoch: Int64 {
        millisecondsSinceEpoch >= 0
            ? millisecondsSinceEpoch / 1000
            : (millisecondsSinceEpoch - 999) / 1000
    }

    /// Orders instants in time.
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
    }

    /// The instant `milliseconds` later.
    public func adding(milliseconds: Int64) -> Timestamp {
        Timestamp(millisecondsSinceEpoch: millisecondsSinceEpoch + milliseconds)
    }

    /// Milliseconds from `other` to `self`.
    public func milliseconds(since other: Timestamp) -> Int64 {
        millisecondsSinceEpoch - other.millisecondsSinceEpoch
    }
}
