import Testing
@testable import PaperExchange
import Vocabulary

/// Historical bars like IB's: sessions, holidays, paging, whatToShow, validation and pacing.
@Suite struct HistoricalBarsTests {
    /// Seconds since the epoch of a New York wall-clock time.
    static func newYork(_ year: Int, _ month: Int, _ day: Int, _ hour: Int64, _ minute: Int64 = 0) -> Int64 {
        NewYorkTime.utcSeconds(localDay: CalendarDay(year: year, month: month, day: day).dayNumber, secondOfDay: hour * 3600 + minute * 60)
    }

    static func instrument(_ symbol: String) throws -> Instrument {
        try #require(try Fixtures.universe().instruments.first { $0.symbol == symbol })
    }

    static func query(
        _ duration: String, _ barSize: String, show: String = "TRADES", rth: Int = 1, end: String = "", keep: Bool = false
    ) throws -> HistoricalQuery {
        try HistoricalQuery(barSize: barSize, duration: duration, whatToShow: show, useRTH: rth, endDateTime: end, keepUpToDate: keep)
    }

    @Test func newYorkTimeFollowsDaylightSaving() {
        // 2026: EDT from Sunday 8 March 02:00 to Sunday 1 November 02:00.
        #expect(NewYorkTime.utcOffset(atUTC: Self.newYork(2026, 3, 7, 12)) == -5 * 3600)
        #expect(NewYorkTime.utcOffset(atUTC: Self.newYork(2026, 3, 9, 12)) == -4 * 3600)
        #expect(NewYorkTime.utcOffset(atUTC: Self.newYork(2026, 10, 31, 12)) == -4 * 3600)
        #expect(NewYorkTime.utcOffset(atUTC: Self.newYork(2026, 11, 2, 12)) == -5 * 3600)
        // 09:30 New York is 14:30 UTC in winter and 13:30 UTC in summer.
        #expect(Self.newYork(2026, 12, 3, 9, 30) % 86_400 == 14 * 3600 + 1800)
        #expect(Self.newYork(2026, 7, 1, 9, 30) % 86_400 == 13 * 3600 + 1800)
    }

    @Test func computesNYSEHolidaysByRule() {
        func closed(_ y: Int, _ m: Int, _ d: Int) -> Bool { USMarketHolidays.isHoliday(CalendarDay(year: y, month: m, day: d)) }
        #expect(closed(2026, 4, 3))    // Good Friday
        #expect(closed(2026, 7, 3))    // Independence Day on a Saturday, observed Friday
        #expect(closed(2026, 11, 26))  // Thanksgiving
        #expect(closed(2027, 12, 24))  // Christmas on a Saturday, observed Friday
        #expect(closed(2027, 6, 18))   // Juneteenth on a Saturday, observed Friday
        #expect(!closed(2021, 12, 31)) // New Year's Day 2022 on a Saturday is not observed
        #expect(!closed(2026, 12, 3))
        #expect(USMarketHolidays.easterSunday(2025) == CalendarDay(year: 2025, month: 4, day: 20))
    }

    @Test func regularHoursGiveOneSessionOfMinuteBars() throws {
        let aapl = try Self.instrument("AAPL")
        let now = Self.newYork(2026, 12, 3, 16, 30)  // Thursday, after the close
        let drawer = HistoricalBars(instrument: aapl, seed: 7, mark: aapl.referencePrice, now: now)
        let rth = try drawer.answer(Self.query("1 D", "1 min"))
        #expect(rth.bars.count == 390)
        #expect(rth.bars.first?.start == Self.newYork(2026, 12, 3, 9, 30))
        #expect(rth.bars.last?.start == Self.newYork(2026, 12, 3, 15, 59))
        let all = try drawer.answer(Self.query("1 D", "1 min", rth: 0))
        #expect(all.bars.first?.start == Self.newYork(2026, 12, 3, 4))
        #expect(all.bars.count == 12 * 60 + 30)  // 04:00 to 16:30, now
    }

