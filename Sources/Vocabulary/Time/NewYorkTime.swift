/// New York local time, where IB defines the sessions of US stocks, CME equity futures and
/// IDEALPRO's FX day: Eastern Standard Time (UTC−5) and, from the second Sunday of March
/// 02:00 to the first Sunday of November 02:00, Eastern Daylight Time (UTC−4), as US law has
/// had it since 2007. Pure arithmetic on seconds since the Unix epoch; no clock, no tz database.
public enum NewYorkTime {
    /// The offset from UTC, in seconds, in force at the instant `utcSeconds`.
    public static func utcOffset(atUTC utcSeconds: Int64) -> Int64 {
        let standardLocal = utcSeconds - 5 * 3600
        let year = CalendarDay(dayNumber: Timestamp.floorDivide(standardLocal, 86_400)).year
        // 02:00 EST on the second Sunday of March; 02:00 EDT (06:00 UTC) on the first Sunday of November.
        let start = CalendarDay.nthWeekday(0, 2, month: 3, year: year).dayNumber * 86_400 + 7 * 3600
        let end = CalendarDay.nthWeekday(0, 1, month: 11, year: year).dayNumber * 86_400 + 6 * 3600
        return utcSeconds >= start && utcSeconds < end ? -4 * 3600 : -5 * 3600
    }

    /// The instant of a New York wall-clock time: `secondOfDay` seconds after midnight of the
    /// local day `localDay` (days since 1970-01-01). Times that do not exist or occur twice at
    /// a clock change (02:00–03:00) resolve to the standard-time reading; no session uses them.
    public static func utcSeconds(localDay: Int64, secondOfDay: Int64) -> Int64 {
        let local = localDay * 86_400 + secondOfDay
        let asStandard = local + 5 * 3600
        return utcOffset(atUTC: asStandard) == -4 * 3600 && utcOffset(atUTC: local + 4 * 3600) == -4 * 3600
            ? local + 4 * 3600 : asStandard
    }

    /// The New York wall-clock reading of `utcSeconds`, as seconds since the local epoch.
    public static func localSeconds(atUTC utcSeconds: Int64) -> Int64 {
        utcSeconds + utcOffset(atUTC: utcSeconds)
    }

    /// The local day (days since 1970-01-01 in New York) of the instant `utcSeconds`.
    public static func localDay(atUTC utcSeconds: Int64) -> Int64 {
        Timestamp.floorDivide(localSeconds(atUTC: utcSeconds), 86_400)
    }
}
