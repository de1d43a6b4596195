import Testing
import Vocabulary

/// IB's `liquidHours` read into sessions, for "open now" in the detail view (issue #14 item 2).
@Suite struct TradingHoursTests {
    static let week = "20261204:0930-20261204:1600;20261205:CLOSED;20261206:CLOSED;20261207:0930-20261207:1600"

    @Test func readsNewYorkSessionsAcrossTheWeekend() throws {
        let hours = try #require(TradingHours(Self.week, zone: "US/Eastern"))
        #expect(hours.sessions.count == 2)
        // 09:30 EST is 14:30 UTC in December.
        let open = Timestamp(secondsSinceEpoch: 1_796_394_600)  // 2026-12-04 14:30:00 UTC
        #expect(hours.sessions[0].start == open)
        #expect(hours.session(at: open) != nil)
        #expect(hours.session(at: Timestamp(secondsSinceEpoch: open.secondsSinceEpoch - 1)) == nil)
        let friday = Timestamp(secondsSinceEpoch: open.secondsSinceEpoch + 7 * 3600)  // 21:30 UTC, closed
        #expect(hours.session(at: friday) == nil)
        #expect(hours.nextSession(after: friday)?.start == Timestamp(secondsSinceEpoch: open.secondsSinceEpoch + 3 * 86_400))
    }

    @Test func chicagoIsAnHourBehindNewYorkAndUnknownZonesAreNotGuessed() throws {
        let cme = try #require(TradingHours("20261204:0830-20261204:1500", zone: "US/Central"))
        #expect(cme.sessions[0].start == Timestamp(secondsSinceEpoch: 1_796_394_600))
        #expect(TradingHours(Self.week, zone: "Europe/Amsterdam") == nil)
        #expect(TradingHours("garbage;20261399:0930-20261204:2575", zone: "US/Eastern") == nil)
    }
}
