import Foundation
import Testing
import Vocabulary

@Suite struct TimestampTests {
    @Test func subtractsToADurationAndAddsDurations() {
        let start = Timestamp(secondsSinceEpoch: 10)
        #expect(start + .milliseconds(1_500) - start == .milliseconds(1_500))
        #expect((start - .seconds(3)).millisecondsSinceEpoch == 7_000)
        #expect(start.adding(milliseconds: 250).milliseconds(since: start) == 250)
        #expect(Timestamp(millisecondsSinceEpoch: -1).millisecondsSinceEpoch == -1)
        #expect(Timestamp(millisecondsSinceEpoch: -1).secondsSinceEpoch == -1)
        #expect(Timestamp(fractionalSecondsSinceEpoch: 1.2345).millisecondsSinceEpoch == 1_234)
    }

    @Test func encodesAsWholeMillisecondsAndReadsTheLedgersKeyedForm() throws {
        let time = Timestamp(millisecondsSinceEpoch: 1_718_000_000_123)
        #expect(String(decoding: try JSONEncoder().encode([time]), as: UTF8.self) == "[1718000000123]")
        #expect(try JSONDecoder().decode([Timestamp].self, from: Data("[1718000000123]".utf8)) == [time])
        let keyed = Data(#"[{"millisecondsSinceEpoch":1718000000123}]"#.utf8)
        #expect(try JSONDecoder().decode([Timestamp].self, from: keyed) == [time])
    }

    @Test func tellsTradingDaysApartAtLocalMidnight() {
        let beforeMidnight = Timestamp(secondsSinceEpoch: 1_764_046_799)  // 23:59:59 New York
        let midnight = beforeMidnight.adding(milliseconds: 1000)
        #expect(CivilTime.dayNumber(of: midnight, utcOffsetSeconds: -18_000)
            == CivilTime.dayNumber(of: beforeMidnight, utcOffsetSeconds: -18_000) + 1)
    }
}
