import Vocabulary

/// The detail view of one symbol (`Enter` on a watchlist row): its price chart over a range,
/// the depth book and the time & sales, as the gateway sends them.
public struct SymbolDetail: Sendable, Hashable {
    /// The chart's span.
    public enum Range: String, Sendable, Hashable, CaseIterable {
        /// Today, one-minute bars.
        case day = "1 day"
        /// Five days, thirty-minute bars.
        case week = "5 days"
        /// One month, daily bars.
        case month = "1 month"

        /// IB's duration and bar size for the range.
        public var request: (duration: String, barSize: String) {
            switch self {
            case .day: ("1 D", "1 min")
            case .week: ("5 D", "30 mins")
            case .month: ("1 M", "1 day")
            }
        }
    }

    /// How the chart is drawn.
    public enum ChartStyle: String, Sendable, Hashable, CaseIterable {
        /// Columns of blocks under the price (the default).
        case blocks
        /// A line of braille dots (needs a Unicode font; ASCII screens draw blocks).
        case line
    }

    /// The symbol.
    public var symbol: String
    /// How the chart is drawn (`c` toggles; the next detail view opens the same way).
    public var chartStyle: ChartStyle = .blocks
    /// The chart's span.
    public var range: Range = .day
    /// The closes of the range's bars, oldest first (empty until they arrive).
    public var closes: [Double] = []
    /// Whether the bars of `range` arrived (or were refused).
    public var barsLoaded = false
    /// Why there is no chart, when the gateway refused the bars.
    public var barsMessage: String?
    /// The book's bid rows, best first, and ask rows, best first.
    public var bids: [DepthLevel] = [], asks: [DepthLevel] = []
    /// Why there is no book, when the gateway refused it.
    public var depthMessage: String?
    /// The latest trades, newest first (at most `tradeLimit`).
    public var trades: [TradePrint] = []
    /// Why there are no trades, when the gateway refused them.
    public var tradesMessage: String?

    /// The most trades kept.
    public static let tradeLimit = 100

    /// A detail view of `symbol` over `range`, nothing arrived yet.
    public init(symbol: String, range: Range = .day) {
        self.symbol = symbol
        self.range = range
    }

    /// Records a trade (newest first, bounded).
    public mutating func record(_ trade: TradePrint) {
        trades.insert(trade, at: 0)
        if trades.count > Self.tradeLimit { trades.removeLast(trades.count - Self.tradeLimit) }
    }
}

/// One row of the depth book.
public struct DepthLevel: Sendable, Hashable {
    /// The price.
    public var price: Double
    /// The size, if known.
    public var size: Double?
    /// The market maker or exchange, if IB named one.
    public var marketMaker: String

    /// Creates a row.
    public init(price: Double, size: Double?, marketMaker: String = "") {
        self.price = price
        self.size = size
        self.marketMaker = marketMaker
    }
}

/// One trade of the time & sales.
public struct TradePrint: Sendable, Hashable {
    /// Which side took it, judged against the quote when it printed: at or above the ask a
    /// buyer, at or below the bid a seller, between them unknown.
    public enum Aggressor: String, Sendable, Hashable {
        /// At or above the ask.
        case buyer = "B"
        /// At or below the bid.
        case seller = "S"
        /// Between bid and ask, or no quote.
        case unknown = "·"
    }

    /// When it printed (the exchange's time, as IB gives it).
    public var time: Timestamp
    /// The price.
    public var price: Double
    /// The size, if known.
    public var size: Double?
    /// Who took it.
    public var aggressor: Aggressor

    /// Creates a trade.
    public init(time: Timestamp, price: Double, size: Double?, aggressor: Aggressor = .unknown) {
        self.time = time
        self.price = price
        self.size = size
        self.aggressor = aggressor
    }
}
