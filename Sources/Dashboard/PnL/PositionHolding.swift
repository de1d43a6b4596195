import Vocabulary

/// One position, with the gateway's per-position P&L when it sent one.
///
/// IB: `position(account, contract, position, avgCost)` and
/// `pnlSingle(reqId, pos, dailyPnL, unrealizedPnL, realizedPnL, value)` (inbound 95).
public struct PositionHolding: Sendable, Hashable {
    /// The symbol.
    public var symbol: String
    /// Signed quantity (negative when short).
    public var quantity: FixedDecimal
    /// Average cost per unit (price × multiplier for derivatives, as IB reports it).
    public var averageCost: Double
    /// The contract multiplier (1 for stocks, 100 for most US equity options).
    public var multiplier: Double
    /// The gateway's per-position P&L, if subscribed; fields may be `nil` (sentinel).
    public var gatewayPnL: AccountPnL?

    /// Creates a holding.
    public init(symbol: String, quantity: FixedDecimal, averageCost: Double, multiplier: Double = 1, gatewayPnL: AccountPnL? = nil) {
        self.symbol = symbol
        self.quantity = quantity
        self.averageCost = averageCost
        self.multiplier = multiplier
        self.gatewayPnL = gatewayPnL
    }
}
