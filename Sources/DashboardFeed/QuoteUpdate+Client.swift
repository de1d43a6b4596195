import Dashboard
import TWSClient

extension QuoteUpdate {
    /// The dashboard's update for `symbol` from the client's accumulated quote: prices, sizes,
    /// volume, the day's range, the previous close and the market data type. Fields the
    /// client does not know yet stay `nil`, so the reducer keeps what it had.
    public init(_ quote: ClientQuote, symbol: String) {
        self.init(symbol: symbol)
        bid = quote.bid
        ask = quote.ask
        last = quote.last
        bidSize = quote.bidSize?.doubleValue
        askSize = quote.askSize?.doubleValue
        lastSize = quote.lastSize?.doubleValue
        volume = quote.volume?.doubleValue
        high = quote.high
        low = quote.low
        close = quote.close
        marketDataType = quote.marketDataType.flatMap { Dashboard.MarketDataType(rawValue: $0.rawValue) }
    }
}
