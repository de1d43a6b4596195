import TWSWire
import Vocabulary

/// One bar of a historical-data answer (IB: `BarData`), as ``IBClient`` returns it from
/// `historicalBars`: its start read into a time, IB's "no value" (-1) read as `nil`.
///
/// Named apart from TWSWire's `Bar` (the wire message's fields, dates as text) and the
/// simulator's `HistoricalBar` (the bars the paper gateway draws).
public struct PriceBar: Hashable, Sendable {
    /// When a bar starts.
    public enum Start: Hashable, Sendable, CustomStringConvertible {
        /// An intraday bar's first instant (IB sent epoch seconds).
        case instant(Timestamp)
        /// A daily, weekly or monthly bar's trading day, `yyyyMMdd` as IB sent it.
        case day(String)
        /// Any other text IB sent, kept as it came.
        case text(String)

        /// Reads IB's date field: all digits of 9 or more are epoch seconds, 8 digits a day.
        public init(ibText text: String) {
            let digits = !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber }
            if digits, text.count == 8 {
                self = .day(text)
            } else if digits, let seconds = Int64(text) {
                self = .instant(Timestamp(secondsSinceEpoch: seconds))
            } else {
                self = .text(text)
            }
        }

        /// The instant of an intraday bar.
        public var instant: Timestamp? {
            if case .instant(let time) = self { time } else { nil }
        }

        /// `20261203 14:30:00` (UTC) for an instant, `20261203` for a day, else IB's text.
        public var description: String {
            switch self {
            case .instant(let time): TimeText.dateTime(time)
            case .day(let day): day
            case .text(let text): text
            }
        }
    }

    /// When the bar starts.
    public var start: Start
    /// Opening price.
    public var open: Double
    /// Highest price.
    public var high: Double
    /// Lowest price.
    public var low: Double
    /// Closing price.
    public var close: Double
    /// Traded volume; `nil` for quotes and midpoints (IB sends -1).
    public var volume: FixedDecimal?
    /// Volume-weighted average price; `nil` when IB sent none.
    public var wap: Double?
    /// Number of trades; `nil` when IB sent none.
    public var tradeCount: Int?

    /// Creates a bar.
    public init(
        start: Start, open: Double, high: Double, low: Double, close: Double,
        volume: FixedDecimal? = nil, wap: Double? = nil, tradeCount: Int? = nil
    ) {
        self.start = start
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.volume = volume
        self.wap = wap
        self.tradeCount = tradeCount
    }

    /// Reads a wire bar: its date into a ``Start``, negative volume, WAP and count as `nil`.
    public init(_ bar: Bar) {
        self.init(
            start: Start(ibText: bar.date), open: bar.open, high: bar.high, low: bar.low, close: bar.close,
            volume: bar.volume.flatMap { $0 < .zero ? nil : $0 },
            wap: bar.wap.flatMap { $0 < 0 ? nil : $0 },
            tradeCount: bar.barCount < 0 ? nil : bar.barCount)
    }
}
