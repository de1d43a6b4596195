/// A contract's sessions as IB writes them in contract details (`tradingHours`,
/// `liquidHours`): `yyyyMMdd:HHmm-yyyyMMdd:HHmm` for a session and `yyyyMMdd:CLOSED` for a day
/// without one, separated by `;`, in the contract's zone (`timeZoneId`).
///
/// The zones read are New York's (`US/Eastern`, `America/New_York`, `EST5EDT`), Chicago's
/// (`US/Central`, `America/Chicago`, `CST6CDT`: New York's rules an hour behind) and UTC; any
/// other zone is not guessed, and the hours then say nothing about now.
public struct TradingHours: Sendable, Hashable {
    /// One session, as instants.
    public struct Session: Sendable, Hashable {
        /// When it opens and closes.
        public var start: Timestamp, end: Timestamp
    }

    /// The sessions, in order.
    public let sessions: [Session]

    /// Reads `text` in `zone`; `nil` when the zone is one this does not know or nothing parses.
    public init?(_ text: String, zone: String) {
        guard let toUTC = Self.converter(zone) else { return nil }
        var sessions: [Session] = []
        for part in text.split(separator: ";") where !part.hasSuffix("CLOSED") {
            let ends = part.split(separator: "-")
            guard ends.count == 2, let start = Self.local(ends[0]), let end = Self.local(ends[1]) else { continue }
            sessions.append(Session(start: Timestamp(secondsSinceEpoch: toUTC(start)), end: Timestamp(secondsSinceEpoch: toUTC(end))))
        }
        guard !sessions.isEmpty else { return nil }
        self.sessions = sessions.sorted { $0.start < $1.start }
    }

    /// The session open at `time`, if any.
    public func session(at time: Timestamp) -> Session? {
        sessions.first { $0.start <= time && time < $0.end }
    }

    /// The next session to open after `time`, if the hours list one.
    public func nextSession(after time: Timestamp) -> Session? {
        sessions.first { $0.start > time }
    }

    /// `yyyyMMdd:HHmm` as seconds of local time since the epoch.
    private static func local(_ text: Substring) -> Int64? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[0].count == 8, parts[1].count == 4,
              let date = Int(parts[0]), let clock = Int(parts[1]),
              (1...12).contains(date / 100 % 100), (1...31).contains(date % 100),
              clock / 100 < 24, clock % 100 < 60 else { return nil }
        let day = CalendarDay(year: date / 10_000, month: date / 100 % 100, day: date % 100)
        return day.dayNumber * 86_400 + Int64(clock / 100 * 3600 + clock % 100 * 60)
    }

    /// Local seconds to UTC seconds in `zone`, for the zones this knows.
    private static func converter(_ zone: String) -> ((Int64) -> Int64)? {
        func newYork(_ local: Int64) -> Int64 {
            NewYorkTime.utcSeconds(localDay: Timestamp.floorDivide(local, 86_400), secondOfDay: local - Timestamp.floorDivide(local, 86_400) * 86_400)
        }
        switch zone {
        case "US/Eastern", "America/New_York", "EST5EDT", "EST": return newYork
        case "US/Central", "America/Chicago", "CST6CDT", "CST": return { newYork($0 + 3600) }
        case "UTC", "GMT", "Etc/UTC": return { $0 }
        default: return nil
        }
    }
}
