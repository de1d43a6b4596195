import Vocabulary

/// One bar of simulated history, before the wire formats it.
public struct HistoricalBar: Sendable, Hashable {
    /// The bar's first second, in seconds since the epoch.
    public var start: Int64
    /// For daily, weekly and monthly bars, the trade date that names the bar.
    public var tradeDay: CalendarDay?
    /// Opening value.
    public var open: Double
    /// Highest value.
    public var high: Double
    /// Lowest value.
    public var low: Double
    /// Closing value (for the bar in progress, the live value).
    public var close: Double
    /// Traded volume, or `nil` where IB has none (quotes, midpoints, volatilities).
    public var volume: Int64?
    /// Volume-weighted average price, or `nil` with no volume.
    public var wap: Double?
    /// Number of trades, or `nil` with no volume.
    public var count: Int?
}

/// What a request will draw: its query, its span and the sessions in it, oldest first.
public struct HistoricalPlan: Sendable {
    /// The request.
    public var query: HistoricalQuery
    /// The start of the span, in seconds since the epoch.
    public var start: Int64
    /// The end of the span, in seconds since the epoch.
    public var end: Int64
    /// The sessions the bars come from.
    public var sessions: [TradingSession]

    /// Whether the bars must be drawn in one piece (weekly and monthly bars span sessions).
    public var isWhole: Bool { query.barSize == .oneWeek || query.barSize == .oneMonth }

    /// About how many bars the sessions `range` hold.
    public func estimatedBars(in range: Range<Int>) -> Int {
        let size = query.barSize.seconds
        guard !query.barSize.isDaily else { return range.count }
        return sessions[range].reduce(0) { $0 + Int((min($1.end, end) - max($1.start, start) + size - 1) / size) + 1 }
    }
}

/// Where drawing a plan part by part stopped: the index of the session and, inside an intraday
/// session, the start of its next bar (`nil`: the session's start).
public struct HistoricalCursor: Sendable, Hashable {
    /// The session to draw from.
    public var session: Int
    /// The first second of the next bar inside that session; `nil` for the session's start.
    public var barStart: Int64?

    /// The start of a plan.
    public static let start = HistoricalCursor(session: 0, barStart: nil)

    /// Creates a cursor.
    public init(session: Int, barStart: Int64? = nil) {
        self.session = session
        self.barStart = barStart
    }
}

/// The bars answering one request, with the span they cover (HISTORICAL_DATA_END's dates).
public struct HistoricalAnswer: Sendable, Hashable {
    /// The bars, oldest first.
    public var bars: [HistoricalBar]
    /// The start of the span, in seconds since the epoch.
    public var start: Int64
    /// The end of the span, in seconds since the epoch.
    public var end: Int64
}

/// Draws historical bars from an instrument's ``PricePath`` on its ``TradingCalendar``:
/// bars only inside sessions (regular hours with `useRTH`), none on weekends or exchange
/// holidays, values by `whatToShow`, the latest bar ending at the live mark.
public struct HistoricalBars: Sendable {
    /// The instrument.
    public var instrument: Instrument
    /// The engine's seed.
    public var seed: UInt64
    /// The live mark (the value the latest bar ends at).
    public var mark: FixedDecimal
    /// The current instant, in seconds since the epoch.
    public var now: Int64
    /// The previous close the live quote reports (IB tick 9), pinned to the end of the last
    /// regular session before now; `nil` pins only the live mark.
    public var previousClose: FixedDecimal?

    /// Creates a drawer for `instrument` at `now` with its live `mark`.
    public init(instrument: Instrument, seed: UInt64, mark: FixedDecimal, now: Int64, previousClose: FixedDecimal? = nil) {
        self.instrument = instrument
        self.seed = seed
        self.mark = mark
        self.now = now
        self.previousClose = previousClose
    }