    @Test func skipsWeekendsAndHolidays() throws {
        let aapl = try Self.instrument("AAPL")
        // Monday 30 November 2026 10:00; five daily bars reach back over the weekend and Thanksgiving.
        let now = Self.newYork(2026, 11, 30, 10)
        let drawer = HistoricalBars(instrument: aapl, seed: 7, mark: aapl.referencePrice, now: now)
        let days = try drawer.answer(Self.query("5 D", "1 day")).bars.compactMap { $0.tradeDay.map { TimeText.date($0.utcMidnight) } }
        #expect(days == ["20261120", "20261123", "20261124", "20261125", "20261127", "20261130"].suffix(5).map { $0 })
        // A Sunday end gives Friday's session.
        let sunday = HistoricalBars(instrument: aapl, seed: 7, mark: aapl.referencePrice, now: Self.newYork(2026, 11, 29, 12))
        let bars = try sunday.answer(Self.query("1 D", "1 hour")).bars
        #expect(bars.first?.start == Self.newYork(2026, 11, 27, 9, 30))
        #expect(bars.count == 7)  // 09:30, 10:00, ... 15:00
    }

    @Test func pagingBackGivesEarlierBarsThatJoin() throws {
        let aapl = try Self.instrument("AAPL")
        let now = Self.newYork(2026, 12, 3, 15)
        let drawer = HistoricalBars(instrument: aapl, seed: 7, mark: aapl.referencePrice, now: now)
        let first = try drawer.answer(Self.query("1800 S", "1 min"))
        #expect(first.bars.count == 30)
        let end = first.bars[0].start
        let endText = TimeText.date(CalendarDay(dayNumber: NewYorkTime.localDay(atUTC: end)).utcMidnight) + " 14:30:00 US/Eastern"
        let second = try drawer.answer(Self.query("1800 S", "1 min", end: endText))
        #expect(second.bars.count == 30)
        #expect(second.bars.last.map { $0.start + 60 } == end)
        // The same instant drawn by two requests has the same value.
        let overlap = try drawer.answer(Self.query("3600 S", "1 min"))
        #expect(overlap.bars[0...29].map(\.close) == second.bars.map(\.close))
        #expect(overlap.bars[30...].map(\.close) == first.bars.map(\.close))
    }

    @Test func latestBarEndsAtTheLiveMarkAndDrawsAreDeterministic() throws {
        let aapl = try Self.instrument("AAPL")
        let now = Self.newYork(2026, 12, 3, 11, 7)
        let mark = Fixtures.decimal("271.43")
        let drawer = HistoricalBars(instrument: aapl, seed: 11, mark: mark, now: now)
        let bars = try drawer.answer(Self.query("1 D", "5 mins")).bars
        #expect(bars.last?.close == 271.43)
        #expect(try drawer.answer(Self.query("1 D", "5 mins")).bars == bars)
        let other = HistoricalBars(instrument: aapl, seed: 12, mark: mark, now: now)
        #expect(try other.answer(Self.query("1 D", "5 mins")).bars != bars)
        for bar in bars {
            #expect(bar.low <= min(bar.open, bar.close) && bar.high >= max(bar.open, bar.close))
        }
        #expect(drawer.barInProgress(try Self.query("1 D", "5 mins", keep: true))?.close == 271.43)
    }

    @Test func whatToShowDecidesValuesAndVolume() throws {
        let aapl = try Self.instrument("AAPL")
        let now = Self.newYork(2026, 12, 3, 12)
        let drawer = HistoricalBars(instrument: aapl, seed: 3, mark: aapl.referencePrice, now: now)
        let trades = try drawer.answer(Self.query("3600 S", "5 mins")).bars
        #expect(trades.allSatisfy { ($0.volume ?? 0) > 0 && $0.wap != nil && ($0.count ?? 0) > 0 })
        let mids = try drawer.answer(Self.query("3600 S", "5 mins", show: "MIDPOINT")).bars
        #expect(mids.allSatisfy { $0.volume == nil && $0.wap == nil && $0.count == nil })
        let bids = try drawer.answer(Self.query("3600 S", "5 mins", show: "BID")).bars
        let asks = try drawer.answer(Self.query("3600 S", "5 mins", show: "ASK")).bars
        #expect(zip(bids, asks).allSatisfy { $0.close < $1.close })
        let both = try drawer.answer(Self.query("3600 S", "5 mins", show: "BID_ASK")).bars
        #expect(both.allSatisfy { $0.low <= $0.open && $0.open < $0.close && $0.close <= $0.high })
        let eur = try Self.instrument("EUR")
        let fx = HistoricalBars(instrument: eur, seed: 3, mark: eur.referencePrice, now: now)
        #expect(throws: HistoricalRequestError.self) { try fx.answer(Self.query("1 D", "1 hour")) }
        #expect(try fx.answer(Self.query("1 D", "1 hour", show: "MIDPOINT")).bars.count == 19)  // 17:15 Wednesday (a 45-minute bar), then hourly to 11:00
    }

