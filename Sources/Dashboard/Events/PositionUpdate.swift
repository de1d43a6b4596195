import Vocabulary

/// A position report. IB: `position(account, contract, pos, avgCost)` (inbound 61), or
/// `updatePortfolio(contract, pos, marketPrice, marketValue, avgCost, unrealizedPnL,
/// realizedPnL, account)` (inbound 7), which also fills the market fields.
public struct PositionUpdate: Sendable, Hashable, Codable {
    /// The account.
    public var account: String
    /// The symbol.
    public var symbol: String
    /// Signed quantity (0 when the position was closed).
    public var quantity: FixedDecimal
    /// Average cost per unit (× multiplier for derivatives, as IB reports it).
    public var averageCost: Double
    /// The contract multiplier.
    public var multiplier: Double
    /// The gateway's market price (portfolio updates only).
    public var marketPrice: Double?
    /// The gateway's market value (portfolio updates only).
    public var marketValue: Double?
    /// The gateway's unrealized P&L (portfolio updates only).
    public var unrealizedPnL: Double?
    /// The gateway's realized P&L (portfolio updates only).
    public var realizedPnL: Double?

    /// Creates a position report.
    public init(
        account: String = "", symbol: String, quantity: FixedDecimal, averageCost: Double, multiplier: Double = 1,
        marketPrice: Double? = nil, marketValue: Double? = nil, unrealizedPnL: Double? = nil, realizedPnL: Double? = nil
    ) {
        self.account = account
        self.symbol = symbol
        self.quantity = quantity
        self.averageCost = averageCost
        self.multiplier = multiplier
        self.marketPrice = marketPrice
        self.marketValue = marketValue
        self.unrealizedPnL = unrealizedPnL
        self.realizedPnL = realizedPnL
    }
}
