import Foundation
import PaperExchange
import Synchronization
import Vocabulary

/// Where the gateway reads the time it passes into the pure exchange core.
///
/// The server reads it on every request and timer tick; tests substitute a
/// ``ManualGatewayClock`` so that prices, fills and timestamps are repeatable.
public protocol GatewayClock: Sendable {
    /// The current instant.
    func now() -> Timestamp
}

/// The real clock: milliseconds since the Unix epoch from the system.
public struct SystemGatewayClock: GatewayClock {
    /// Creates the system clock.
    public init() {}

    /// The current system time.
    public func now() -> Timestamp {
        Timestamp(fractionalSecondsSinceEpoch: Date().timeIntervalSince1970)
    }
}

/// A clock that moves only when told to: for deterministic tests.
public final class ManualGatewayClock: GatewayClock {
    private let current: Mutex<Timestamp>

    /// A clock standing at `start`.
    public init(start: Timestamp) {
        current = Mutex(start)
    }

    /// The instant the clock stands at.
    public func now() -> Timestamp {
        current.withLock { $0 }
    }

    /// Moves the clock forward by `milliseconds`.
    public func advance(milliseconds: Int64) {
        current.withLock { $0 = $0.adding(milliseconds: milliseconds) }
    }

    /// Sets the clock to `instant`.
    public func set(_ instant: Timestamp) {
        current.withLock { $0 = instant }
    }
}
