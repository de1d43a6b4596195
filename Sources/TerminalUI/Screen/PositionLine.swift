import Dashboard

/// One position line.
public struct PositionLine: Hashable, Sendable {
    /// The symbol.
    public var symbol: String
    /// Signed quantity (`100`, `-50`).
    public var quantity: String
    /// Average cost per share.
    public var averageCost: String?
    /// Market price and market value; drawn in the price state's role unless live.
    public var marketPrice: String?, marketValue: String?
    /// The freshness of the quote behind the market price.
    public var priceState: Freshness
    /// Unrealized and realized P&L.
    public var unrealizedPnL: Figure, realizedPnL: Figure
    /// Today's P&L of the position (the gateway's), or missing.
    public var dailyPnL: Figure

    /// Creates a row.
    public init(
        symbol: String, quantity: String, averageCost: String?, marketPrice: String?, marketValue: String?,
        priceState: Freshness = .live, unrealizedPnL: Figure = .missing, realizedPnL: Figure = .missing,
        dailyPnL: Figure = .missing
    ) {
        self.dailyPnL = dailyPnL
        self.symbol = symbol
        self.quantity = quantity
        self.averageCost = averageCost
        self.marketPrice = marketPrice
        self.marketValue = marketValue
        self.priceState = priceState
        self.unrealizedPnL = unrealizedPnL
        self.realizedPnL = realizedPnL
    }
}
