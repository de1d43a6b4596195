import Vocabulary

/// Why the engine refuses a historical request: IB's error code and its text.
public struct HistoricalRequestError: Error, Sendable, Hashable {
    /// IB's code: 321 (the request does not validate), 162 (the historical-data service
    /// refuses it: no data, too long, pacing) or 322 (too many open requests).
    public var code: Int
    /// The text, worded as TWS words it.
    public var message: String

    /// Creates the error.
    public init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    static func invalid(_ cause: String) -> HistoricalRequestError {
        HistoricalRequestError(code: 321, message: "Error validating request.-'bP' : cause - " + cause)
    }

    static func service(_ text: String) -> HistoricalRequestError {
        HistoricalRequestError(code: 162, message: "Historical Market Data Service error message:" + text)
    }
}

/// The bar sizes IB accepts, in its spelling.
public enum HistoricalBarSize: String, Sendable, Hashable, CaseIterable {
    case oneSecond = "1 secs", fiveSeconds = "5 secs", tenSeconds = "10 secs", fifteenSeconds = "15 secs"
    case thirtySeconds = "30 secs", oneMinute = "1 min", twoMinutes = "2 mins", threeMinutes = "3 mins"
    case fiveMinutes = "5 mins", tenMinutes = "10 mins", fifteenMinutes = "15 mins", twentyMinutes = "20 mins"
    case thirtyMinutes = "30 mins", oneHour = "1 hour", twoHours = "2 hours", threeHours = "3 hours"
    case fourHours = "4 hours", eightHours = "8 hours", oneDay = "1 day", oneWeek = "1 week", oneMonth = "1 month"

    /// The bar's length in seconds (a week is 7 days and a month 30 for step counting; weekly
    /// and monthly bars follow the calendar).
    public var seconds: Int64 {
        switch self {
        case .oneSecond: 1
        case .fiveSeconds: 5
        case .tenSeconds: 10
        case .fifteenSeconds: 15
        case .thirtySeconds: 30
        case .oneMinute: 60
        case .twoMinutes: 120
        case .threeMinutes: 180
        case .fiveMinutes: 300
        case .tenMinutes: 600
        case .fifteenMinutes: 900
        case .twentyMinutes: 1200
        case .thirtyMinutes: 1800
        case .oneHour: 3600
        case .twoHours: 7200
        case .threeHours: 10_800
        case .fourHours: 14_400
        case .eightHours: 28_800
        case .oneDay: 86_400
        case .oneWeek: 7 * 86_400
        case .oneMonth: 30 * 86_400
        }
    }

    /// Whether bars are one a trade date or longer (dated `yyyyMMdd`).
    public var isDaily: Bool { seconds >= 86_400 }

    /// IB's "small bars" (30 seconds or less), the ones its pacing rules limit.
    public var isSmall: Bool { seconds <= 30 }

    /// Reads IB's spelling, also accepting the singular and plural forms TWS tolerates
    /// (`1 sec`, `1 mins`, `1 hours`, `1 days`, `1W`, `1M`).
    public init?(text: String) {
        let folded = text.lowercased().split(separator: " ").joined(separator: " ")
        if let exact = HistoricalBarSize(rawValue: folded) { self = exact; return }
        let aliases: [String: HistoricalBarSize] = [
            "1 sec": .oneSecond, "1 mins": .oneMinute, "1 hours": .oneHour, "1 days": .oneDay,
            "1 weeks": .oneWeek, "1 months": .oneMonth, "1w": .oneWeek, "1m": .oneMonth,
        ]
        guard let alias = aliases[folded] else { return nil }
        self = alias
    }
}

/// What a bar's values are taken from (IB's `whatToShow`).
public enum HistoricalShow: String, Sendable, Hashable, CaseIterable {
    case trades = "TRADES", midpoint = "MIDPOINT", bid = "BID", ask = "ASK", bidAsk = "BID_ASK"
    case adjustedLast = "ADJUSTED_LAST", historicalVolatility = "HISTORICAL_VOLATILITY"
    case impliedVolatility = "OPTION_IMPLIED_VOLATILITY"

    /// Whether the bars carry traded volume, a VWAP and a trade count.
    public var carriesVolume: Bool { self == .trades || self == .adjustedLast }
}

