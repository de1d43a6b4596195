import Vocabulary

/// The days the New York Stock Exchange is closed for a holiday, computed from NYSE's rules
/// (not a table, so every year is covered): New Year's Day, Martin Luther King Jr. Day,
/// Washington's Birthday, Good Friday, Memorial Day, Juneteenth (from 2022), Independence
/// Day, Labor Day, Thanksgiving and Christmas. A holiday on a Saturday is observed the Friday
/// before (except New Year's Day, which is then not observed), one on a Sunday the Monday
/// after. One-off closures (national days of mourning, storms) are not known.
public enum USMarketHolidays {
    /// Whether `day` is a weekday on which the exchange is closed for a holiday.
    public static func isHoliday(_ day: CalendarDay) -> Bool {
        guard !day.isWeekend else { return false }
        // A Saturday New Year's Day of the next year is not moved into this December.
        return holidays(of: day.year).contains(day)
    }

    /// The observed holidays of `year`.
    public static func holidays(of year: Int) -> [CalendarDay] {
        var days: [CalendarDay] = []
        let newYear = CalendarDay(year: year, month: 1, day: 1)
        if newYear.weekday == 0 { days.append(newYear.adding(days: 1)) } else if newYear.weekday != 6 { days.append(newYear) }
        days.append(CalendarDay.nthWeekday(1, 3, month: 1, year: year))
        days.append(CalendarDay.nthWeekday(1, 3, month: 2, year: year))
        days.append(easterSunday(year).adding(days: -2))
        days.append(CalendarDay.lastWeekday(1, month: 5, year: year))
        if year >= 2022 { days.append(observed(CalendarDay(year: year, month: 6, day: 19))) }
        days.append(observed(CalendarDay(year: year, month: 7, day: 4)))
        days.append(CalendarDay.nthWeekday(1, 1, month: 9, year: year))
        days.append(CalendarDay.nthWeekday(4, 4, month: 11, year: year))
        days.append(observed(CalendarDay(year: year, month: 12, day: 25)))
        return days
    }

    /// Easter Sunday of the Gregorian calendar (the anonymous Gregorian computus).
    public static func easterSunday(_ year: Int) -> CalendarDay {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDay(year: year, month: month, day: day)
    }

    private static func observed(_ day: CalendarDay) -> CalendarDay {
        switch day.weekday {
        case 6: day.adding(days: -1)
        case 0: day.adding(days: 1)
        default: day
        }
    }
}
