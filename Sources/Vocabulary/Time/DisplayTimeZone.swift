/// The zone ibterm shows wall-clock times in, on the dashboard and in the one-shot commands,
/// with the abbreviation that names it on screen (`07:37:14 UTC`, `TIME (EST)`).
///
/// Pure: the offset is a function of the instant, so a zone with daylight saving changes
/// its offset and abbreviation on the right day without reading a clock. The machine's own zone
/// is not known here: the executable describes it (``local(_:)``, read from the system's time
/// zone database) and passes it in.
public enum DisplayTimeZone: Sendable, Hashable {
    /// Coordinated Universal Time, shown as `UTC`.
    case utc
    /// New York, where IB's US stock sessions are defined and where the paper gateway keeps its
    /// day: `EST` (UTC−5) or `EDT` (UTC−4) by ``NewYorkTime``'s rules.
    case exchange
    /// A zone described by its offsets and abbreviations and the instants they change: the
    /// machine's local zone as the executable read it.
    case local(TimeZoneRules)

    /// A zone with one offset and abbreviation at every instant (`.fixed(offsetSeconds: 3600,
    /// abbreviation: "CET")`): a local zone without daylight saving, or a test's zone.
    public static func fixed(offsetSeconds: Int, abbreviation: String) -> DisplayTimeZone {
        .local(TimeZoneRules(offsetSeconds: offsetSeconds, abbreviation: abbreviation))
    }

    /// The offset from UTC, in seconds, in force at `time`.
    public func offsetSeconds(at time: Timestamp) -> Int {
        switch self {
        case .utc: 0
        case .exchange: Int(NewYorkTime.utcOffset(atUTC: time.secondsSinceEpoch))
        case let .local(rules): rules.period(at: time).offsetSeconds
        }
    }

    /// The abbreviation shown with a time at `time`: `UTC`; `EST` or `EDT`; the local zone's
    /// (`CET`, `CEST`, ...).
    public func abbreviation(at time: Timestamp) -> String {
        switch self {
        case .utc: "UTC"
        case .exchange: NewYorkTime.utcOffset(atUTC: time.secondsSinceEpoch) == -4 * 3600 ? "EDT" : "EST"
        case let .local(rules): rules.period(at: time).abbreviation
        }
    }
}

extension DisplayTimeZone {
    /// Which zone the trader asked for, before the executable resolves `local`: the config
    /// file's `time_zone` and the `--time-zone` option, written as the raw values.
    public enum Choice: String, Sendable, Hashable, CaseIterable {
        /// The machine's own zone (the default: a trader reads his own clock, as TWS does).
        case local
        /// New York, the exchange's zone (``DisplayTimeZone/exchange``).
        case exchange
        /// UTC (``DisplayTimeZone/utc``).
        case utc

        /// The zone this choice names, with `local` the machine's zone as the executable read it.
        public func resolved(local: DisplayTimeZone) -> DisplayTimeZone {
            switch self {
            case .local: local
            case .exchange: .exchange
            case .utc: .utc
            }
        }

        /// The values accepted, for messages: `"local", "exchange" or "utc"`.
        public static var acceptedValues: String {
            let quoted = allCases.map { "\"\($0.rawValue)\"" }
            return quoted.dropLast().joined(separator: ", ") + " or " + quoted[quoted.count - 1]
        }
    }
}

/// A zone's offsets from UTC and their abbreviations, each from the instant it starts: the
/// local zone's daylight-saving changes, listed by the executable for the span ibterm may run
/// in. The first period also covers every earlier instant, the last every later one.
public struct TimeZoneRules: Sendable, Hashable {
    /// One offset and abbreviation, in force from `start` to the next period's start.
    public struct Period: Sendable, Hashable {
        /// The first instant of the period.
        public var start: Timestamp
        /// Seconds added to UTC.
        public var offsetSeconds: Int
        /// The name shown with a time (`CET`).
        public var abbreviation: String

        /// Creates a period.
        public init(start: Timestamp, offsetSeconds: Int, abbreviation: String) {
            self.start = start
            self.offsetSeconds = offsetSeconds
            self.abbreviation = abbreviation
        }
    }

    /// The periods, sorted by start; never empty.
    public let periods: [Period]

    /// Rules from `periods` (sorted here); a zone with no period is UTC.
    public init(periods: [Period]) {
        let sorted = periods.sorted { $0.start < $1.start }
        self.periods = sorted.isEmpty
            ? [Period(start: Timestamp(millisecondsSinceEpoch: 0), offsetSeconds: 0, abbreviation: "UTC")] : sorted
    }

    /// One offset and abbreviation for every instant.
    public init(offsetSeconds: Int, abbreviation: String) {
        self.init(periods: [Period(start: Timestamp(millisecondsSinceEpoch: 0), offsetSeconds: offsetSeconds, abbreviation: abbreviation)])
    }

    /// The period in force at `time`: the last that started at or before it, else the first.
    public func period(at time: Timestamp) -> Period {
        var low = 0, high = periods.count
        while low < high {
            let middle = (low + high) / 2
            if periods[middle].start <= time { low = middle + 1 } else { high = middle }
        }
        return periods[max(0, low - 1)]
    }
}
