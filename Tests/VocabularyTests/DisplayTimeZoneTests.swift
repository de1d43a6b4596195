import Testing
import Vocabulary

/// An instant from its UTC calendar reading.
private func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int64, _ minute: Int64 = 0, _ second: Int64 = 0) -> Timestamp {
    Timestamp(secondsSinceEpoch: CalendarDay(year: year, month: month, day: day).dayNumber * 86_400 + hour * 3600 + minute * 60 + second)
}

@Suite struct DisplayTimeZoneTests {
    /// New York's two changes in 2026, each at 02:00 local: on 8 March (02:00 EST is 07:00 UTC)
    /// the clock springs to 03:00 EDT; on 1 November (02:00 EDT is 06:00 UTC) it falls back to
    /// 01:00 EST. The last second before and the first after each.
    @Test(arguments: [
        (utc(2026, 3, 8, 6, 59, 59), -5 * 3600, "01:59:59 EST"),
        (utc(2026, 3, 8, 7), -4 * 3600, "03:00:00 EDT"),
        (utc(2026, 11, 1, 5, 59, 59), -4 * 3600, "01:59:59 EDT"),
        (utc(2026, 11, 1, 6), -5 * 3600, "01:00:00 EST"),
    ])
    func newYorkChangesAt2AMOnTheSecondSundayOfMarchAndTheFirstOfNovember(time: Timestamp, offset: Int, shown: String) {
        #expect(DisplayTimeZone.exchange.offsetSeconds(at: time) == offset)
        #expect(DisplayTimeZone.exchange.abbreviation(at: time) == (offset == -4 * 3600 ? "EDT" : "EST"))
        #expect(TimeText.timeOfDayWithZone(time, in: .exchange) == shown)
    }

    @Test func utcHasNoOffsetAndSaysUTC() {
        let time = utc(2026, 12, 4, 7, 37, 14)
        #expect(DisplayTimeZone.utc.offsetSeconds(at: time) == 0)
        #expect(TimeText.timeOfDayWithZone(time, in: .utc) == "07:37:14 UTC")
        #expect(TimeText.timeOfDayWithZone(time, in: .utc) == TimeText.timeOfDayUTC(time))
        #expect(TimeText.dateTime(time, in: .exchange) == "20261204 02:37:14")
    }

    @Test func aFixedZoneKeepsItsOffsetAndName() {
        let zone = DisplayTimeZone.fixed(offsetSeconds: 5 * 3600 + 1800, abbreviation: "IST")
        let time = utc(2026, 12, 4, 7, 37, 14)
        #expect(TimeText.timeOfDayWithZone(time, in: zone) == "13:07:14 IST")
        #expect(TimeText.timeOfDayWithMilliseconds(time.adding(milliseconds: 5), in: zone) == "13:07:14.005")
    }

    @Test func aLocalZoneChangesAtEachListedTransition() {
        // Paris in 2026: CEST from 29 March 01:00 UTC, CET again from 25 October 01:00 UTC.
        let spring = utc(2026, 3, 29, 1), autumn = utc(2026, 10, 25, 1)
        let zone = DisplayTimeZone.local(TimeZoneRules(periods: [
            .init(start: autumn, offsetSeconds: 3600, abbreviation: "CET"),
            .init(start: utc(2025, 10, 26, 1), offsetSeconds: 3600, abbreviation: "CET"),
            .init(start: spring, offsetSeconds: 7200, abbreviation: "CEST"),
        ]))
        #expect(zone.abbreviation(at: spring.adding(milliseconds: -1)) == "CET")
        #expect(zone.abbreviation(at: spring) == "CEST")
        #expect(zone.offsetSeconds(at: spring) == 7200)
        #expect(zone.abbreviation(at: autumn.adding(milliseconds: -1)) == "CEST")
        #expect(zone.abbreviation(at: autumn) == "CET")
        // Before the first listed period and after the last, the nearest one holds.
        #expect(zone.abbreviation(at: utc(2020, 1, 1, 0)) == "CET")
        #expect(zone.abbreviation(at: utc(2040, 7, 1, 0)) == "CET")
        #expect(TimeText.timeOfDayWithZone(utc(2026, 7, 1, 12), in: zone) == "14:00:00 CEST")
    }

    @Test func aChoiceResolvesWithTheLocalZoneTheExecutableRead() {
        let local = DisplayTimeZone.fixed(offsetSeconds: 3600, abbreviation: "CET")
        #expect(DisplayTimeZone.Choice.local.resolved(local: local) == local)
        #expect(DisplayTimeZone.Choice.exchange.resolved(local: local) == .exchange)
        #expect(DisplayTimeZone.Choice.utc.resolved(local: local) == .utc)
        #expect(DisplayTimeZone.Choice(rawValue: "exchange") == .exchange)
        #expect(DisplayTimeZone.Choice.acceptedValues == #""local", "exchange" or "utc""#)
    }
}

@Suite struct IBDateTimeTests {
    @Test func readsAnExecutionTimeWithoutAZoneAsNewYorkTime() {
        // The paper gateway's form: two spaces, New York time (EST in December).
        #expect(Timestamp(ibDateTime: "20261204  07:37:14") == utc(2026, 12, 4, 12, 37, 14))
        // In July New York is on EDT.
        #expect(Timestamp(ibDateTime: "20260701 09:30:00") == utc(2026, 7, 1, 13, 30))
    }

    @Test func readsTheZonesIBWrites() {
        #expect(Timestamp(ibDateTime: "20261204 07:37:14 US/Eastern") == utc(2026, 12, 4, 12, 37, 14))
        #expect(Timestamp(ibDateTime: "20261204 07:37:14 America/New_York") == utc(2026, 12, 4, 12, 37, 14))
        #expect(Timestamp(ibDateTime: "20261204 07:37:14 UTC") == utc(2026, 12, 4, 7, 37, 14))
        #expect(Timestamp(ibDateTime: "20261204-07:37:14") == utc(2026, 12, 4, 7, 37, 14))
        #expect(Timestamp(ibDateTime: "20261204") == utc(2026, 12, 4, 5))
    }

    @Test(arguments: ["20261204 07:37:14 Europe/Amsterdam", "2026-12-04 07:37:14", "20261304 07:37:14", "20261204 24:00:00", "", "now"])
    func refusesWhatItCannotRead(text: String) {
        #expect(Timestamp(ibDateTime: text) == nil)
    }
}
