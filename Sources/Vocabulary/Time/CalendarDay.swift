/// A date of the proleptic Gregorian calendar, numbered as days since 1970-01-01, with the
/// conversions the trading calendar needs (Howard Hinnant's `days_from_civil`; the inverse is
/// ``CivilTime``'s).
public struct CalendarDay: Sendable, Hashable, Comparable {
    /// Days since 1970-01-01.
    public var dayNumber: Int64
    /// Four-digit year.
    public var year: Int { civil.year }
    /// Month, 1–12.
    public var month: Int { civil.month }
    /// Day of the month, 1–31.
    public var day: Int { civil.day }

    /// The day `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int64) {
        self.dayNumber = dayNumber
    }

    /// The day of a calendar date (`month` 1–12, `day` 1–31; out-of-range days roll over).
    public init(year: Int, month: Int, day: Int) {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        dayNumber = era * 146_097 + dayOfEra - 719_468
    }

    /// 0 for Sunday through 6 for Saturday.
    public var weekday: Int {
        Int(((dayNumber + 4) % 7 + 7) % 7)
    }

    /// Whether the day is a Saturday or a Sunday.
    public var isWeekend: Bool { weekday == 0 || weekday == 6 }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int64) -> CalendarDay {
        CalendarDay(dayNumber: dayNumber + count)
    }

    /// The `n`th (1-based) `weekday` (0 Sunday … 6 Saturday) of a month.
    public static func nthWeekday(_ weekday: Int, _ n: Int, month: Int, year: Int) -> CalendarDay {
        let first = CalendarDay(year: year, month: month, day: 1)
        let shift = (weekday - first.weekday + 7) % 7
        return first.adding(days: Int64(shift + 7 * (n - 1)))
    }

    /// The last `weekday` (0 Sunday … 6 Saturday) of a month.
    public static func lastWeekday(_ weekday: Int, month: Int, year: Int) -> CalendarDay {
        let last = CalendarDay(year: month == 12 ? year + 1 : year, month: month == 12 ? 1 : month + 1, day: 1).adding(days: -1)
        return last.adding(days: -Int64((last.weekday - weekday + 7) % 7))
    }

    /// 00:00 UTC of this date: the instant whose UTC calendar date is this day, to write it with
    /// `TimeText.date` (`yyyyMMdd`).
    public var utcMidnight: Timestamp {
        Timestamp(secondsSinceEpoch: dayNumber * 86_400)
    }

    /// Orders days in time.
    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool { lhs.dayNumber < rhs.dayNumber }

    private var civil: CivilTime {
        CivilTime(utcMidnight)
    }
}
