import Synchronization

/// The bell the reducer asks for (`DashboardEffect.ringBell`), rung by the terminal loop on
/// the thread that owns the terminal.
///
/// Effects are carried out on whichever thread applied the event, but only the loop's thread
/// may talk to ncurses; so ``ring()`` only counts, and the loop rings once for all the rings it
/// finds when it next wakes (the store wakes it after performing the effects of a change).
public final class TerminalBell: Sendable {
    private let pending = Atomic<Int>(0)

    /// Creates a bell with no ring pending.
    public init() {}

    /// Asks for the bell; safe from any thread.
    public func ring() {
        pending.add(1, ordering: .releasing)
    }

    /// Whether the bell was asked for since the last call (and clears the request).
    public func take() -> Bool {
        pending.exchange(0, ordering: .acquiring) > 0
    }
}
