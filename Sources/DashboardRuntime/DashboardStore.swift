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
///
/// **Marks.** A sender may name an event with an ``EventMark`` to learn which frame first
/// showed it (`ibterm-bench tick-to-screen` marks every quote update). Marks are kept under the
/// same lock as the state, so the state a frame draws and the marks it shows are taken
/// together (``takeFrame()``). Without marks (the app) nothing is kept and nothing is copied.
///
/// ```swift
/// let store = DashboardStore(config: config, clock: SystemTWSClock(), perform: router.route, changed: wakeup.wake)
/// store.send(.clockTick)
/// let state = store.snapshot()
/// ```
public final class DashboardStore: Sendable {
    private struct Inner {
        var state: DashboardState
        /// Moves when what a frame shows may have changed (see ``DashboardStore/revision``).
        var revision: UInt64 = 0
        /// Marked events applied since the last ``DashboardStore/takeFrame()``.
        var marks: [EventMark] = []
    }

    private let inner: Mutex<Inner>
    private let clock: any TWSClock
    private let wall: @Sendable () -> Timestamp
    private let perform: @Sendable ([DashboardEffect]) -> Void
    private let changed: @Sendable () -> Void
    private let observe: (@Sendable ([ObservedEvent], EventTime) -> Void)?

    /// Creates a store; `clock` is the client's monotonic clock, `perform` carries out
    /// effects, `changed` wakes the render loop, and `observe`, when given, sees every batch of
    /// events after it was applied, with the time the batch was applied at (the desk bridge
    /// forwards them). `wall` is the wall clock shown (this machine's; a replay's is the
    /// recorded time at its playhead).
    public init(
        config: DashboardConfig, clock: any TWSClock,
        perform: @escaping @Sendable ([DashboardEffect]) -> Void, changed: @escaping @Sendable () -> Void,
        observe: (@Sendable ([ObservedEvent], EventTime) -> Void)? = nil,
        wall: @escaping @Sendable () -> Timestamp = DashboardStore.wallNow
    ) {
        self.clock = clock
        self.wall = wall
        inner = Mutex(Inner(state: DashboardState(config: config, now: EventTime(instant: clock.now(), wall: wall()))))
        self.perform = perform
        self.changed = changed
        self.observe = observe
    }

    /// The wall clock, for displayed times only.
    public static func wallNow() -> Timestamp {
        Timestamp(fractionalSecondsSinceEpoch: Date().timeIntervalSince1970)
    }

    /// Both clocks now.
    public func now() -> EventTime {
        EventTime(instant: clock.now(), wall: wall())
    }

    /// Applies one event observed at `instant` (now when `nil`), performs its effects and wakes
    /// the render loop when it changed what is drawn. A `mark` names the event for
    /// ``takeFrame()``; a marked event always wakes the loop, so the frame that shows it comes.
    public func send(_ event: DashboardEvent, observedAt instant: SessionInstant? = nil, mark: EventMark? = nil) {
        send(batch: CollectionOfOne(ObservedEvent(event, observedAt: instant, mark: mark)))
    }

    /// Applies events read together (a socket read's quotes), in order, under one lock; performs
    /// their effects and wakes the render loop once.
    public func send(batch events: some Collection<ObservedEvent>) {
        guard !events.isEmpty else { return }
        let time = now()
        let (effects, moved) = inner.withLock { inner -> ([DashboardEffect], Bool) in
            let before = inner.state.version
            var effects: [DashboardEffect] = []
            var marked = false
            for observed in events {
                var at = time
                if let instant = observed.observedAt { at.instant = instant }
                effects += inner.state.apply(observed.event, at: at)
                if let mark = observed.mark {
                    inner.marks.append(mark)
                    marked = true
                }
            }
            let moved = marked || inner.state.version != before
            if moved { inner.revision &+= 1 }
            return (effects, moved)
        }
        if let observe { observe(Array(events), time) }
        if !effects.isEmpty { perform(effects) }
        if moved || !effects.isEmpty { changed() }
    }

    /// A copy of the state to draw from.
    public func snapshot() -> DashboardState {
        inner.withLock { $0.state }
    }

    /// A counter that moves whenever what a frame shows may have changed: the state's
    /// `version` moved or a marked event waits for its frame. The render loop schedules frames
    /// by it.
    public var revision: UInt64 {
        inner.withLock { $0.revision }
    }

    /// The revision and whether the trader has quit, read without copying the state.
    public func status() -> (revision: UInt64, isQuitting: Bool) {
        inner.withLock { ($0.revision, $0.state.isQuitting) }
    }

    /// The state to draw, its revision, and the marked events applied since the last call (the
    /// frame drawn from this state is the first to show them), taken under one lock.
    public func takeFrame() -> (state: DashboardState, revision: UInt64, marks: [EventMark]) {
        inner.withLock { inner in
            guard !inner.marks.isEmpty else { return (inner.state, inner.revision, []) }
            defer { inner.marks.removeAll(keepingCapacity: true) }
            return (inner.state, inner.revision, inner.marks)
        }
    }
}

/// An event with the monotonic instant it was observed at (now when `nil`) and its mark, for
/// ``DashboardStore/send(batch:)``.
public struct ObservedEvent: Sendable {
    /// The event.
    public var event: DashboardEvent
    /// When it was observed (a tick: when its bytes were read); now when `nil`.
    public var observedAt: SessionInstant?
    /// The sender's name for it, to learn which frame first showed it.
    public var mark: EventMark?

    /// Creates an observed event.
    public init(_ event: DashboardEvent, observedAt: SessionInstant? = nil, mark: EventMark? = nil) {
        self.event = event
        self.observedAt = observedAt
        self.mark = mark
    }
}

/// A sender's name for one event, to learn which frame first showed it: the event's stream
/// (a symbol's index, say) and its number on that stream. See ``DashboardStore`` and
/// ``FrameReport``.
public struct EventMark: Hashable, Sendable {
    /// The stream the event belongs to.
    public var stream: Int32
    /// The event's number on its stream.
    public var sequence: Int32

    /// Creates a mark for the `sequence`-th event of `stream`.
    public init(stream: Int32, sequence: Int32) {
        self.stream = stream
        self.sequence = sequence
    }
}