    /// The path the bars are drawn from: through the live mark at ``anchorInstant`` and, when
    /// known, through the previous close at the end of the last regular session before that
    /// (so a chart's last session ends at the close the quote's change is counted from).
    var path: PricePath {
        let base = PricePath(seed: seed, conId: instrument.conId, volatility: instrument.volatility)
        let anchor = anchorInstant
        guard let previousClose,
              let closed = TradingCalendar.sessions(of: instrument.secType, regularHours: true, from: anchor - 10 * 86_400, to: anchor)
                .last(where: { $0.end <= anchor }) else {
            return base.anchored(to: mark.doubleValue, at: anchor)
        }
        return base.bridged(from: previousClose.doubleValue, at: closed.end - 1, to: mark.doubleValue, at: anchor)
    }

    /// The instant the live mark is pinned to: now while a session (with extended hours) is
    /// open, else the end of the last session. The latest bar then ends at the live price also
    /// while the market is closed (the paper market keeps quoting then), so a chart of the last
    /// session meets the quote beside it instead of jumping to it overnight.
    public var anchorInstant: Int64 {
        let sessions = TradingCalendar.sessions(of: instrument.secType, regularHours: false, from: now - 10 * 86_400, to: now + 1)
        guard let last = sessions.last else { return now }
        return min(now, last.end - 1)
    }

    /// The earliest instant with data (IB's head timestamp): the first regular session of
    /// 2005 for stocks and FX; for a futures contract, the first session 15 months before its
    /// expiry month.
    public var headTimestamp: Int64 {
        var year = 2005, month = 1
        if instrument.secType == .future, let yyyymm = Int(instrument.lastTradeDateOrContractMonth.prefix(6)) {
            let months = (yyyymm / 100) * 12 + (yyyymm % 100 - 1) - 15
            year = months / 12
            month = months % 12 + 1
        }
        var day = CalendarDay(year: year, month: month, day: 1)
        while TradingCalendar.session(of: instrument.secType, on: day, regularHours: true) == nil { day = day.adding(days: 1) }
        return TradingCalendar.session(of: instrument.secType, on: day, regularHours: true)?.start ?? day.dayNumber * 86_400
    }

    /// The bars answering `query`, or IB's error when there is no such data (all at once; see
    /// ``plan(_:)`` to draw a large answer a few sessions at a time).
    public func answer(_ query: HistoricalQuery) throws(HistoricalRequestError) -> HistoricalAnswer {
        let plan = try plan(query)
        return HistoricalAnswer(bars: bars(of: plan, sessions: plan.sessions.indices), start: plan.start, end: plan.end)
    }

    /// What answering `query` takes: its span and sessions, without drawing a bar yet; IB's
    /// error when there is no such data.
    public func plan(_ query: HistoricalQuery) throws(HistoricalRequestError) -> HistoricalPlan {
        try checkAvailable(query.show)
        let end = min(query.end ?? now, now)
        let head = headTimestamp
        guard end > head else {
            throw .service("HMDS query returned no data: \(instrument.symbol) has no data before \(TimeText.date(CalendarDay(dayNumber: NewYorkTime.localDay(atUTC: head)).utcMidnight))")
        }
        let regular = query.regularHoursOnly && instrument.secType != .forex
        let start = max(head, startBound(query.duration, end: end, regular: regular))
        let sessions = TradingCalendar.sessions(of: instrument.secType, regularHours: regular, from: start, to: end)
        return HistoricalPlan(query: query, start: start, end: end, sessions: sessions)
    }

    /// The bars of `plan` that fall in its sessions `range` (weekly and monthly bars group
    /// whole weeks and months: draw them with every session at once).
    public func bars(of plan: HistoricalPlan, sessions range: Range<Int>) -> [HistoricalBar] {
        let sessions = Array(plan.sessions[range])
        let show = plan.query.show
        let path = self.path
        switch plan.query.barSize {
        case .oneDay: return sessions.map { dailyBar($0, path: path, show: show, end: plan.end) }
        case .oneWeek: return grouped(sessions, path: path, show: show, end: plan.end) { $0.dayNumber - Int64(($0.weekday + 6) % 7) }
        case .oneMonth: return grouped(sessions, path: path, show: show, end: plan.end) { Int64($0.year * 12 + $0.month) }
        default: return intradayBars(sessions, size: plan.query.barSize.seconds, from: plan.start, to: plan.end, path: path, show: show)
        }
    }

