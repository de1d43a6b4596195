/// Keeps requests of one kind at least ``interval`` apart, in the order they are asked for,
/// without dropping any (IB serves one reqMatchingSymbols a second and refuses the others).
///
/// Each caller reserves its turn, then waits until it and sends:
///
/// ```swift
/// let turn = spacing.reserve(now: clock.now())   // now, or one interval after the last turn
/// if turn > now { try await clock.sleep(until: turn) }
/// send(request)
/// ```
public struct RequestSpacing: Hashable, Sendable {
    /// The least time between two turns.
    public let interval: Duration
    /// The earliest instant the next turn may be.
    private var nextFree: SessionInstant?

    /// Creates a spacing of `interval` (`.zero`: no spacing).
    public init(interval: Duration) {
        self.interval = max(interval, .zero)
    }

    /// Reserves the next turn, at `now` or later: at `now` when the last turn lies at least
    /// ``interval`` back, else one ``interval`` after the last turn.
    public mutating func reserve(now: SessionInstant) -> SessionInstant {
        let turn = max(now, nextFree ?? now)
        nextFree = turn + interval
        return turn
    }
}
