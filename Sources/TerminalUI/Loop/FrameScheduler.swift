/// Decides when the dashboard draws: a change is drawn at once when the screen has been idle,
/// changes that keep coming are coalesced into one frame per frame interval, and frames never
/// come more often than `maxFramesPerSecond` (60 as shipped). With nothing changing, the screen
/// is still redrawn every `idleRefreshInterval`, so ages keep counting.
///
/// **Idle or under load.** A change seen while the last frame started less than one frame
/// interval ago waits for the interval to end (everything that arrives meanwhile goes into that
/// one frame): *under load*. A change seen later than that is drawn at once: the screen was
/// *idle*. "At once" may wait for the burst it belongs to: with a ``Settle`` the frame is drawn
/// when no further change came for `quiet`, and at the latest `limit` after the first change,
/// so the ticks of one gateway write are drawn in one frame rather than two. Changes the trader
/// caused (`interactive`) are drawn at once, within the frame-rate cap only.
///
/// **Frame cost.** With `maximumBusyFraction` the interval between frames of streamed data is
/// stretched so that drawing takes at most that share of the time: frames costing 10 ms with a
/// fraction of 0.25 come at most every 40 ms. The cost is a running average of the frames'
/// draw times, and the interval is never stretched beyond `maximumDataFrameInterval`.
///
/// Pure: time comes in as a `Duration` since any fixed origin, and the version is any counter
/// that moves when what a frame shows may have changed. A burst of a thousand changes between
/// two frames gives one frame.
///
/// ```swift
/// switch scheduler.decide(now: now, stateVersion: version) {
/// case .drawNow:
///     draw()
///     scheduler.didDraw(startedAt: now, finishedAt: clock(), stateVersion: version)
/// case let .wait(until, wakeOnChange):
///     waitForInputOrChange(until: until, changesWake: wakeOnChange)
/// }
/// ```
public struct FrameScheduler: Hashable, Sendable {
    /// What the loop should do next.
    public enum Decision: Hashable, Sendable {
        /// Draw a frame now.
        case drawNow
        /// Nothing to draw before `until`; input always ends the wait early, a further change
        /// of the state only when `wakeOnChange` (while waiting for the frame interval to end,
        /// the frame is due anyway and another change cannot bring it forward).
        case wait(until: Duration, wakeOnChange: Bool)
    }

    /// How long a frame after an idle screen waits for the rest of its burst.
    public struct Settle: Hashable, Sendable {
        /// Drawn once no change came for this long.
        public var quiet: Duration
        /// Drawn at the latest this long after the first change.
        public var limit: Duration

        /// Creates a settle of `quiet` without changes, at most `limit` after the first one.
        public init(quiet: Duration, limit: Duration) {
            self.quiet = quiet
            self.limit = max(quiet, limit)
        }
    }

    /// The dashboard as shipped: at most 60 frames a second; after an idle screen a change is
    /// drawn once its burst has been quiet for 0.5 ms (at most 2 ms after it); drawing takes at
    /// most a quarter of a core under streaming load; a redraw every second when nothing
    /// changes.
    public static let shipped = FrameScheduler(
        maxFramesPerSecond: 60, idleRefreshInterval: .seconds(1),
        settle: Settle(quiet: .microseconds(500), limit: .milliseconds(2)), maximumBusyFraction: 0.25)

    /// Every change drawn as soon as it is seen (changes during a frame go into the next one,
    /// drawn right after): the pipeline's own latency, for measuring it. Not for shipping.
    public static let immediate = FrameScheduler(maxFramesPerSecond: nil, idleRefreshInterval: .seconds(1))

    /// The shortest time between the starts of two frames.
    public let minimumFrameInterval: Duration
    /// The longest time between two frames while nothing changes (ages tick).
    public let idleRefreshInterval: Duration
    /// How a frame after an idle screen waits for the rest of its burst; nil: not at all.
    public let settle: Settle?
    /// The largest share of the time drawing streamed data may take; nil: no limit.
    public let maximumBusyFraction: Double?
    /// The longest the busy limit stretches the interval between frames of streamed data.
    public let maximumDataFrameInterval: Duration

