import Foundation
import Testing
import TWSWire
import Vocabulary

/// A HISTORICAL_DATA answer encoded part by part is the message encoded whole, byte for byte.
@Suite struct HistoricalDataEncoderTests {
    static func bars(_ count: Int) -> [Bar] {
        (0..<count).map { index -> Bar in
            let minute = String(format: "%02d", index % 60)
            let traded = index % 3 != 0
            let open: Double = 100 + Double(index) / 8
            return Bar(
                date: "20261203 09:" + minute + ":00", open: open, high: 101.25, low: 99.5, close: 100.75,
                volume: traded ? FixedDecimal(index * 100) : nil, wap: traded ? 100.37 : nil, barCount: traded ? index : -1)
        }
    }

    @Test(arguments: [157, 195, 196, 200])
    func partsMakeTheWholeMessage(serverVersion: Int) throws {
        let bars = Self.bars(1000)
        var encoder = HistoricalDataEncoder(reqId: 42)
        var start = 0
        for size in [1, 0, 333, 7, 500, 159] {
            encoder.append(bars[start..<(start + size)])
            start += size
        }
        #expect(encoder.barCount == 1000)
        let frame = encoder.frame(startDate: "20261203 09:30:00", endDate: "20261203 16:00:00", serverVersion: serverVersion)
        let whole = ServerMessage.historicalData(HistoricalData(
            reqId: 42, startDate: "20261203 09:30:00", endDate: "20261203 16:00:00", bars: bars))
        #expect(frame == whole.encoded(serverVersion: serverVersion))
        #expect(encoder.encodedByteCount < frame.count)
        var decoder = FrameDecoder()
        decoder.append(frame)
        let payload = try #require(try decoder.nextFrame())
        guard case let .historicalData(decoded) = try ServerMessage.decode(payload, serverVersion: serverVersion) else {
            Issue.record("not HISTORICAL_DATA")
            return
        }
        #expect(decoded.bars == bars)
    }

    @Test func anEmptyAnswerIsAMessageWithNoBars() throws {
        let frame = HistoricalDataEncoder(reqId: 3).frame(startDate: "a", endDate: "b", serverVersion: 200)
        #expect(frame == ServerMessage.historicalData(HistoricalData(reqId: 3, startDate: "a", endDate: "b", bars: [])).encoded(serverVersion: 200))
    }
}
