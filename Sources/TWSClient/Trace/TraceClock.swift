#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the flight recorder reads the time of each record: the monotonic clock (the order and
/// spacing of records, what replay follows) and the wall clock (what a person reads).
public protocol TraceClock: Sendable {
    /// Now, as monotonic nanoseconds and wall nanoseconds since 1970-01-01 UTC.
    func now() -> (monotonic: UInt64, wall: Int64)
}

/// `CLOCK_MONOTONIC` and `CLOCK_REALTIME`.
public struct SystemTraceClock: TraceClock {
    /// The system clocks.
    public init() {}

    public func now() -> (monotonic: UInt64, wall: Int64) {
        var monotonic = timespec()
        var wall = timespec()
        clock_gettime(CLOCK_MONOTONIC, &monotonic)
        clock_gettime(CLOCK_REALTIME, &wall)
        return (UInt64(monotonic.tv_sec) &* 1_000_000_000 &+ UInt64(monotonic.tv_nsec), Int64(wall.tv_sec) &* 1_000_000_000 &+ Int64(wall.tv_nsec))
    }
}
