import Vocabulary

/// Where a replay (`ibterm replay`) stands in its recording, for the status bar's badge and
/// time bar: the recorded wall time at the playhead, the recording's start and end, whether
/// the trader paused it, and how many times it was rewound (a jump back plays the recording
/// again from its start, so what the dashboard learnt later than the target is forgotten).
public struct ReplayProgress: Sendable, Hashable, Codable {
    /// The recorded wall time at the playhead.
    public var position: Timestamp
    /// The recorded wall time of the recording's first record.
    public var start: Timestamp
    /// The recorded wall time of its last frame.
    public var end: Timestamp
    /// Whether the trader paused the replay.
    public var isPaused: Bool
    /// How many times it was rewound.
    public var rewinds: Int

    /// Creates a progress report.
    public init(position: Timestamp, start: Timestamp, end: Timestamp, isPaused: Bool = false, rewinds: Int = 0) {
        self.position = position
        self.start = start
        self.end = end
        self.isPaused = isPaused
        self.rewinds = rewinds
    }

    /// How far through the recording the playhead is, 0...1 (1 for a recording of no length).
    public var fraction: Double {
        let length = end.millisecondsSinceEpoch - start.millisecondsSinceEpoch
        guard length > 0 else { return 1 }
        let done = position.millisecondsSinceEpoch - start.millisecondsSinceEpoch
        return min(max(Double(done) / Double(length), 0), 1)
    }
}

/// What the trader asks of a replay with its keys (space, `.`, `<`, `>`).
public enum ReplayControl: Sendable, Hashable, Codable {
    /// Pause, or play on.
    case togglePause
    /// Pause and move one recorded second on.
    case step
    /// Move the playhead this many recorded seconds (negative: back).
    case jump(seconds: Int)
}
