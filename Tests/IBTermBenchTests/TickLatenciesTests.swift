import DashboardRuntime
import Testing
import TWSClient
import TWSStreams
import TWSWire
@testable import ibterm_bench
import Vocabulary

/// How `tick-to-screen` pairs written ticks with received updates and frames.
@Suite struct TickLatenciesTests {
    let base = ContinuousClock.now

    func at(_ microseconds: Int64) -> ContinuousClock.Instant { base + .microseconds(microseconds) }

    /// The client's quote after each of `steps` (applied in order), received at `received`.
    func updates(_ steps: [(inout TWSStreams.Quote) -> Void], received: Int64 = 0) -> [ReceivedQuote] {
        var quote = TWSStreams.Quote(contract: Contract(symbol: "AAPL"))
        return steps.map { step in
            step(&quote)
            return ReceivedQuote(quote, receivedAt: at(received))
        }
    }

    func frame(_ microseconds: Int64, _ ticks: [(Int32, Int32)]) -> FrameReport {
        FrameReport(
            startedAt: at(microseconds), presentedAt: at(microseconds), modelTime: .zero, renderTime: .zero,
            marks: ticks.map { EventMark(stream: $0.0, sequence: $0.1) })
    }

    @Test func measuresEachTickToTheFirstFrameThatHeldIt() {
        let log: [(reqId: Int, ticks: [GatewayTickLog.Written])] = [
            (7, [
                .init(at: at(100), tick: .marketDataType(1)),
                .init(at: at(200), tick: .price(.bid, 231.2)),
                .init(at: at(300), tick: .size(.bidSize, FixedDecimal(300))),
            ]),
        ]
        let received = [updates([
            { $0.marketDataType = .live },
            { $0.bid = 231.2 },
            { $0.bidSize = FixedDecimal(300) },
        ], received: 150)]
        let frames = [frame(1_100, [(0, 0), (0, 1)]), frame(2_300, [(0, 2)]), frame(3_000, [])]
        let latencies = TickLatencies(written: log, received: received, frames: frames, window: at(0)..<at(10_000))
        #expect(latencies.written == 3 && latencies.histogram.totalCount == 3)
        #expect(latencies.lost == 0 && latencies.mismatched == 0 && latencies.phantom == 0)
        #expect(latencies.histogram.min / 1000 == 900, "200 µs → 1,100 µs")
        #expect(latencies.histogram.max / 1000 == 2000, "300 µs → 2,300 µs")
    }

    @Test func countsUndrawnTicksAsLostAndWrongValuesAsMismatched() {
        let log: [(reqId: Int, ticks: [GatewayTickLog.Written])] = [
            (7, [
                .init(at: at(100), tick: .price(.ask, 231.25)),
                .init(at: at(200), tick: .price(.last, 231.22)),
                .init(at: at(300), tick: .size(.volume, FixedDecimal(10))),
            ]),
        ]
        // The second update shows another last price: the pairing is off there.
        let received = [updates([{ $0.ask = 231.25 }, { $0.last = 231.3 }])]
        let frames = [frame(1_000, [(0, 0), (0, 1)])]
        let latencies = TickLatencies(written: log, received: received, frames: frames, window: at(0)..<at(10_000))
        #expect(latencies.written == 3)
        #expect(latencies.mismatched == 1, "last 231.22 written, 231.3 shown")
        #expect(latencies.lost == 1, "the volume tick never arrived")
        #expect(latencies.histogram.totalCount == 1)
    }

    @Test func onlyTicksWrittenInTheWindowCountAndExtraUpdatesArePhantoms() {
        let log: [(reqId: Int, ticks: [GatewayTickLog.Written])] = [
            (7, [.init(at: at(100), tick: .price(.bid, 1)), .init(at: at(5_000), tick: .price(.bid, 2))]),
        ]
        let received = [updates([{ $0.bid = 1 }, { $0.bid = 2 }, { $0.bid = 3 }])]
        let frames = [frame(6_000, [(0, 0), (0, 1), (0, 2)])]
        let latencies = TickLatencies(written: log, received: received, frames: frames, window: at(1_000)..<at(10_000))
        #expect(latencies.written == 1 && latencies.histogram.totalCount == 1)
        #expect(latencies.histogram.max / 1000 == 1000)
        #expect(latencies.phantom == 1)
    }

    @Test func aBidOfMinusOneIsShownAsNoBid() {
        var quote = TWSStreams.Quote(contract: Contract(symbol: "AAPL"))
        #expect(QuoteTick.price(.bid, -1).isShown(in: ReceivedQuote(quote, receivedAt: base)))
        quote.bid = 5
        #expect(!QuoteTick.price(.bid, -1).isShown(in: ReceivedQuote(quote, receivedAt: base)))
        #expect(QuoteTick.string(.lastTimestamp, "1764000000").isShown(in: ReceivedQuote(quote, receivedAt: base)) == false)
    }
}