    @Test func refusesWhatIBRefuses() {
        func code(_ size: String, _ duration: String, _ show: String, end: String = "", keep: Bool = false) -> Int? {
            do throws(HistoricalRequestError) {
                _ = try HistoricalQuery(barSize: size, duration: duration, whatToShow: show, useRTH: 1, endDateTime: end, keepUpToDate: keep)
                return nil
            } catch { return error.code }
        }
        #expect(code("7 mins", "1 D", "TRADES", end: "", keep: false) == 321)
        #expect(code("1 secs", "1 Y", "TRADES", end: "", keep: false) == 162)
        #expect(code("1 min", "1 D", "PRICES", end: "", keep: false) == 321)
        #expect(code("1 min", "1 X", "TRADES", end: "", keep: false) == 321)
        #expect(code("1 min", "1 D", "TRADES", end: "20261201 10:00:00", keep: true) == 321)
        #expect(code("1 min", "1 D", "TRADES", end: "20261301 10:00:00", keep: false) == 321)
        #expect(code("1 min", "1 D", "TRADES", end: "20261201-15:00:00", keep: false) == nil)
    }

    @Test func pacesSmallBarsAsIBDoes() {
        var pacing = HistoricalPacing()
        let t = 1_000_000_000_000 as Int64
        #expect(pacing.admit(request: "a", series: "s", show: .trades, barSize: .fiveSeconds, bars: 100, nowMilliseconds: t) == nil)
        #expect(pacing.admit(request: "a", series: "s", show: .trades, barSize: .fiveSeconds, bars: 100, nowMilliseconds: t + 1000)?.code == 162)
        #expect(pacing.admit(request: "a", series: "s", show: .trades, barSize: .fiveSeconds, bars: 100, nowMilliseconds: t + 16_000) == nil)
        // Six for one series within 2 s (BID_ASK counts twice).
        var burst = HistoricalPacing()
        #expect(burst.admit(request: "1", series: "x", show: .bidAsk, barSize: .oneSecond, bars: 1, nowMilliseconds: t) == nil)
        #expect(burst.admit(request: "2", series: "x", show: .bidAsk, barSize: .oneSecond, bars: 1, nowMilliseconds: t + 10) == nil)
        #expect(burst.admit(request: "3", series: "x", show: .bidAsk, barSize: .oneSecond, bars: 1, nowMilliseconds: t + 20)?.code == 162)
        #expect(burst.admit(request: "3", series: "y", show: .bidAsk, barSize: .oneSecond, bars: 1, nowMilliseconds: t + 20) == nil)
        // Sixty in ten minutes; larger bars are not counted.
        var minutes = HistoricalPacing()
        for i in 0..<60 {
            #expect(minutes.admit(request: "\(i)", series: "\(i)", show: .trades, barSize: .thirtySeconds, bars: 1, nowMilliseconds: t + Int64(i) * 5000) == nil)
        }
        #expect(minutes.admit(request: "61", series: "61", show: .trades, barSize: .thirtySeconds, bars: 1, nowMilliseconds: t + 300_000)?.code == 162)
        #expect(minutes.admit(request: "62", series: "62", show: .trades, barSize: .oneMinute, bars: 1, nowMilliseconds: t + 300_000) == nil)
        #expect(minutes.admit(request: "63", series: "63", show: .trades, barSize: .thirtySeconds, bars: 1, nowMilliseconds: t + 600_001) == nil)
    }

