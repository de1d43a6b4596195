import Vocabulary

/// When something happened, on both clocks.
///
/// ### Purpose
/// The dashboard never reads a clock: the app stamps each event as it observed it. `instant` is
/// the monotonic reading (for a tick, the moment its bytes were read) and decides everything
/// that is a duration or an order of events: ages, staleness, deadlines, countdowns, which
/// connection a tick belongs to. `wall` is the wall clock at the same moment and is only
/// displayed (the status-bar clock, times in the message log, the journal). A wall clock
/// stepped by NTP therefore changes no verdict.
public struct EventTime: Sendable, Hashable, CustomStringConvertible {
    /// The monotonic instant (ages, deadlines, ordering).
    public var instant: SessionInstant
    /// The wall-clock time (display and journal only).
    public var wall: Timestamp

    /// Creates a time from both clock readings.
    public init(instant: SessionInstant, wall: Timestamp) {
        self.instant = instant
        self.wall = wall
    }

    /// The same moment `duration` later on both clocks.
    public static func + (time: EventTime, duration: Duration) -> EventTime {
        EventTime(instant: time.instant + duration, wall: time.wall + duration)
    }

    /// The monotonic instant and the wall time, for logs and test failures.
    public var description: String { "\(instant) (\(wall))" }
}
