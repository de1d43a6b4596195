import Dashboard
import Foundation
import Synchronization
import TWSClient
import Vocabulary

/// The dashboard's state, shared by the terminal thread and the connection's event tasks.
///
/// Every change goes through `DashboardState.apply` under one lock; the reducer's effects are
/// handed to `perform` outside the lock, and the terminal loop is woken to redraw.
///
/// Each event is stamped with both clocks: the monotonic instant it was observed at (for a tick
/// or a notice, when the client read its bytes; otherwise now, on the client's own monotonic
/// clock, so the two are comparable) and the wall clock, which is only displayed.
final class DashboardStore: Sendable {
    private let state: Mutex<DashboardState>
    private let clock: any TWSClock
    private let perform: @Sendable ([DashboardEffect]) -> Void
    private let changed: @Sendable () -> Void

    /// Creates a store; `clock` is the client's monotonic clock, `perform` carries out
    /// effects, `changed` wakes the render loop.
    init(
        config: DashboardConfig, clock: any TWSClock,
        perform: @escaping @Sendable ([DashboardEffect]) -> Void, changed: @escaping @Sendable () -> Void
    ) {
        self.clock = clock
        state = Mutex(DashboardState(config: config, now: EventTime(instant: clock.now(), wall: Self.wallNow())))
        self.perform = perform
        self.changed = changed
    }

    /// The wall clock, for displayed times only.
    static func wallNow() -> Timestamp {
        Timestamp(milliseconds: Int64((Date().timeIntervalSince1970 * 1000).rounded()))
    }

    /// Both clocks now.
    func now() -> EventTime {
        EventTime(instant: clock.now(), wall: Self.wallNow())
    }

    /// Applies one event observed at `instant` (now when `nil`), performs its effects and wakes
    /// the render loop when it changed what is drawn.
    func send(_ event: DashboardEvent, observedAt instant: SessionInstant? = nil) {
        var time = now()
        if let instant { time.instant = instant }
        let (effects, moved) = state.withLock { state -> ([DashboardEffect], Bool) in
            let before = state.version
            let effects = state.apply(event, at: time)
            return (effects, state.version != before)
        }
        if !effects.isEmpty { perform(effects) }
        if moved || !effects.isEmpty { changed() }
    }

    /// A copy of the state to draw from.
    func snapshot() -> DashboardState {
        state.withLock { $0 }
    }
}
