import Testing
import PaperExchange

@Suite struct TimeTests {
    @Test func formatsExecutionTimeWithTwoSpacesAsTWSDoes() {
        // 2025-04-15 19:38:31 UTC, the time of the recorded fill in the protocol doc.
        let time = Timestamp(secondsSinceEpoch: 1_744_745_911)
        #expect(CivilTime(time).executionTimeText == "20250415  19:38:31")
        #expect(CivilTime(time, utcOffsetSeconds: -4 * 3600).executionTimeText == "20250415  15:38:31")
    }

    @Test func buildsExecutionIdsInIBFormat() {
        let id = Execution.makeID(sequence: 0xE0D5, time: Timestamp(secondsSinceEpoch: 0x67FE_667B), fillNumber: 1)
        #expect(id == "0000e0d5.67fe667b.01.01")
    }

    @Test func tellsTradingDaysApartAtLocalMidnight() {
        let beforeMidnight = Timestamp(secondsSinceEpoch: 1_764_046_799)  // 23:59:59 New York
        let midnight = beforeMidnight.adding(milliseconds: 1000)
        #expect(CivilTime.dayNumber(of: midnight, utcOffsetSeconds: -18_000)
            == CivilTime.dayNumber(of: beforeMidnight, utcOffsetSeconds: -18_000) + 1)
    }
}
