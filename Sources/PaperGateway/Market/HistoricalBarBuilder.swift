import Foundation
import PaperExchange
import TWSWire
import Vocabulary

/// Bars for reqHistoricalData, drawn as a seeded random walk that ends at the instrument's
/// current mark, so a chart joins the live ticks. The same seed, instrument, bar size and end
/// give the same bars.
struct HistoricalBarBuilder {
    /// Why a request cannot be answered (IB error 321 with this text).
    struct Invalid: Error {
        var reason: String
    }

    /// The most bars one answer holds.
    static let maximumBars = 5000

    var seed: UInt64
    var utcOffsetSeconds: Int

    /// The bars for `request` of `instrument` ending at `end` at the current `mark`.
    func bars(
        for request: RequestHistoricalData, instrument: Instrument, mark: FixedDecimal, end: Timestamp
    ) throws(Invalid) -> [Bar] {
        let barSeconds = try Self.seconds(ofBarSize: request.barSizeSetting)
        let duration = try Self.seconds(ofDuration: request.durationString)
        let count = max(1, min(Self.maximumBars, Int(duration / barSeconds)))
        let daily = barSeconds >= 86_400
        let endSeconds = end.secondsSinceEpoch / barSeconds * barSeconds
        var generator = Xoshiro256StarStar(seed: seed ^ UInt64(instrument.conId) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(barSeconds))
        let sigma = instrument.volatility * (Double(barSeconds) / (365 * 86_400)).squareRoot()
        let tick = instrument.minTick.doubleValue
        func onGrid(_ value: Double) -> Double { max(tick, (value / tick).rounded() * tick) }
        var closes = [Double](repeating: 0, count: count)
        var price = mark.doubleValue
        for index in stride(from: count - 1, through: 0, by: -1) {
            closes[index] = onGrid(price)
            price /= exp(sigma * Self.normal(&generator))
        }
        var bars: [Bar] = []
        bars.reserveCapacity(count)
        var open = onGrid(price)
        for index in 0..<count {
            let close = closes[index]
            let wiggle = abs(Self.normal(&generator)) * sigma * 0.5
            let high = onGrid(max(open, close) * (1 + wiggle))
            let low = onGrid(min(open, close) * (1 - wiggle))
            let start = Timestamp(secondsSinceEpoch: endSeconds - Int64(count - index) * barSeconds)
            let trades = instrument.secType.printsTrades
            let volume = trades ? Int(generator.next() % 5000) * (daily ? 1000 : 10) + 100 : 0
            bars.append(Bar(
                date: GatewayTimeText.barDate(start, daily: daily, formatDate: request.formatDate, utcOffsetSeconds: utcOffsetSeconds),
                open: open, high: high, low: low, close: close, volume: trades ? FixedDecimal(volume) : FixedDecimal(-1),
                wap: ((open + high + low + close) / 4 / tick).rounded() * tick, barCount: trades ? volume / 100 + 1 : -1))
            open = close
        }
        return bars
    }

    /// `1 secs`, `5 mins`, `1 hour`, `1 day`, `1 week`, `1 month` as seconds.
    static func seconds(ofBarSize text: String) throws(Invalid) -> Int64 {
        let parts = text.lowercased().split(separator: " ")
        guard parts.count == 2, let amount = Int64(parts[0]), amount > 0 else {
            throw Invalid(reason: "Historical data bar size setting is invalid.")
        }
        let unit: Int64
        switch parts[1] {
        case "sec", "secs": unit = 1
        case "min", "mins": unit = 60
        case "hour", "hours": unit = 3600
        case "day", "days": unit = 86_400
        case "week", "weeks": unit = 7 * 86_400
        case "month", "months": unit = 30 * 86_400
        default: throw Invalid(reason: "Historical data bar size setting is invalid.")
        }
        return amount * unit
    }

    /// `3600 S`, `1 D`, `2 W`, `1 M`, `1 Y` as seconds.
    static func seconds(ofDuration text: String) throws(Invalid) -> Int64 {
        let parts = text.uppercased().split(separator: " ")
        guard parts.count == 2, let amount = Int64(parts[0]), amount > 0 else {
            throw Invalid(reason: "Historical data duration format is invalid.")
        }
        switch parts[1] {
        case "S": return amount
        case "D": return amount * 86_400
        case "W": return amount * 7 * 86_400
        case "M": return amount * 30 * 86_400
        case "Y": return amount * 365 * 86_400
        default: throw Invalid(reason: "Historical data duration format is invalid.")
        }
    }

    private static func normal(_ generator: inout Xoshiro256StarStar) -> Double {
        let u1 = max(Double(generator.next() >> 11) / Double(1 << 53), 1e-12)
        let u2 = Double(generator.next() >> 11) / Double(1 << 53)
        return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }
}
