import Vocabulary

/// One trading session: the span of a trade date in which an instrument trades.
public struct TradingSession: Sendable, Hashable {
    /// The trade date the session belongs to (for futures and FX, the day it ends).
    public var tradeDay: CalendarDay
    /// The first second of the session, in seconds since the Unix epoch.
    public var start: Int64
    /// The end of the session (exclusive), in seconds since the Unix epoch.
    public var end: Int64
}

/// When each kind of instrument trades, in New York time, as IB's contract details state it:
///
/// - stocks (`STK`): regular hours 09:30–16:00, the whole day 04:00–20:00, on weekdays that
///   are not NYSE holidays;
/// - futures (`FUT`, the CME equity and commodity pattern): 18:00 the evening before to 17:00,
///   Sunday evening to Friday, closed on NYSE holidays; liquid (regular) hours 09:30–16:00;
/// - FX (`CASH`, IDEALPRO): 17:15 the evening before to 17:00, Sunday evening to Friday; FX
///   has no separate regular hours.
public enum TradingCalendar {
    /// The session of `secType` on the trade date `day`, or `nil` when it does not trade.
    public static func session(of secType: SecurityType, on day: CalendarDay, regularHours: Bool) -> TradingSession? {
        guard !day.isWeekend else { return nil }
        switch secType {
        case .stock:
            guard !USMarketHolidays.isHoliday(day) else { return nil }
            return regularHours ? make(day, from: (0, 9 * 3600 + 1800), to: (0, 16 * 3600))
                : make(day, from: (0, 4 * 3600), to: (0, 20 * 3600))
        case .future:
            guard !USMarketHolidays.isHoliday(day) else { return nil }
            return regularHours ? make(day, from: (0, 9 * 3600 + 1800), to: (0, 16 * 3600))
                : make(day, from: (-1, 18 * 3600), to: (0, 17 * 3600))
        case .forex:
            return make(day, from: (-1, 17 * 3600 + 900), to: (0, 17 * 3600))
        }
    }

    /// The sessions of `secType` that overlap `[from, to)` (seconds since the epoch), oldest first.
    public static func sessions(of secType: SecurityType, regularHours: Bool, from: Int64, to: Int64) -> [TradingSession] {
        guard from < to else { return [] }
        var result: [TradingSession] = []
        var day = CalendarDay(dayNumber: NewYorkTime.localDay(atUTC: to) + 1)
        let last = NewYorkTime.localDay(atUTC: from) - 1
        while day.dayNumber >= last {
            if let session = session(of: secType, on: day, regularHours: regularHours), session.start < to, session.end > from {
                result.append(session)
            }
            day = day.adding(days: -1)
        }
        return result.reversed()
    }

    /// The latest `count` sessions of `secType` that start before `to`, oldest first.
    public static func lastSessions(_ count: Int, of secType: SecurityType, regularHours: Bool, before to: Int64) -> [TradingSession] {
        var result: [TradingSession] = []
        var day = CalendarDay(dayNumber: NewYorkTime.localDay(atUTC: to) + 1)
        // Ten calendar days hold at least one session of every kind, even around holidays.
        let floor = day.dayNumber - Int64(count) * 2 - 10
        while result.count < count, day.dayNumber > floor {
            if let session = session(of: secType, on: day, regularHours: regularHours), session.start < to {
                result.append(session)
            }
            day = day.adding(days: -1)
        }
        return result.reversed()
    }

    private static func make(_ day: CalendarDay, from start: (Int64, Int64), to end: (Int64, Int64)) -> TradingSession {
        TradingSession(
            tradeDay: day,
            start: NewYorkTime.utcSeconds(localDay: day.dayNumber + start.0, secondOfDay: start.1),
            end: NewYorkTime.utcSeconds(localDay: day.dayNumber + end.0, secondOfDay: end.1))
    }
}
