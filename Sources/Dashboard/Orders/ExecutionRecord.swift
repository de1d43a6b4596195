import Vocabulary

/// One fill, with its commission once the report arrives.
public struct ExecutionRecord: Sendable, Hashable {
    /// IB's execution id.
    public var executionID: String
    /// The order it filled.
    public var orderID: Int
    /// The symbol.
    public var symbol: String
    /// Bought or sold.
    public var side: OrderSide
    /// Shares filled.
    public var shares: FixedDecimal
    /// Fill price.
    public var price: Double
    /// When ibterm received it.
    public var time: Timestamp
    /// IB's commission, once the commission report arrived.
    public var commission: Double?
    /// Realized P&L of this fill, from the commission report (`nil` for opening fills).
    public var realizedPnL: Double?

    /// Creates an execution record.
    public init(
        executionID: String, orderID: Int, symbol: String, side: OrderSide, shares: FixedDecimal, price: Double,
        time: Timestamp, commission: Double? = nil, realizedPnL: Double? = nil
    ) {
        self.executionID = executionID
        self.orderID = orderID
        self.symbol = symbol
        self.side = side
        self.shares = shares
        self.price = price
        self.time = time
        self.commission = commission
        self.realizedPnL = realizedPnL
    }
}
