import Vocabulary

/// A fill. IB: `execDetails(reqId, contract, execution)` (inbound 11); the app maps IB's side
/// (`BOT`/`SLD`) to `OrderSide`.
public struct FillReport: Sendable, Hashable, Codable {
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
    /// When the fill happened, as IB reports it; `nil` to use the time ibterm received it.
    public var time: Timestamp?

    /// Creates a report.
    public init(
        executionID: String, orderID: Int, symbol: String, side: OrderSide, shares: FixedDecimal, price: Double,
        time: Timestamp? = nil
    ) {
        self.time = time
        self.executionID = executionID
        self.orderID = orderID
        self.symbol = symbol
        self.side = side
        self.shares = shares
        self.price = price
    }
}
