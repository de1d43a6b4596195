import Vocabulary

/// The session's daily-P&L history, bounded, for the status-bar sparkline.
public struct PnLHistory: Sendable, Hashable {
    /// One recorded point.
    public struct Sample: Sendable, Hashable {
        /// When it was recorded.
        public var time: Timestamp
        /// The daily P&L then.
        public var daily: Double
    }

    /// The most samples kept; older ones are dropped.
    public let capacity: Int
    /// The smallest spacing between samples; a value recorded sooner than this after the last
    /// sample updates that sample's value (keeping its time) instead of adding one.
    public let minimumSpacing: Duration
    /// The samples, oldest first.
    public private(set) var samples: [Sample] = []

    /// Creates an empty history.
    public init(capacity: Int = 240, minimumSpacing: Duration = .seconds(15)) {
        self.capacity = max(1, capacity)
        self.minimumSpacing = minimumSpacing
    }

    /// Records the snapshot's daily P&L at `time`; snapshots without a daily value are skipped
    /// (a gap is better than a fake zero).
    /// - Returns: whether the history changed.
    @discardableResult
    public mutating func record(_ snapshot: PnLSnapshot, at time: Timestamp) -> Bool {
        guard let daily = snapshot.daily.amount else { return false }
        if let last = samples.last, time - last.time < minimumSpacing {
            guard last.daily != daily else { return false }
            samples[samples.count - 1].daily = daily
            return true
        }
        samples.append(Sample(time: time, daily: daily))
        if samples.count > capacity { samples.removeFirst(samples.count - capacity) }
        return true
    }

    /// The daily values, oldest first, for drawing.
    public var values: [Double] { samples.map(\.daily) }
}
