import Dashboard
import Foundation
import Synchronization
import Vocabulary

/// The dashboard's store as `ibterm` has it (`DashboardStore`: every event applied under one
/// lock at the wall clock's time, the render thread woken per change), plus, for the
/// benchmark, the quote ticks applied since the last frame was taken.
final class TickStore: Sendable {
    /// One received quote update: the symbol's index and the update's number on its stream.
    struct TickRef: Sendable {
        var symbol: Int32
        var sequence: Int32
    }

    private struct Inner {
        var state: DashboardState
        var pending: [TickRef] = []
    }

    private let inner: Mutex<Inner>
    private let changed: @Sendable () -> Void

    /// Creates a store whose changes call `changed` (the render thread's wake-up).
    init(initial: DashboardState, changed: @escaping @Sendable () -> Void) {
        inner = Mutex(Inner(state: initial))
        self.changed = changed
    }

    private static let origin = ContinuousClock.now

    /// Both clocks as the reducer's time (as the app's store does): the monotonic instant since
    /// the process's origin and the wall clock.
    static func now() -> EventTime {
        EventTime(
            instant: SessionInstant(ContinuousClock.now, since: origin),
            wall: Timestamp(milliseconds: Int64((Date().timeIntervalSince1970 * 1000).rounded())))
    }

    /// Applies `event` now; `tick` names the quote update it carries. Wakes the render thread
    /// when what is drawn changed or a tick is waiting for its frame. Effects are dropped: the
    /// benchmark subscribes itself and sends no orders.
    func send(_ event: DashboardEvent, tick: TickRef? = nil) {
        let now = Self.now()
        let moved = inner.withLock { inner -> Bool in
            let before = inner.state.version
            _ = inner.state.apply(event, at: now)
            if let tick { inner.pending.append(tick) }
            return inner.state.version != before
        }
        if moved || tick != nil { changed() }
    }

    /// The state's change counter.
    var version: UInt64 { inner.withLock { $0.state.version } }

    /// A copy of the state to draw and the ticks it holds that no frame has drawn yet.
    func take() -> (state: DashboardState, ticks: [TickRef]) {
        inner.withLock { inner in
            defer { inner.pending.removeAll(keepingCapacity: true) }
            return (inner.state, inner.pending)
        }
    }
}
