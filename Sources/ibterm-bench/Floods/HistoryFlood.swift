import Foundation
import TWSWire

/// A historical-data flood: one client asks for a month of 1-minute bars (all hours, about
/// 20,000 bars) 45 times a second for the flood's seconds, rotating over ten stocks, and reads
/// what comes back; another client asks once, at the start, for the largest answer the gateway
/// accepts: 69 days of 1-minute EUR.USD midpoints (99,360 steps, under its 100,000).
enum HistoryFlood {
    static let rate = 45
    static let symbols = ["AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "JPM", "SPY", "QQQ", "IWM"]
    /// The largest legal request: its contract, duration, bar size and data.
    static let largest = RequestHistoricalData(
        reqId: 1, contract: Contract(symbol: "EUR", secType: "CASH", exchange: "IDEALPRO", currency: "USD"),
        barSizeSetting: "1 min", durationString: "69 D", useRTH: 0, whatToShow: "MIDPOINT")

    static func run(_ target: FloodTarget) throws -> [FloodFigure] {
        guard let flooder = try FloodSocket.ready(port: target.port, clientId: 2),
              let big = try FloodSocket.ready(port: target.port, clientId: 3)
        else { throw BenchFailure("a history client was refused") }
        let writer = flooder.writer
        let bigWriter = big.writer
        let counter = AnswerCounter(flooder)
        let bigCounter = AnswerCounter(big)
        defer {
            counter.stop()
            bigCounter.stop()
        }
        let start = ContinuousClock.now
        bigWriter.send(.requestHistoricalData(largest))
        var sent = 0
        let end = start + .seconds(target.seconds)
        while ContinuousClock.now < end, !counter.current.closed {
            let due = Int(BenchSetup.seconds(ContinuousClock.now - start) * Double(rate))
            while sent < due {
                let request = RequestHistoricalData(
                    reqId: 1000 + sent, contract: Contract(symbol: symbols[sent % symbols.count]),
                    barSizeSetting: "1 min", durationString: "1 M", useRTH: 0)
                guard writer.send(.requestHistoricalData(request)) else { break }
                sent += 1
            }
            Thread.sleep(forTimeInterval: 0.002)
        }
        let counts = counter.wait(timeout: .seconds(60)) { $0.historicalAnswers + $0.errors.filter { $0.key < 2000 && $0.key != 100 }.values.reduce(0, +) >= sent }
        let bigCounts = bigCounter.wait(timeout: .seconds(60)) { $0.historicalAnswers > 0 || !$0.errors.filter { $0.key < 2000 }.isEmpty }
        let bigAnswered = bigCounts.lastReadAt.map { BenchSetup.seconds($0 - start) }
        return [
            FloodFigure(
                name: "requests",
                value: "\(sent) in \(target.seconds) s (\(rate)/s): \(counts.historicalAnswers) answered with \(counts.historicalBars) bars "
                    + "(\(BenchSetup.megabytes(counts.bytes)) MB read), errors \(counts.errorSummary); flooder \(counts.closed ? "disconnected" : "still connected")"),
            FloodFigure(
                name: "largest",
                value: "\(largest.durationString) of \(largest.barSizeSetting) \(largest.whatToShow) EUR.USD: \(bigCounts.largestHistoricalAnswer) bars in one message, "
                    + "\(BenchSetup.megabytes(bigCounts.bytes)) MB read, errors \(bigCounts.errorSummary), "
                    + (bigAnswered.map { String(format: "complete %.2f s after the request", $0) } ?? "no answer")),
        ]
    }
}
