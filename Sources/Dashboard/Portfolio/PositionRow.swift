import Vocabulary

/// One row of the positions pane, resolved from the gateway's numbers and the live quote.
///
/// Market price: the quote's reference price when the quote is live, else the gateway's. Market
/// value: quantity × price × multiplier. Unrealized P&L: the gateway's per-position value
/// (`pnlSingle`), else the portfolio update's, else computed from the market price. Realized
/// P&L comes from the gateway only.
public struct PositionRow: Sendable, Hashable {
    /// The symbol.
    public var symbol: String
    /// Signed quantity.
    public var quantity: FixedDecimal
    /// Average cost per unit.
    public var averageCost: Double
    /// The price the position is marked at, if known.
    public var marketPrice: Double?
    /// The market value, if known.
    public var marketValue: Double?
    /// Unrealized P&L, with its source.
    public var unrealizedPnL: PnLValue
    /// Realized P&L, with its source.
    public var realizedPnL: PnLValue
    /// Today's P&L of the position, from the gateway (`pnlSingle`) only: unavailable until it
    /// sent one.
    public var dailyPnL: PnLValue
    /// The freshness of the quote the price comes from (`nil` when not on the watchlist).
    public var quoteFreshness: Freshness?

    /// Resolves a row from a position record and, optionally, its quote.
    public init(record: PositionRecord, quote: WatchedQuote?, freshness: Freshness?) {
        let holding = record.holding
        symbol = holding.symbol
        quantity = holding.quantity
        averageCost = holding.averageCost
        quoteFreshness = freshness
        let livePrice = freshness == .live ? quote?.referencePrice : nil
        marketPrice = livePrice ?? record.reportedMarketPrice ?? quote?.referencePrice
        if let marketPrice {
            marketValue = holding.quantity.doubleValue * marketPrice * holding.multiplier
        } else {
            marketValue = record.reportedMarketValue
        }
        if let gateway = holding.gatewayPnL?.unrealized {
            unrealizedPnL = PnLValue(amount: gateway, source: .gateway)
        } else if livePrice == nil, let reported = record.reportedUnrealizedPnL {
            unrealizedPnL = PnLValue(amount: reported, source: .gateway)
        } else if let marketPrice {
            let value = (marketPrice * holding.multiplier - holding.averageCost) * holding.quantity.doubleValue
            unrealizedPnL = PnLValue(amount: value, source: .computed)
        } else {
            unrealizedPnL = .unavailable
        }
        let realized = holding.gatewayPnL?.realized ?? record.reportedRealizedPnL
        realizedPnL = PnLValue(amount: realized, source: .gateway)
        dailyPnL = holding.gatewayPnL?.daily.map { PnLValue(amount: $0, source: .gateway) } ?? .unavailable
    }
}
