import Vocabulary

/// One position as the gateway last reported it.
///
/// IB: `position` (inbound 61) carries quantity and average cost; `updatePortfolio` (inbound 7)
/// adds the gateway's market price, market value and P&L; `pnlSingle` (inbound 95) adds the
/// per-position daily, unrealized and realized P&L. Fields the gateway has not sent are `nil`.
public struct PositionRecord: Sendable, Hashable {
    /// Quantity, average cost, multiplier and the gateway's per-position P&L.
    public var holding: PositionHolding
    /// The account holding it.
    public var account: String
    /// The gateway's market price, if it sent one.
    public var reportedMarketPrice: Double?
    /// The gateway's market value, if it sent one.
    public var reportedMarketValue: Double?
    /// The gateway's unrealized P&L from the portfolio update, if it sent one.
    public var reportedUnrealizedPnL: Double?
    /// The gateway's realized P&L from the portfolio update, if it sent one.
    public var reportedRealizedPnL: Double?
    /// When the position was last updated.
    public var updatedAt: Timestamp

    /// Creates a record.
    public init(holding: PositionHolding, account: String = "", updatedAt: Timestamp) {
        self.holding = holding
        self.account = account
        self.updatedAt = updatedAt
    }

    /// The symbol.
    public var symbol: String { holding.symbol }
}