    /// When the last frame started, nil before the first one (or after ``invalidate()``).
    private var lastFrameStart: Duration?
    /// The version the last frame drew.
    private var drawnVersion: UInt64?
    /// The last version seen by ``decide(now:stateVersion:interactive:)``.
    private var seenVersion: UInt64?
    /// When the first change not yet drawn was seen.
    private var firstChangeAt: Duration?
    /// When the latest change not yet drawn was seen.
    private var lastChangeAt: Duration?
    /// A running average of the frames' draw times (one eighth of each new one).
    public private(set) var averageFrameCost: Duration = .zero

    /// Creates a scheduler that draws at most `maxFramesPerSecond` frames a second (nil: no
    /// cap), redraws an unchanged screen every `idleRefreshInterval`, lets a frame after an
    /// idle screen wait for its burst as `settle` says, and keeps drawing streamed data within
    /// `maximumBusyFraction` of the time (stretching the frame interval up to
    /// `maximumDataFrameInterval`).
    public init(
        maxFramesPerSecond: Int? = 60, idleRefreshInterval: Duration = .seconds(1), settle: Settle? = nil,
        maximumBusyFraction: Double? = nil, maximumDataFrameInterval: Duration = .milliseconds(100)
    ) {
        minimumFrameInterval = maxFramesPerSecond.map { .seconds(1) / max(1, $0) } ?? .zero
        self.idleRefreshInterval = idleRefreshInterval
        self.settle = settle
        self.maximumBusyFraction = maximumBusyFraction.map { min(1, max(0.001, $0)) }
        self.maximumDataFrameInterval = max(minimumFrameInterval, maximumDataFrameInterval)
    }

    /// The shortest time between the starts of two frames of streamed data now: the frame
    /// interval, stretched by the busy limit.
    public var dataFrameInterval: Duration {
        guard let maximumBusyFraction else { return minimumFrameInterval }
        let stretched = averageFrameCost * (1 / maximumBusyFraction)
        return max(minimumFrameInterval, min(maximumDataFrameInterval, stretched))
    }

    /// Forgets the last frame, so the next decision draws (e.g. after a resize).
    public mutating func invalidate() {
        lastFrameStart = nil
        drawnVersion = nil
        firstChangeAt = nil
        lastChangeAt = nil
    }

    /// Whether to draw now, given the current time and the state's change counter;
    /// `interactive` when the trader caused the change. Notes when a change is first seen, so
    /// call it whenever the loop wakes.
    public mutating func decide(now: Duration, stateVersion: UInt64, interactive: Bool = false) -> Decision {
        guard let lastFrameStart, let drawnVersion else { return .drawNow }
        guard stateVersion != drawnVersion else {
            let refreshAt = lastFrameStart + idleRefreshInterval
            return now >= refreshAt ? .drawNow : .wait(until: refreshAt, wakeOnChange: true)
        }
        if stateVersion != seenVersion {
            seenVersion = stateVersion
            lastChangeAt = now
            if firstChangeAt == nil { firstChangeAt = now }
        }
        if interactive {
            let capAt = lastFrameStart + minimumFrameInterval
            return now >= capAt ? .drawNow : .wait(until: capAt, wakeOnChange: false)
        }
        let dueAt = lastFrameStart + dataFrameInterval
        let first = firstChangeAt ?? now
        guard first >= dueAt else {
            // Under load: everything until the frame interval ends goes into one frame.
            return now >= dueAt ? .drawNow : .wait(until: dueAt, wakeOnChange: false)
        }
        // The screen was idle: draw now, or once the burst has settled.
        guard let settle else { return .drawNow }
        let settledAt = min((lastChangeAt ?? now) + settle.quiet, first + settle.limit)
        return now >= settledAt ? .drawNow : .wait(until: settledAt, wakeOnChange: true)
    }

    /// Records a frame that drew `stateVersion`, started at `startedAt` and was on screen at
    /// `finishedAt`.
    public mutating func didDraw(startedAt: Duration, finishedAt: Duration, stateVersion: UInt64) {
        lastFrameStart = startedAt
        drawnVersion = stateVersion
        seenVersion = stateVersion
        firstChangeAt = nil
        lastChangeAt = nil
        let cost = max(.zero, finishedAt - startedAt)
        averageFrameCost += (cost - averageFrameCost) / 8
    }
}