    /// At most `limit` bars of `plan` from `cursor` on, and where the rest starts (`nil` once the
    /// plan is drawn), so that a server can draw a large answer a bounded number of bars at a
    /// time. Drawn part by part, a plan gives the same bars as drawn whole. Weekly and monthly
    /// bars group whole weeks and months of sessions: they come all at once (at most one bar a
    /// week since the head timestamp).
    public func bars(of plan: HistoricalPlan, from cursor: HistoricalCursor, limit: Int) -> (bars: [HistoricalBar], next: HistoricalCursor?) {
        let count = plan.sessions.count
        guard cursor.session < count else { return ([], nil) }
        let limit = max(1, limit)
        switch plan.query.barSize {
        case .oneDay:
            let end = min(count, cursor.session + limit)
            return (bars(of: plan, sessions: cursor.session..<end), end < count ? HistoricalCursor(session: end) : nil)
        case .oneWeek, .oneMonth:
            return (bars(of: plan, sessions: cursor.session..<count), nil)
        default:
            let path = self.path
            let size = plan.query.barSize.seconds
            var bars: [HistoricalBar] = []
            bars.reserveCapacity(min(limit, 4096))
            var index = cursor.session
            var resume = cursor.barStart
            while index < count {
                let session = plan.sessions[index]
                var start = resume ?? session.start
                resume = nil
                while start < session.end, start < plan.end {
                    if bars.count >= limit { return (bars, HistoricalCursor(session: index, barStart: start)) }
                    let next = Self.nextBarStart(after: start, size: size, sessionEnd: session.end)
                    if next > plan.start {
                        bars.append(bar(from: start, to: min(next, plan.end), path: path, show: plan.query.show, tradeDay: nil, session: session))
                    }
                    start = next
                }
                index += 1
            }
            return (bars, nil)
        }
    }

    /// The bar in progress at `now` for a `keepUpToDate` request (its close is the live mark),
    /// or `nil` outside the instrument's sessions.
    public func barInProgress(_ query: HistoricalQuery) -> HistoricalBar? {
        let regular = query.regularHoursOnly && instrument.secType != .forex
        guard let session = TradingCalendar.sessions(of: instrument.secType, regularHours: regular, from: now, to: now + 1).last else { return nil }
        let path = self.path
        if query.barSize.isDaily {
            return dailyBar(session, path: path, show: query.show, end: now + 1)
        }
        return intradayBars([session], size: query.barSize.seconds, from: now - query.barSize.seconds, to: now + 1, path: path, show: query.show).last
    }

    /// Throws IB's 162 when the instrument has no data of the kind `show` (FX has no trades;
    /// volatilities and adjusted prices are kept for stocks).
    public func checkAvailable(_ show: HistoricalShow) throws(HistoricalRequestError) {
        let name = "\(instrument.symbol) (\(instrument.secType.rawValue) on \(instrument.exchange))"
        switch (instrument.secType, show) {
        case (.forex, .trades), (.forex, .adjustedLast):
            throw .service("No data of type \(show.rawValue) is available for \(name): FX has MIDPOINT, BID, ASK and BID_ASK.")
        case (.forex, .historicalVolatility), (.forex, .impliedVolatility), (.future, .historicalVolatility), (.future, .impliedVolatility):
            throw .service("No data of type \(show.rawValue) is available for \(name): volatilities are kept for stocks.")
        case (.future, .adjustedLast):
            throw .service("No data of type ADJUSTED_LAST is available for \(name): adjusted prices are kept for stocks.")
        default:
            return
        }
    }

