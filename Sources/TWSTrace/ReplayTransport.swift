/// Where a replay is on its recording's time line and how it moves: played at a speed,
/// paused, stepped a second at a time, jumped forward or back.
///
/// Pure: the machine's monotonic time comes in with each call (`now`, nanoseconds), and the
/// recorded time is an offset in nanoseconds after the run's first record
/// (``ReplaySchedule/Step/offsetNanoseconds``). The stand-in gateway asks ``decide(frameAt:now:)``
/// before each frame and reports ``sent(frameAt:)`` after it.
///
/// - The **playhead** is the recorded time reached: while playing at a factor it advances that
///   many times faster than the machine's clock; paused, it stands; at max speed it is the last
///   frame sent.
/// - Frames up to ``catchUpUntil`` are sent at once, whatever the mode: `--from`, a step and a
///   jump forward move it (the dashboard's state builds up as it was).
/// - A jump back cannot take frames back from the dashboard: it **rewinds** (``rewinds`` counts
///   them), the stand-in gateway closes the connection and plays the recording again from its
///   first connection, at once up to the target, then at the speed.
public struct ReplayTransport: Sendable, Hashable {
    /// What the trader asks of the replay.
    public enum Command: Sendable, Hashable {
        /// Pause, or play on from where it stands.
        case togglePause
        /// Move a second of recorded time on and stay paused (pauses first when playing).
        case step
        /// Move the playhead this many seconds (negative: back, which rewinds).
        case jump(seconds: Double)
    }

    /// What to do with the next frame.
    public enum Decision: Sendable, Hashable {
        /// Send it now.
        case send
        /// Ask again after at most this many nanoseconds of the machine's clock (or sooner,
        /// when a command arrives).
        case wait(nanoseconds: UInt64)
        /// Paused before it: ask again when a command arrives.
        case hold
    }

    /// How one recorded second of playhead is stepped.
    public static let stepNanoseconds: Int64 = 1_000_000_000

    /// How fast it plays when playing.
    public let speed: ReplaySchedule.Speed
    /// The recorded time of the last frame (the time line's end).
    public let durationNanoseconds: Int64
    /// Whether the trader paused it.
    public private(set) var isPaused = false
    /// Frames recorded up to this offset are sent at once.
    public private(set) var catchUpUntil: Int64
    /// How many times it was rewound (a jump back); the stand-in gateway restarts on a change.
    public private(set) var rewinds = 0
    /// The offset of the last frame sent, since the start or the last rewind.
    public private(set) var lastSent: Int64?
    /// The playhead at `anchorReal`.
    private var anchorRecorded: Int64
    /// The machine's monotonic time the anchor was taken at.
    private var anchorReal: UInt64

    /// Starts playing at `speed` from `from` (frames before it at once) at the machine's time `now`.
    public init(speed: ReplaySchedule.Speed, durationNanoseconds: Int64, from: Int64 = 0, now: UInt64) {
        self.speed = speed
        self.durationNanoseconds = durationNanoseconds
        catchUpUntil = from
        anchorRecorded = from
        anchorReal = now
    }

    /// The recorded time reached at the machine's time `now`, within the time line.
    public func playhead(at now: UInt64) -> Int64 {
        min(max(rawPlayhead(at: now), 0), max(durationNanoseconds, 0))
    }

    /// The playhead within the time line, for a pause, a step or a jump to start from.
    private func standingPlayhead(at now: UInt64) -> Int64 {
        min(max(rawPlayhead(at: now), 0), max(durationNanoseconds, 0))
    }

    private func rawPlayhead(at now: UInt64) -> Int64 {
        guard !isPaused else { return anchorRecorded }
        switch speed {
        case .max:
            return max(anchorRecorded, lastSent ?? anchorRecorded)
        case .times(let factor):
            let elapsed = now > anchorReal ? now - anchorReal : 0
            return anchorRecorded + Int64((Double(elapsed) * factor).rounded(.down))
        }
    }

    /// Whether the frame recorded at `offset` is sent now, waited for, or held while paused.
    public func decide(frameAt offset: Int64, now: UInt64) -> Decision {
        if offset <= catchUpUntil { return .send }
        // Paused: what was due before the playhead stood still still goes out.
        if isPaused { return offset <= anchorRecorded ? .send : .hold }
        guard case .times(let factor) = speed else { return .send }
        let playhead = rawPlayhead(at: now)
        if offset <= playhead { return .send }
        return .wait(nanoseconds: UInt64((Double(offset - playhead) / factor).rounded(.up)))
    }

    /// The frame recorded at `offset` was sent.
    public mutating func sent(frameAt offset: Int64) {
        lastSent = offset
    }

    /// Carries out `command` at the machine's time `now`; `true` when it rewound (the stand-in
    /// gateway then plays the recording again from its start).
    @discardableResult
    public mutating func apply(_ command: Command, at now: UInt64) -> Bool {
        switch command {
        case .togglePause:
            if isPaused {
                isPaused = false
            } else {
                anchorRecorded = standingPlayhead(at: now)
                isPaused = true
            }
            anchorReal = now
            return false
        case .step:
            if !isPaused {
                anchorRecorded = standingPlayhead(at: now)
                isPaused = true
            }
            anchorRecorded = min(anchorRecorded + Self.stepNanoseconds, max(durationNanoseconds, anchorRecorded))
            catchUpUntil = max(catchUpUntil, anchorRecorded)
            anchorReal = now
            return false
        case .jump(let seconds):
            let current = standingPlayhead(at: now)
            let target = min(max(current + Int64(seconds * 1e9), 0), max(durationNanoseconds, 0))
            anchorRecorded = target
            anchorReal = now
            guard target < current else {
                catchUpUntil = max(catchUpUntil, target)
                return false
            }
            catchUpUntil = target
            lastSent = nil
            rewinds += 1
            return true
        }
    }
}
