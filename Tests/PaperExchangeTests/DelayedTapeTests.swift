import PaperExchange
import Testing
import Vocabulary

/// Issue #14 item 5: the paper gateway's delayed line runs a real delay behind the market.
@Suite struct DelayedTapeTests {
    static let start = Timestamp(secondsSinceEpoch: 1_764_000_000)

    static func quote(bid: String, at seconds: Int64) -> TopOfBook {
        let price = FixedDecimal(bid)!
        return TopOfBook(
            conId: 7, bid: price, ask: price + FixedDecimal("0.02")!, bidSize: 100, askSize: 100,
            last: price, lastSize: 1, volume: 10, open: nil, high: nil, low: nil, close: price,
            time: start.adding(milliseconds: seconds * 1000))
    }

    @Test func showsTheMarketAsItWasTheDelayAgo() {
        var tape = DelayedTape(delay: .seconds(900))
        for second in stride(from: Int64(0), through: 1200, by: 10) {
            tape.record(Self.quote(bid: "\(100 + second / 10).00", at: second), at: Self.start.adding(milliseconds: second * 1000))
        }
        let now = Self.start.adding(milliseconds: 1_200_000)
        let shown = try! #require(tape.quote(conId: 7, at: now))
        #expect(shown.time == Self.start.adding(milliseconds: 300_000), "900 s before 1200 s")
        #expect(shown.bid == FixedDecimal("130.00")!)
    }

    @Test func beforeADelayIsRecordedTheOldestSampleShows() {
        var tape = DelayedTape(delay: .seconds(900))
        tape.record(Self.quote(bid: "100.00", at: 0), at: Self.start)
        tape.record(Self.quote(bid: "101.00", at: 60), at: Self.start.adding(milliseconds: 60_000))
        #expect(tape.quote(conId: 7, at: Self.start.adding(milliseconds: 60_000))?.bid == FixedDecimal("100.00")!)
        #expect(tape.quote(conId: 8, at: Self.start) == nil)
    }

    @Test func keepsOneSampleASecondAndNothingTheDelayNoLongerReaches() {
        var tape = DelayedTape(delay: .seconds(60))
        for tenth in Int64(0)..<6000 {  // 10 minutes at ten changes a second
            var quote = Self.quote(bid: "100.00", at: 0)
            quote.time = Self.start.adding(milliseconds: tenth * 100)
            tape.record(quote, at: quote.time)
        }
        // One a second over the last 60 s, plus the one the line shows now.
        #expect(tape.sampleCount(conId: 7) <= 62)
        #expect(tape.sampleCount(conId: 7) >= 60)
    }

    @Test func changedFieldsNamesWhatMoved() {
        let old = Self.quote(bid: "100.00", at: 0)
        var new = old
        new.bid = FixedDecimal("100.01")!
        new.volume = 11
        #expect(new.changedFields(since: old) == [.bid, .volume])
        #expect(old.changedFields(since: old).isEmpty)
    }
}