    /// Where a duration reaches back to from `end`: seconds back, the last N sessions, or
    /// calendar weeks, months and years.
    private func startBound(_ duration: HistoricalDuration, end: Int64, regular: Bool) -> Int64 {
        switch duration.unit {
        case .seconds:
            return end - Int64(duration.amount)
        case .days:
            let sessions = TradingCalendar.lastSessions(duration.amount, of: instrument.secType, regularHours: regular, before: end)
            return sessions.first?.start ?? end
        case .weeks:
            return end - Int64(duration.amount) * 7 * 86_400
        case .months, .years:
            let months = duration.unit == .months ? duration.amount : duration.amount * 12
            let local = NewYorkTime.localSeconds(atUTC: end)
            let day = CalendarDay(dayNumber: Timestamp.floorDivide(local, 86_400))
            let total = day.year * 12 + (day.month - 1) - months
            let earlier = CalendarDay(year: total / 12, month: total % 12 + 1, day: day.day)
            return NewYorkTime.utcSeconds(localDay: earlier.dayNumber, secondOfDay: local - day.dayNumber * 86_400)
        }
    }

    private func intradayBars(
        _ sessions: [TradingSession], size: Int64, from: Int64, to: Int64, path: PricePath, show: HistoricalShow
    ) -> [HistoricalBar] {
        var bars: [HistoricalBar] = []
        for session in sessions {
            var start = session.start
            while start < session.end, start < to {
                let next = Self.nextBarStart(after: start, size: size, sessionEnd: session.end)
                if next > from {
                    bars.append(bar(from: start, to: min(next, to), path: path, show: show, tradeDay: nil, session: session))
                }
                start = next
            }
        }
        return bars
    }

    /// Where the bar starting at `start` ends: the next multiple of `size` in New York time,
    /// or the session's end.
    private static func nextBarStart(after start: Int64, size: Int64, sessionEnd: Int64) -> Int64 {
        let local = NewYorkTime.localSeconds(atUTC: start)
        return min(sessionEnd, start + (Timestamp.floorDivide(local, size) + 1) * size - local)
    }

    private func dailyBar(_ session: TradingSession, path: PricePath, show: HistoricalShow, end: Int64) -> HistoricalBar {
        bar(from: session.start, to: min(session.end, end), path: path, show: show, tradeDay: session.tradeDay, session: session)
    }

    private func grouped(
        _ sessions: [TradingSession], path: PricePath, show: HistoricalShow, end: Int64, key: (CalendarDay) -> Int64
    ) -> [HistoricalBar] {
        var bars: [HistoricalBar] = []
        var currentKey: Int64?
        for session in sessions {
            let daily = dailyBar(session, path: path, show: show, end: end)
            let k = key(session.tradeDay)
            guard k == currentKey, var last = bars.popLast() else {
                bars.append(daily)
                currentKey = k
                continue
            }
            last.high = max(last.high, daily.high)
            last.low = min(last.low, daily.low)
            last.close = daily.close
            if let volume = daily.volume, let total = last.volume {
                last.wap = ((last.wap ?? 0) * Double(total) + (daily.wap ?? 0) * Double(volume)) / Double(max(1, total + volume))
                last.volume = total + volume
                last.count = (last.count ?? 0) + (daily.count ?? 0)
            }
            bars.append(last)
        }
        return bars
    }

