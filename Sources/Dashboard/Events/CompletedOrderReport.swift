import Vocabulary

/// An order of the day that is no longer working. IB: `completedOrder(contract, order,
/// orderState)` (inbound 101), the answer to `reqCompletedOrders`. IB's message carries no
/// order id; the app fills `orderID` when it knows the order by its `permID` (from an
/// execution or an earlier open-order report).
public struct CompletedOrderReport: Sendable, Hashable, Codable {
    /// IB's order id, when the app could match the permanent id to one.
    public var orderID: Int?
    /// IB's permanent id (`order.permId`).
    public var permID: Int
    /// The symbol.
    public var symbol: String
    /// Buy or sell.
    public var side: OrderSide
    /// Total quantity.
    public var quantity: FixedDecimal
    /// Quantity filled (`order.filledQuantity`).
    public var filled: FixedDecimal
    /// The order type.
    public var orderType: OrderType
    /// The limit price, if any.
    public var limitPrice: FixedDecimal?
    /// The stop price, if any.
    public var stopPrice: FixedDecimal?
    /// The time in force.
    public var timeInForce: TimeInForce
    /// IB's final status (`orderState.status`: `Filled`, `Cancelled`, `Inactive`).
    public var status: OrderStatus
    /// IB's words on how it ended (`orderState.completedStatus`: `Cancelled by Trader`).
    public var completedStatus: String
    /// The client id that placed it, when the app knows it from an execution or an earlier
    /// open-order report (COMPLETED_ORDER does not say).
    public var ownerClientID: Int?
    /// Whether this dashboard's client id placed it, as far as the app knows.
    public var isThisClient: Bool

    /// Creates a report.
    public init(
        orderID: Int? = nil, permID: Int, symbol: String, side: OrderSide, quantity: FixedDecimal, filled: FixedDecimal,
        orderType: OrderType, limitPrice: FixedDecimal? = nil, stopPrice: FixedDecimal? = nil, timeInForce: TimeInForce = .day,
        status: OrderStatus, completedStatus: String = "", ownerClientID: Int? = nil, isThisClient: Bool = false
    ) {
        self.ownerClientID = ownerClientID
        self.isThisClient = isThisClient
        self.orderID = orderID
        self.permID = permID
        self.symbol = symbol
        self.side = side
        self.quantity = quantity
        self.filled = filled
        self.orderType = orderType
        self.limitPrice = limitPrice
        self.stopPrice = stopPrice
        self.timeInForce = timeInForce
        self.status = status
        self.completedStatus = completedStatus
    }
}
