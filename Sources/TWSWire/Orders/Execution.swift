import Vocabulary

/// One fill (IB: `Execution`), as EXECUTION_DATA reports it.
public struct Execution: Hashable, Sendable, Codable {
    /// The order's client-side id.
    public var orderId: Int = 0
    /// IB's execution id, e.g. `0000e0d5.67fe667b.01.01`.
    public var execId: String = ""
    /// Execution time as TWS writes it, e.g. `20250415  19:38:31` (two spaces).
    public var time: String = ""
    /// The account.
    public var acctNumber: String = ""
    /// Where it executed.
    public var exchange: String = ""
    /// `BOT` or `SLD`.
    public var side: String = ""
    /// Shares filled in this execution.
    public var shares: FixedDecimal = .zero
    /// Price of this execution.
    public var price: Double = 0
    /// TWS's permanent order id.
    public var permId: Int = 0
    /// The placing client's id.
    public var clientId: Int = 0
    /// Whether this was a liquidation (non-zero).
    public var liquidation: Int = 0
    /// Cumulative quantity filled so far.
    public var cumQty: FixedDecimal = .zero
    /// Average price of the fills so far.
    public var avgPrice: Double = 0
    /// The order's reference text.
    public var orderRef: String = ""
    /// Economic value rule.
    public var evRule: String = ""
    /// Economic value multiplier.
    public var evMultiplier: Double? = nil
    /// Advisor model code; empty for none.
    public var modelCode: String = ""
    /// 1 added liquidity, 2 removed it, 3 liquidity routed out.
    public var lastLiquidity: Int = 0
    /// Whether the price may still be revised (server version 178).
    public var pendingPriceRevision: Bool = false
    /// Who submitted the order (server version 198).
    public var submitter: String = ""

    /// Creates an empty execution.
    public init() {}
}
