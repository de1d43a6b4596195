import Dashboard
import Foundation
import Synchronization

/// The dashboard's state, shared by the terminal thread and the connection's event tasks.
///
/// Every change goes through `DashboardState.apply` under one lock; the reducer's effects are
/// handed to `perform` outside the lock, and the terminal loop is woken to redraw.
final class DashboardStore: Sendable {
    private let state: Mutex<DashboardState>
    private let perform: @Sendable ([DashboardEffect]) -> Void
    private let changed: @Sendable () -> Void

    /// Creates a store; `perform` carries out effects, `changed` wakes the render loop.
    init(initial: DashboardState, perform: @escaping @Sendable ([DashboardEffect]) -> Void, changed: @escaping @Sendable () -> Void) {
        state = Mutex(initial)
        self.perform = perform
        self.changed = changed
    }

    /// The wall clock as the reducer's time.
    static func now() -> Timestamp {
        Timestamp(milliseconds: Int64((Date().timeIntervalSince1970 * 1000).rounded()))
    }

    /// Applies one event now, performs its effects and wakes the render loop when it changed
    /// what is drawn.
    func send(_ event: DashboardEvent) {
        let now = Self.now()
        let (effects, moved) = state.withLock { state -> ([DashboardEffect], Bool) in
            let before = state.version
            let effects = state.apply(event, at: now)
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