    /// One bar over `[start, end)`: five samples of the path (open, three inside, close).
    private func bar(
        from start: Int64, to end: Int64, path: PricePath, show: HistoricalShow, tradeDay: CalendarDay?, session: TradingSession
    ) -> HistoricalBar {
        let last = min(end, now)
        let span = Double(max(0, last - start))
        var mids: [Double] = []
        mids.reserveCapacity(5)
        for k in 0...4 { mids.append(path.value(at: Double(start) + span * Double(k) / 4)) }
        let tick = instrument.minTick
        var result: HistoricalBar
        switch show {
        case .trades, .adjustedLast, .midpoint:
            let prices = mids.map { onGrid($0, tick) }
            result = HistoricalBar(start: start, tradeDay: tradeDay, open: prices[0], high: prices.max() ?? prices[0],
                                   low: prices.min() ?? prices[0], close: prices[4])
        case .bid, .ask:
            let quotes = mids.map { quote($0, tick, bid: show == .bid) }
            result = HistoricalBar(start: start, tradeDay: tradeDay, open: quotes[0], high: quotes.max() ?? quotes[0],
                                   low: quotes.min() ?? quotes[0], close: quotes[4])
        case .bidAsk:
            let bids = mids.map { quote($0, tick, bid: true) }
            let asks = mids.map { quote($0, tick, bid: false) }
            result = HistoricalBar(start: start, tradeDay: tradeDay, open: rounded(bids.reduce(0, +) / 5), high: asks.max() ?? asks[0],
                                   low: bids.min() ?? bids[0], close: rounded(asks.reduce(0, +) / 5))
        case .historicalVolatility, .impliedVolatility:
            let base = instrument.volatility * (show == .impliedVolatility ? 1.1 : 1)
            let level = PricePath(seed: seed ^ 0x5EED_0F_F0, conId: instrument.conId, volatility: 0.8).anchored(to: base, at: now)
            let values = (0...4).map { rounded(level.value(at: Double(start) + span * Double($0) / 4)) }
            result = HistoricalBar(start: start, tradeDay: tradeDay, open: values[0], high: values.max() ?? values[0],
                                   low: values.min() ?? values[0], close: values[4])
        }
        if show.carriesVolume {
            let (volume, count) = traded(from: start, to: last, session: session)
            result.volume = volume
            result.count = count
            result.wap = rounded((result.open + result.high + result.low + result.close) / 4)
        }
        return result
    }

    /// Simulated volume and trade count over `[start, end)`: about 2 million shares a regular
    /// session for a stock (5 % of that rate outside regular hours), 1 million contracts a day
    /// for a future, varying ±50 % from bar to bar.
    private func traded(from start: Int64, to end: Int64, session: TradingSession) -> (Int64, Int) {
        let seconds = Double(max(0, end - start))
        let jitter = 0.5 + PricePath.uniform(seed: seed, conId: instrument.conId, salt: 0x0B, index: start)
        switch instrument.secType {
        case .stock:
            // A stock's session days are trading days: its regular hours are 09:30–16:00 New York
            // (read from the clock time, without the holiday rules per bar).
            let secondOfDay = NewYorkTime.localSeconds(atUTC: start) - NewYorkTime.localDay(atUTC: start) * 86_400
            let inRegular = secondOfDay >= 9 * 3600 + 1800 && secondOfDay < 16 * 3600
            let rate = 2_000_000.0 / 23_400 * (inRegular ? 1 : 0.05)
            let volume = Int64(seconds * rate * jitter / 100) * 100
            return (volume, Int(volume / 100) + (volume > 0 ? 1 : 0))
        case .future:
            let volume = Int64(seconds * 1_000_000 / 82_800 * jitter)
            return (volume, Int(volume / 3) + (volume > 0 ? 1 : 0))
        case .forex:
            return (0, 0)
        }
    }

    private func onGrid(_ value: Double, _ tick: FixedDecimal) -> Double {
        let ticks = max(1, Int64((value / tick.doubleValue).rounded()))
        return FixedDecimal(raw: ticks * tick.raw).doubleValue
    }

    /// The bid (or ask) around a mid: a spread of about 2 basis points, at least one tick.
    private func quote(_ mid: Double, _ tick: FixedDecimal, bid: Bool) -> Double {
        let size = tick.doubleValue
        let spreadTicks = max(1, Int64((mid * 0.0002 / size).rounded()))
        let bidTicks = max(1, Int64((mid / size - Double(spreadTicks) / 2).rounded(.down)))
        return FixedDecimal(raw: (bid ? bidTicks : bidTicks + spreadTicks) * tick.raw).doubleValue
    }

    private func rounded(_ value: Double) -> Double {
        FixedDecimal(raw: Int64((value * 1_000_000).rounded()) * 100).doubleValue
    }
}
