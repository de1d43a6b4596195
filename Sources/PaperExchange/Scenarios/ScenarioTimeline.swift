import Vocabulary

/// A scenario's faults placed on the clock: each at its start instant plus its offset.
public struct ScenarioTimeline: Sendable, Hashable {
    /// One fault at one instant.
    public struct Entry: Sendable, Hashable {
        /// When the fault is due.
        public var time: Timestamp
        /// The fault.
        public var fault: Fault
    }

    /// When the scenario started.
    public let start: Timestamp
    /// Every fault, in time order (file order among equal times).
    public let entries: [Entry]

    /// Places `scenario`'s faults after `start`.
    public init(scenario: Scenario, start: Timestamp) {
        self.start = start
        entries = scenario.faults.map {
            Entry(time: start.adding(milliseconds: $0.offsetMilliseconds), fault: $0.fault)
        }
    }

    /// The faults due in `[from, to)`, in order. Calls with consecutive intervals
    /// (`[start, t1)`, `[t1, t2)`, …) see every fault exactly once; a fault at offset 0 is due in
    /// the first call that starts at ``start``.
    public func due(from previousNow: Timestamp, to now: Timestamp) -> [Fault] {
        entries.filter { $0.time >= previousNow && $0.time < now }.map(\.fault)
    }
}
