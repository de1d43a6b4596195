import Vocabulary

/// Contract details' `tradingHours` and `liquidHours` as TWS writes them: a week of trade
/// dates from today, `yyyyMMdd:HHmm-yyyyMMdd:HHmm` for a session and `yyyyMMdd:CLOSED` for a
/// day without one, separated by `;`, in the contract's time zone (`timeZoneId`).
public enum SessionHoursText {
    /// The contract's time zone: US/Central for futures (CME), US/Eastern otherwise.
    public static func timeZoneId(of secType: SecurityType) -> String {
        secType == .future ? "US/Central" : "US/Eastern"
    }

    /// Seven trade dates of sessions from the one `now` (seconds since the epoch) falls on.
    public static func text(of secType: SecurityType, regularHours: Bool, now: Int64, days: Int = 7) -> String {
        // US/Central keeps the same daylight-saving dates as New York, one hour behind.
        let shift: Int64 = secType == .future ? -3600 : 0
        let today = NewYorkTime.localDay(atUTC: now)
        var parts: [String] = []
        for offset in 0..<Int64(days) {
            let day = CalendarDay(dayNumber: today + offset)
            guard let session = TradingCalendar.session(of: secType, on: day, regularHours: regularHours) else {
                parts.append(TimeText.date(day.utcMidnight) + ":CLOSED")
                continue
            }
            parts.append(stamp(session.start, shift) + "-" + stamp(session.end, shift))
        }
        return parts.joined(separator: ";")
    }

    private static func stamp(_ utc: Int64, _ shift: Int64) -> String {
        let local = NewYorkTime.localSeconds(atUTC: utc) + shift
        let day = CalendarDay(dayNumber: Timestamp.floorDivide(local, 86_400))
        let minuteOfDay = (local - day.dayNumber * 86_400) / 60
        let hhmm = Int(minuteOfDay / 60) * 100 + Int(minuteOfDay % 60)
        let clock = String(hhmm)
        return TimeText.date(day.utcMidnight) + ":" + String(repeating: "0", count: 4 - clock.count) + clock
    }
}
