import Testing
@testable import Dashboard
import Vocabulary

@Suite struct MessageLogTests {
    @Test func collapsesRepeatsOfTheSameLine() throws {
        var log = MessageLog(capacity: 10)
        for second in 0..<15 {
            log.record(Notice(requestID: 4, code: 10197, text: "No market data during competing live session"),
                       at: Timestamp(secondsSinceEpoch: Int64(100 + second)))
        }
        #expect(log.entries.count == 1)
        let entry = try #require(log.entries.first)
        #expect(entry.count == 15)
        #expect(entry.firstSeen == Timestamp(secondsSinceEpoch: 100))
        #expect(entry.lastSeen == Timestamp(secondsSinceEpoch: 114))
        #expect(log.serial == 15 && entry.lastSerial == 15)
    }

    @Test func mergesOnlyIdenticalLines() {
        var log = MessageLog()
        let time = Timestamp(secondsSinceEpoch: 1)
        log.record(Notice(code: 2104, text: "Market data farm connection is OK:usfarm"), at: time)
        log.record(Notice(code: 2104, text: "Market data farm connection is OK:cashfarm"), at: time)
        let unknown = LocalMessage.commandFailed.message(title: "Command not run", explanation: "unknown command 'foo'")
        let missing = LocalMessage.commandFailed.message(title: "Command not run", explanation: "'buy' needs a quantity")
        log.record(unknown, at: time)
        log.record(missing, at: time)
        log.record(unknown, at: time)
        log.record(LocalMessage.commandFailed.message(title: "Order not understood", explanation: "unknown command 'foo'"), at: time)
        #expect(log.entries.count == 5, "a different IB text, explanation or title is a line of its own")
        #expect(log.entries.map(\.count) == [1, 1, 1, 2, 1])
        #expect(log.entries[3].message.explanation == "unknown command 'foo'", "the repeat moved to the newest position")
        #expect(Set(log.entries.map(\.id)).count == 5, "each line has its own identity")
    }

    @Test func keepsDifferentRequestsAndCodesApart() {
        var log = MessageLog()
        log.record(Notice(requestID: 4, code: 354), at: Timestamp(secondsSinceEpoch: 1))
        log.record(Notice(requestID: 5, code: 354), at: Timestamp(secondsSinceEpoch: 2))
        log.record(Notice(requestID: 4, code: 10167), at: Timestamp(secondsSinceEpoch: 3))
        #expect(log.entries.count == 3)
        #expect(log.newestFirst.map(\.message.code) == [10167, 354, 354])
    }

    @Test func movesARepeatedEntryToTheNewestPosition() {
        var log = MessageLog()
        log.record(Notice(code: 2104), at: Timestamp(secondsSinceEpoch: 1))
        log.record(Notice(code: 2106), at: Timestamp(secondsSinceEpoch: 2))
        log.record(Notice(code: 2104), at: Timestamp(secondsSinceEpoch: 3))
        #expect(log.newestFirst.map(\.message.code) == [2104, 2106])
    }

    @Test func dropsTheLeastRecentlySeenEntryWhenFull() {
        var log = MessageLog(capacity: 3)
        for code in [100, 101, 102, 103] {
            log.record(Notice(code: code), at: Timestamp(secondsSinceEpoch: Int64(code)))
        }
        #expect(log.entries.map(\.message.code) == [101, 102, 103])
    }

    @Test func filtersBySeverity() {
        var log = MessageLog()
        log.record(Notice(code: 2104), at: Timestamp(secondsSinceEpoch: 1))
        log.record(Notice(requestID: 9, code: 201, text: "margin"), at: Timestamp(secondsSinceEpoch: 2))
        #expect(log.entries(atLeast: .warning).map(\.message.code) == [201])
        log.clear()
        #expect(log.entries.isEmpty)
    }
}
