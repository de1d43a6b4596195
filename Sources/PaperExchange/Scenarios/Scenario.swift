import Vocabulary

/// A fault scenario: instruments that are not entitled to live data plus a timeline of faults,
/// read from TOML with ``parse(toml:)``.
public struct Scenario: Sendable, Hashable {
    /// A fault at an offset from the scenario's start.
    public struct ScheduledFault: Sendable, Hashable {
        /// Milliseconds after the start.
        public var offsetMilliseconds: Int64
        /// The fault.
        public var fault: Fault

        /// Creates a scheduled fault.
        public init(offsetMilliseconds: Int64, fault: Fault) {
            self.offsetMilliseconds = offsetMilliseconds
            self.fault = fault
        }
    }

    /// The scenario's name.
    public var name: String
    /// What it rehearses.
    public var description: String
    /// Symbols whose live reqMktData is answered with error 354 and no ticks.
    public var notEntitled: [String]
    /// Faults in time order (file order among equal offsets). Faults with a duration appear
    /// as two entries: the fault and its end (e.g. 2103 then 2104).
    public var faults: [ScheduledFault]

    /// Creates a scenario, sorting `faults` by offset.
    public init(name: String, description: String = "", notEntitled: [String] = [], faults: [ScheduledFault]) {
        self.name = name
        self.description = description
        self.notEntitled = notEntitled
        self.faults = faults.enumerated()
            .sorted { a, b in
                a.element.offsetMilliseconds != b.element.offsetMilliseconds
                    ? a.element.offsetMilliseconds < b.element.offsetMilliseconds : a.offset < b.offset
            }
            .map(\.element)
    }

    /// Places the faults on the clock from `start`.
    public func timeline(start: Timestamp) -> ScenarioTimeline {
        ScenarioTimeline(scenario: self, start: start)
    }
}
