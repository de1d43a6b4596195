import Testing
import Vocabulary

@Suite struct TimeTextTests {
    /// 2025-04-15 19:38:31 UTC, the time of the recorded fill in the protocol doc.
    let fill = Timestamp(secondsSinceEpoch: 1_744_745_911)

    @Test func writesTheTimeOfDay() {
        #expect(TimeText.timeOfDayUTC(Timestamp(secondsSinceEpoch: 52_267)) == "14:31:07 UTC")
        #expect(TimeText.timeOfDayUTC(Timestamp(secondsSinceEpoch: 86_400 + 5)) == "00:00:05 UTC")
        #expect(TimeText.timeOfDayUTC(Timestamp(millisecondsSinceEpoch: -1)) == "23:59:59 UTC")
        #expect(TimeText.timeOfDay(Timestamp(secondsSinceEpoch: 5), utcOffsetSeconds: -3600) == "23:00:05")
        #expect(TimeText.timeOfDayWithMilliseconds(Timestamp(millisecondsSinceEpoch: 52_267_045)) == "14:31:07.045")
        #expect(TimeText.hourMinute(fill, utcOffsetSeconds: -4 * 3600) == "15:38")
        #expect(Timestamp(secondsSinceEpoch: 52_267).description == "14:31:07 UTC")
    }

    @Test func writesIBsDatesAndTimes() {
        #expect(TimeText.date(fill) == "20250415")
        #expect(TimeText.month(fill) == "202504")
        #expect(TimeText.dateTime(fill) == "20250415 19:38:31")
        #expect(TimeText.executionTime(fill) == "20250415  19:38:31")
        #expect(TimeText.executionTime(fill, utcOffsetSeconds: -4 * 3600) == "20250415  15:38:31")
        #expect(TimeText.connectionTime(fill) == "20250415 19:38:31 UTC")
        #expect(TimeText.dashedDateTime(fill) == "20250415-19:38:31")
    }

    @Test func writesDateAndTimeInOneStringAsPiecesWouldForEveryYear() {
        // The one-string path (years 0...9999) against the general one (other years).
        #expect(TimeText.dateTime(Timestamp(secondsSinceEpoch: 0)) == "19700101 00:00:00")
        #expect(TimeText.dateTime(Timestamp(secondsSinceEpoch: 253_402_300_799)) == "99991231 23:59:59")
        #expect(TimeText.dateTime(Timestamp(secondsSinceEpoch: 253_402_300_800)) == "100000101 00:00:00")
        #expect(TimeText.dateTime(Timestamp(secondsSinceEpoch: -62_135_596_800)) == "00010101 00:00:00")
        for seconds in stride(from: Int64(-86_400 * 800), to: 86_400 * 30_000, by: 86_400 * 97 + 3_607) {
            let time = Timestamp(secondsSinceEpoch: seconds)
            #expect(TimeText.dateTime(time) == TimeText.date(time) + " " + TimeText.timeOfDay(time))
        }
    }

    @Test func writesISO8601InUTC() {
        #expect(TimeText.iso8601(fill) == "2025-04-15T19:38:31Z")
        #expect(TimeText.iso8601(fill.adding(milliseconds: 7), fractionalSeconds: true) == "2025-04-15T19:38:31.007Z")
    }
}
