/// A point on the monotonic clock, measured as the elapsed ``Duration`` since the process's
/// (or a test's) origin.
///
/// Every age, deadline and freshness decision is made on these values; the wall clock
/// (``Timestamp``) is for displayed and recorded times only, so a wall clock stepped by NTP
/// changes no verdict. The pure layers never
/// read a clock. The I/O layer picks an origin once (for example
/// `ContinuousClock.now` at start-up) and converts every later reading with
/// ``init(_:since:)``; tests build instants directly with ``init(offset:)`` or ``seconds(_:)``.
///
/// ```swift
/// let origin = ContinuousClock.now                      // read once, by the I/O layer
/// let now = SessionInstant(ContinuousClock.now, since: origin)
/// let later = now + .seconds(2)
/// ```
public struct SessionInstant: InstantProtocol, CustomStringConvertible {
    /// The elapsed time since the session's origin.
    public var offset: Duration

    /// The session's origin.
    public static let origin = SessionInstant(offset: .zero)

    /// Creates the instant `offset` after the origin.
    public init(offset: Duration) {
        self.offset = offset
    }

    /// Converts a continuous-clock reading into an instant relative to `origin`.
    ///
    /// This performs no clock read; both values come from the caller.
    public init(_ instant: ContinuousClock.Instant, since origin: ContinuousClock.Instant) {
        self.offset = origin.duration(to: instant)
    }

    /// The instant `seconds` after the origin.
    public static func seconds(_ seconds: Int) -> SessionInstant {
        SessionInstant(offset: .seconds(seconds))
    }

    /// The instant `milliseconds` after the origin.
    public static func milliseconds(_ milliseconds: Int) -> SessionInstant {
        SessionInstant(offset: .milliseconds(milliseconds))
    }

    /// The continuous-clock instant this value denotes, given the same `origin` it was built from.
    public func continuousInstant(since origin: ContinuousClock.Instant) -> ContinuousClock.Instant {
        origin.advanced(by: offset)
    }

    /// Returns the instant `duration` later (earlier when negative).
    public func advanced(by duration: Duration) -> SessionInstant {
        SessionInstant(offset: offset + duration)
    }

    /// Returns the duration from this instant to `other` (negative when `other` is earlier).
    public func duration(to other: SessionInstant) -> Duration {
        other.offset - offset
    }

    /// The instant `rhs` after `lhs`.
    public static func + (lhs: SessionInstant, rhs: Duration) -> SessionInstant {
        lhs.advanced(by: rhs)
    }

    /// The instant `rhs` before `lhs`.
    public static func - (lhs: SessionInstant, rhs: Duration) -> SessionInstant {
        lhs.advanced(by: .zero - rhs)
    }

    /// The duration from `rhs` to `lhs`.
    public static func - (lhs: SessionInstant, rhs: SessionInstant) -> Duration {
        rhs.duration(to: lhs)
    }

    /// Moves `lhs` later by `rhs`.
    public static func += (lhs: inout SessionInstant, rhs: Duration) {
        lhs = lhs + rhs
    }

    /// Orders instants by their offset from the origin.
    public static func < (lhs: SessionInstant, rhs: SessionInstant) -> Bool {
        lhs.offset < rhs.offset
    }

    /// The offset from the origin, for logs and test failures (for example `t+2.5 seconds`).
    public var description: String { "t+\(offset)" }
}
