import Dashboard
import TWSStreams

extension QuoteUpdate {
    /// The dashboard's update for `symbol` from one message on the client's quote stream: only
    /// the fields that message carried (`TWSStreams.Quote.carried`), so a market-data-type message
    /// brings no price and a tick brings its own field alone. The reducer keeps the rest; the
    /// event's time is the message's read instant (`TWSStreams.Quote.receivedAt`).
    public init(_ quote: TWSStreams.Quote, symbol: String) {
        self.init(symbol: symbol)
        let carried = quote.carried
        if carried.contains(.bid) { bid = quote.bid }
        if carried.contains(.ask) { ask = quote.ask }
        if carried.contains(.last) { last = quote.last }
        if carried.contains(.bidSize) { bidSize = quote.bidSize }
        if carried.contains(.askSize) { askSize = quote.askSize }
        if carried.contains(.lastSize) { lastSize = quote.lastSize }
        if carried.contains(.volume) { volume = quote.volume }
        if carried.contains(.high) { high = quote.high }
        if carried.contains(.low) { low = quote.low }
        if carried.contains(.close) { close = quote.close }
        if carried.contains(.marketDataType) {
            marketDataType = quote.marketDataType
        }
    }
}
