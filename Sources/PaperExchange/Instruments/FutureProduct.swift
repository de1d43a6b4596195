import Vocabulary

/// A futures product (ES, CL, ...) from which the universe lists the contracts that trade on
/// a given date: the front and the next listed month, an expired one never.
public struct FutureProduct: Sendable, Hashable {
    /// When a contract month stops trading.
    public enum Expiry: String, Sendable, Hashable {
        /// The third Friday of the contract month (CME equity index futures; the business day
        /// before when it is a holiday).
        case thirdFriday = "third-friday"
        /// Three business days before the 25th of the month before the contract month (four
        /// when the 25th is not a business day): NYMEX crude oil.
        case crudeOil = "crude-oil"
        /// The third-last business day of the contract month: COMEX gold.
        case thirdLastBusinessDay = "third-last-business-day"
    }

    /// IB's month codes, January to December.
    static let monthCodes: [Character] = ["F", "G", "H", "J", "K", "M", "N", "Q", "U", "V", "X", "Z"]

    public var symbol: String
    public var exchange: String
    public var tradingClass: String
    public var longName: String
    public var minTick: FixedDecimal
    public var multiplier: Int
    public var referencePrice: FixedDecimal
    public var volatility: Double
    /// Contract ids are `conIdBase + yyyymm` of the contract month.
    public var conIdBase: Int
    /// The listed months, 1–12.
    public var months: [Int]
    public var expiry: Expiry

    /// Creates a product.
    public init(
        symbol: String, exchange: String, tradingClass: String, longName: String, minTick: FixedDecimal, multiplier: Int,
        referencePrice: FixedDecimal, volatility: Double, conIdBase: Int, months: [Int], expiry: Expiry
    ) {
        self.symbol = symbol
        self.exchange = exchange
        self.tradingClass = tradingClass
        self.longName = longName
        self.minTick = minTick
        self.multiplier = multiplier
        self.referencePrice = referencePrice
        self.volatility = volatility
        self.conIdBase = conIdBase
        self.months = months.sorted()
        self.expiry = expiry
    }

    /// The last trade date of the contract for `month` of `year`.
    public func lastTradeDay(year: Int, month: Int) -> CalendarDay {
        switch expiry {
        case .thirdFriday:
            return Self.businessDayOnOrBefore(CalendarDay.nthWeekday(5, 3, month: month, year: year))
        case .crudeOil:
            let prior = month == 1 ? (year - 1, 12) : (year, month - 1)
            var day = Self.businessDayOnOrBefore(CalendarDay(year: prior.0, month: prior.1, day: 25))
            for _ in 0..<3 { day = Self.businessDayOnOrBefore(day.adding(days: -1)) }
            return day
        case .thirdLastBusinessDay:
            var day = Self.businessDayOnOrBefore(CalendarDay(year: month == 12 ? year + 1 : year, month: month == 12 ? 1 : month + 1, day: 1).adding(days: -1))
            for _ in 0..<2 { day = Self.businessDayOnOrBefore(day.adding(days: -1)) }
            return day
        }
    }

    /// The contracts trading on `day`: the front month (the first whose last trade date is
    /// `day` or later) and the next listed month.
    public func contracts(tradingOn day: CalendarDay) -> [Instrument] {
        var result: [Instrument] = []
        var year = day.year
        var month = day.month
        var guardMonths = 0
        while result.count < 2, guardMonths < 36 {
            if months.contains(month) {
                let last = lastTradeDay(year: year, month: month)
                if last >= day { result.append(contract(year: year, month: month, lastTradeDay: last)) }
            }
            month += 1
            if month > 12 { month = 1; year += 1 }
            guardMonths += 1
        }
        return result
    }

    private func contract(year: Int, month: Int, lastTradeDay: CalendarDay) -> Instrument {
        let local = symbol + String(Self.monthCodes[month - 1]) + String(year % 10)
        return Instrument(
            conId: conIdBase + year * 100 + month, symbol: symbol, secType: .future, exchange: exchange,
            primaryExchange: exchange, currency: "USD", localSymbol: local, tradingClass: tradingClass,
            minTick: minTick, multiplier: multiplier, longName: longName,
            lastTradeDateOrContractMonth: TimeText.date(lastTradeDay.utcMidnight),
            referencePrice: referencePrice, volatility: volatility)
    }

    private static func businessDayOnOrBefore(_ day: CalendarDay) -> CalendarDay {
        var day = day
        while day.isWeekend || USMarketHolidays.isHoliday(day) { day = day.adding(days: -1) }
        return day
    }
}
