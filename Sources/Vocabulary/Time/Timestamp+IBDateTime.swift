extension Timestamp {
    /// Reads IB's date-time text: `yyyymmdd hh:mm:ss`, `yyyymmdd  hh:mm:ss` (an execution's
    /// two spaces), `yyyymmdd hh:mm:ss <zone>` with a zone of UTC, GMT, US/Eastern,
    /// America/New_York, EST5EDT, EST or EDT, `yyyymmdd-hh:mm:ss` (UTC) or `yyyymmdd`
    /// (midnight). Without a zone the time is New York's, the paper gateway's login zone, as TWS
    /// reads a time in its own zone. `nil` when malformed or in a zone not listed here.
    ///
    /// The one reader of IB's times: the paper gateway's historical and execution filters, the
    /// dashboard's fill times and `ibterm executions`.
    public init?(ibDateTime text: String) {
        var parts = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var utc = false
        if parts.count == 1, parts[0].count == 17, parts[0].dropFirst(8).first == "-" {
            parts = [String(parts[0].prefix(8)), String(parts[0].dropFirst(9))]
            utc = true
        }
        if parts.count == 3 {
            switch parts[2].uppercased() {
            case "UTC", "GMT", "ETC/UTC", "ETC/GMT": utc = true
            case "US/EASTERN", "AMERICA/NEW_YORK", "EST5EDT", "EST", "EDT": utc = false
            default: return nil
            }
            parts.removeLast()
        }
        guard (1...2).contains(parts.count), parts[0].count == 8, let date = Int(parts[0]) else { return nil }
        let year = date / 10_000, month = date / 100 % 100, day = date % 100
        guard (1900...2999).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        var secondOfDay: Int64 = 0
        if parts.count == 2 {
            let clock = parts[1].split(separator: ":")
            guard clock.count == 3, let h = Int64(clock[0]), let m = Int64(clock[1]), let s = Int64(clock[2]),
                  (0...23).contains(h), (0...59).contains(m), (0...59).contains(s) else { return nil }
            secondOfDay = h * 3600 + m * 60 + s
        }
        let dayNumber = CalendarDay(year: year, month: month, day: day).dayNumber
        self.init(secondsSinceEpoch: utc
            ? dayNumber * 86_400 + secondOfDay : NewYorkTime.utcSeconds(localDay: dayNumber, secondOfDay: secondOfDay))
    }
}