/// How far back a request reaches (IB's `durationStr`: `60 S`, `2 D`, `1 W`, `3 M`, `1 Y`).
public struct HistoricalDuration: Sendable, Hashable {
    /// The unit of a duration.
    public enum Unit: String, Sendable, Hashable {
        case seconds = "S", days = "D", weeks = "W", months = "M", years = "Y"
    }

    /// How many units.
    public var amount: Int
    /// The unit.
    public var unit: Unit

    /// Reads `<integer> <unit>`; `nil` when it is not that.
    public init?(text: String) {
        let parts = text.uppercased().split(separator: " ")
        guard parts.count == 2, let amount = Int(parts[0]), amount > 0, amount <= 100_000_000,
              let unit = Unit(rawValue: String(parts[1])) else { return nil }
        self.amount = amount
        self.unit = unit
    }

    /// The nominal length in seconds (a day of 24 hours, a month of 30 days, a year of 365).
    public var nominalSeconds: Int64 {
        let amount = Int64(amount)
        switch unit {
        case .seconds: return amount
        case .days: return amount * 86_400
        case .weeks: return amount * 7 * 86_400
        case .months: return amount * 30 * 86_400
        case .years: return amount * 365 * 86_400
        }
    }
}

/// A historical-data request the engine has read and checked: what reqHistoricalData asked for.
public struct HistoricalQuery: Sendable, Hashable {
    /// The most bar steps (duration ÷ bar size) one request may span: `1 M` of `1 min` bars
    /// (43,200) passes, `1 Y` of `1 secs` does not ("Time length exceed max.").
    public static let maximumSteps: Int64 = 100_000

    /// The bar size.
    public var barSize: HistoricalBarSize
    /// How far back from the end.
    public var duration: HistoricalDuration
    /// What the values are.
    public var show: HistoricalShow
    /// Regular trading hours only (`useRTH` 1).
    public var regularHoursOnly: Bool
    /// The end, in seconds since the epoch, or `nil` for now.
    public var end: Int64?
    /// Keep sending the bar in progress (`keepUpToDate`).
    public var keepUpToDate: Bool

    /// Checks the request's texts as TWS does and reads them; throws IB's error for the first
    /// field that does not validate.
    public init(
        barSize: String, duration: String, whatToShow: String, useRTH: Int, endDateTime: String, keepUpToDate: Bool
    ) throws(HistoricalRequestError) {
        guard let size = HistoricalBarSize(text: barSize) else {
            throw .invalid("Historical data bar size setting is invalid. Legal ones are: "
                + HistoricalBarSize.allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard let span = HistoricalDuration(text: duration) else {
            throw .invalid("Historical data duration format is invalid. It is <integer> <unit> with unit S, D, W, M or Y (e.g. \"1 D\").")
        }
        guard let show = HistoricalShow(rawValue: whatToShow.uppercased()) else {
            throw .invalid("Historical data whatToShow '\(whatToShow)' is invalid. Legal ones are: "
                + HistoricalShow.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let trimmedEnd = endDateTime.trimmingSpaces
        if keepUpToDate, !trimmedEnd.isEmpty {
            throw .invalid("End date not supported with live updates")
        }
        if keepUpToDate, size == .oneSecond {
            throw .invalid("Live updates need a bar size of 5 seconds or more")
        }
        if show == .adjustedLast, !trimmedEnd.isEmpty {
            throw .service("End date not supported with adjusted last")
        }
        guard span.nominalSeconds / size.seconds <= Self.maximumSteps else {
            throw .service("Time length exceed max.")
        }
        self.barSize = size
        self.duration = span
        self.show = show
        self.regularHoursOnly = useRTH != 0
        self.keepUpToDate = keepUpToDate
        if trimmedEnd.isEmpty {
            self.end = nil
        } else {
            guard let end = Timestamp(ibDateTime: trimmedEnd)?.secondsSinceEpoch else {
                throw .invalid("End date/time '\(endDateTime)' is invalid. Use yyyymmdd hh:mm:ss with an optional time zone (UTC, US/Eastern), or yyyymmdd-hh:mm:ss in UTC.")
            }
            self.end = end
        }
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
