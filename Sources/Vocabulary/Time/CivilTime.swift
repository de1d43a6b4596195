/// A calendar date and time of day, computed from a ``Timestamp`` and a fixed UTC offset
/// without Foundation (Howard Hinnant's `civil_from_days`): the paper exchange's trading days and
/// sessions, and the fields ``TimeText`` writes.
public struct CivilTime: Sendable, Hashable {
    /// Four-digit year.
    public var year: Int
    /// Month, 1–12.
    public var month: Int
    /// Day of the month, 1–31.
    public var day: Int
    /// Hour, 0–23.
    public var hour: Int
    /// Minute, 0–59.
    public var minute: Int
    /// Second, 0–59.
    public var second: Int
    /// Millisecond, 0–999.
    public var millisecond: Int

    /// Splits `timestamp` into calendar fields at `utcOffsetSeconds` from UTC.
    public init(_ timestamp: Timestamp, utcOffsetSeconds: Int = 0) {
        let milliseconds = timestamp.millisecondsSinceEpoch + Int64(utcOffsetSeconds) * 1000
        let seconds = Timestamp.floorDivide(milliseconds, 1000)
        millisecond = Int(milliseconds - seconds * 1000)
        let days = Timestamp.floorDivide(seconds, 86_400)
        let secondOfDay = Int(seconds - days * 86_400)
        hour = secondOfDay / 3600
        minute = secondOfDay / 60 % 60
        second = secondOfDay % 60
        (year, month, day) = Self.civil(fromDays: days)
    }

    /// Days since 1970-01-01 of the local date: the key that tells trading days apart.
    public static func dayNumber(of timestamp: Timestamp, utcOffsetSeconds: Int) -> Int64 {
        Timestamp.floorDivide(timestamp.secondsSinceEpoch + Int64(utcOffsetSeconds), 86_400)
    }

    private static func civil(fromDays days: Int64) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = Timestamp.floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }
}