    @Test(arguments: [
        ("AAPL", "1 M", "1 min", "TRADES", 0), ("EUR", "100000 S", "1 secs", "MIDPOINT", 0), ("ES", "86400 S", "1 secs", "TRADES", 0),
        ("AAPL", "2 Y", "1 day", "TRADES", 1), ("AAPL", "5 Y", "1 week", "TRADES", 1), ("MSFT", "1 W", "30 mins", "BID_ASK", 1),
    ])
    func drawnPartByPartAPlanGivesTheBarsDrawnWhole(
        symbol: String, duration: String, barSize: String, show: String, rth: Int
    ) throws {
        let instrument = try #require(try Fixtures.universe().instruments.first { $0.symbol == symbol })
        let drawer = HistoricalBars(instrument: instrument, seed: 7, mark: instrument.referencePrice, now: Self.newYork(2026, 12, 2, 15, 7))
        let plan = try drawer.plan(Self.query(duration, barSize, show: show, rth: rth))
        let whole = drawer.bars(of: plan, sessions: plan.sessions.indices)
        #expect(!whole.isEmpty)
        for limit in [1, 777, 4000] where limit > 1 || whole.count < 5000 {
            var parts: [HistoricalBar] = []
            var cursor: HistoricalCursor? = .start
            var calls = 0
            while let next = cursor, calls < whole.count + 10 {
                let part = drawer.bars(of: plan, from: next, limit: limit)
                if !plan.isWhole { #expect(part.bars.count <= limit) }
                parts += part.bars
                cursor = part.next
                calls += 1
            }
            #expect(parts == whole, "\(symbol) \(duration) of \(barSize), \(limit) bars at a time")
        }
    }

    @Test func pacingHoldsAFewRecordsWhateverAClientSends() {
        var pacing = HistoricalPacing()
        let t = 1_000_000_000_000 as Int64
        var admitted = 0
        for i in 0..<100_000 {
            let small = i % 2 == 0
            if pacing.admit(
                request: "\(i)", series: "\(i % 7)", show: .trades, barSize: small ? .fiveSeconds : .oneDay, bars: 1,
                nowMilliseconds: t + Int64(i) * 10) == nil { admitted += 1 }
            #expect(pacing.heldRecords <= 120)
        }
        // Daily bars are not paced by IB: the engine's own budget admits them; small bars stop at 60.
        #expect(admitted > 50_000 / 2)
    }
}

extension HistoricalBarsTests {
    /// The chart and the quote agree: the last regular session before now ends at the previous
    /// close the quote reports, the latest bar at the live mark; and while the market is closed
    /// the latest bar still ends at the live mark.
    @Test func theLastSessionEndsAtThePreviousCloseAndTheLatestBarAtTheMark() throws {
        let aapl = try Self.instrument("AAPL")
        let close = Fixtures.decimal("271.49"), mark = Fixtures.decimal("268.10")
        // Friday 4 December 2026, 09:08 New York: pre-market; the previous session is Thursday's.
        let now = Self.newYork(2026, 12, 4, 9, 8)
        let drawer = HistoricalBars(instrument: aapl, seed: 42, mark: mark, now: now, previousClose: close)
        let regular = try drawer.answer(try Self.query("2 D", "1 min")).bars
        let thursday = try #require(regular.last)
        #expect(abs(thursday.close - 271.49) < 0.011, "Thursday's last regular bar closes at the previous close, not \(thursday.close)")
        let extended = try drawer.answer(try Self.query("1 D", "1 min", rth: 0)).bars
        let latest = try #require(extended.last)
        #expect(abs(latest.close - 268.10) < 0.011, "the latest bar closes at the live mark, not \(latest.close)")
        // Saturday: no session; the latest bar (Friday's) still ends at the mark.
        let weekend = HistoricalBars(instrument: aapl, seed: 42, mark: mark, now: Self.newYork(2026, 12, 5, 12))
        let friday = try #require(try weekend.answer(try Self.query("1 D", "1 min", rth: 0)).bars.last)
        #expect(abs(friday.close - 268.10) < 0.011)
    }

    @Test func theLogarithmInvertsTheExponential() {
        for x in [0.001, 0.5, 1, 1.5, 2, 10, 271.49, 1e6] {
            #expect(abs(PricePath.exponential(PricePath.logarithm(x)) / x - 1) < 1e-12)
        }
    }
}
