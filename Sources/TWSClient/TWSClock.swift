import TWSSession

/// Where ``IBClient`` reads the time and sleeps until its timers are due.
///
/// The client turns every reading into a ``SessionInstant`` for the `TWSSession` policies.
/// Production code uses ``SystemTWSClock``; tests may inject their own.
public protocol TWSClock: Sendable {
    /// The current instant.
    func now() -> SessionInstant
    /// Suspends until `deadline`; throws `CancellationError` when the task is cancelled.
    func sleep(until deadline: SessionInstant) async throws
}

/// The monotonic system clock, with its origin at the moment of creation.
public struct SystemTWSClock: TWSClock {
    private let origin: ContinuousClock.Instant

    /// Creates a clock whose origin is now.
    public init() {
        origin = ContinuousClock.now
    }

    /// The time elapsed since the clock was created.
    public func now() -> SessionInstant {
        SessionInstant(ContinuousClock.now, since: origin)
    }

    /// Sleeps on `ContinuousClock` until `deadline`.
    public func sleep(until deadline: SessionInstant) async throws {
        try await ContinuousClock().sleep(until: deadline.continuousInstant(since: origin), tolerance: nil)
    }
}
