import Dashboard
import Vocabulary
import TWSStreams

extension QuoteUpdate {
    /// The dashboard's update for `symbol` from one message on the client's quote stream: only
    /// the fields that message carried (`TWSStreams.Quote.carried`), so a market-data-type message
    /// brings no price and a tick brings its own field alone. The reducer keeps the rest; the
    /// event's time is the message's read instant (`TWSStreams.Quote.receivedAt`).
    public init(_ quote: TWSStreams.Quote, symbol: String) {
        let carried = quote.carried
        // The open is the watchlist's `open` column: carried like the high, low and close.
        self.init(symbol: symbol, values: quote.values.only(carried),
                  marketDataType: carried.contains(.marketDataType) ? quote.marketDataType : nil,
                  lastTradeTime: carried.contains(.lastTradeTime)
                      ? quote.lastTradeTime.map { Timestamp(secondsSinceEpoch: Int64($0)) } : nil)
    }
}
