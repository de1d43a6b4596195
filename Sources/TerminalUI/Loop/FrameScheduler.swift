/// Decides when the dashboard draws: only when its state changed or a second passed (so ages
/// keep counting), and never more than `maxFramesPerSecond` times a second. Changes the trader
/// caused (a key) draw at that rate; changes that only stream in (quotes) draw at most
/// `dataFramesPerSecond` times a second, which is what a quiet dashboard costs.
///
/// Pure: time comes in as a `Duration` since any fixed origin. A burst of a thousand changes
/// between two frames gives one frame.
///
/// ```swift
/// switch scheduler.decide(now: now, stateVersion: state.version) {
/// case .drawNow: draw(); scheduler.didDraw(at: now, stateVersion: state.version)
/// case .wait(let until): sleepOrWaitForInput(until: until)
/// }
/// ```
public struct FrameScheduler: Hashable, Sendable {
    /// What the loop should do next.
    public enum Decision: Hashable, Sendable {
        /// Draw a frame now.
        case drawNow
        /// Nothing to draw before `until` (wake early on input or new data).
        case wait(until: Duration)
    }

    /// The shortest time between two frames.
    public let minimumFrameInterval: Duration
    /// The shortest time between two frames that only streamed data changed.
    public let dataFrameInterval: Duration
    /// The longest time between two frames while nothing changes (ages tick).
    public let idleRefreshInterval: Duration
    private var lastFrameAt: Duration?
    private var lastVersion: Int?

    /// Creates a scheduler capped at `maxFramesPerSecond` that refreshes an idle screen every
    /// `idleRefreshInterval`.
    public init(maxFramesPerSecond: Int = 30, dataFramesPerSecond: Int? = nil, idleRefreshInterval: Duration = .seconds(1)) {
        minimumFrameInterval = .seconds(1) / max(1, maxFramesPerSecond)
        dataFrameInterval = .seconds(1) / max(1, min(dataFramesPerSecond ?? maxFramesPerSecond, maxFramesPerSecond))
        self.idleRefreshInterval = idleRefreshInterval
    }

    /// Forgets the last frame, so the next decision draws (e.g. after a resize).
    public mutating func invalidate() {
        lastFrameAt = nil
        lastVersion = nil
    }

    /// Whether to draw now, given the current time and the state's change counter;
    /// `interactive` when the trader caused the change.
    public func decide(now: Duration, stateVersion: Int, interactive: Bool = true) -> Decision {
        guard let lastFrameAt, let lastVersion else { return .drawNow }
        let earliest = lastFrameAt + (interactive ? minimumFrameInterval : dataFrameInterval)
        let refreshAt = lastFrameAt + idleRefreshInterval
        if stateVersion != lastVersion {
            return now >= earliest ? .drawNow : .wait(until: earliest)
        }
        return now >= refreshAt ? .drawNow : .wait(until: refreshAt)
    }

    /// Records a drawn frame.
    public mutating func didDraw(at now: Duration, stateVersion: Int) {
        lastFrameAt = now
        lastVersion = stateVersion
    }
}
