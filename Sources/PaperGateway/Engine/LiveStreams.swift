import PaperExchange

/// A reqTickByTickData line: what kind of ticks, and the quote last sent (BidAsk, MidPoint).
struct TickByTickStream {
    enum Kind: String {
        case last = "Last", allLast = "AllLast", bidAsk = "BidAsk", midPoint = "MidPoint"
    }

    var conId: Int
    var kind: Kind
    var ignoreSize: Bool
    var lastQuote: TopOfBook?
}

/// A reqRealTimeBars line: the 5-second bar being built from the market's moves.
struct RealTimeBarStream {
    enum Show: String {
        case trades = "TRADES", midpoint = "MIDPOINT", bid = "BID", ask = "ASK"
    }

    var conId: Int
    var show: Show
    var regularHours: Bool
    /// The start of the bar being built, in seconds since the epoch.
    var start: Int64
    var open: Double
    var high: Double
    var low: Double
    var close: Double
    var volume: Int
    var notional: Double
    var count: Int

    /// A bar starting at `start` at `value`.
    init(conId: Int, show: Show, regularHours: Bool, start: Int64, value: Double) {
        self.conId = conId
        self.show = show
        self.regularHours = regularHours
        self.start = start
        open = value
        high = value
        low = value
        close = value
        volume = 0
        notional = 0
        count = 0
    }

    /// Takes one value (and for trades its size) into the bar.
    mutating func take(_ value: Double, size: Int) {
        high = max(high, value)
        low = min(low, value)
        close = value
        if size > 0 {
            volume += size
            notional += value * Double(size)
            count += 1
        }
    }

    /// The value `show` reads from a market move, with the traded size for TRADES; `nil` when
    /// the move does not touch it.
    func value(of event: MarketEvent) -> (Double, Int)? {
        switch show {
        case .trades: event.trade.map { ($0.price.doubleValue, $0.size) }
        case .midpoint: event.changed.isDisjoint(with: [.bid, .ask]) ? nil : (event.quote.midpoint.doubleValue, 0)
        case .bid: event.changed.contains(.bid) ? (event.quote.bid.doubleValue, 0) : nil
        case .ask: event.changed.contains(.ask) ? (event.quote.ask.doubleValue, 0) : nil
        }
    }

    /// The value a new bar opens at, from the current quote.
    static func opening(_ show: Show, quote: TopOfBook) -> Double {
        switch show {
        case .trades: (quote.last ?? quote.midpoint).doubleValue
        case .midpoint: quote.midpoint.doubleValue
        case .bid: quote.bid.doubleValue
        case .ask: quote.ask.doubleValue
        }
    }
}
