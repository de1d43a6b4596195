import Vocabulary

/// An order the gateway reports as open. IB: `openOrder(orderId, contract, order, orderState)`
/// (inbound 5). Orders placed elsewhere (TWS, another client) arrive this way too.
public struct OpenOrderSnapshot: Sendable, Hashable, Codable {
    /// IB's order id.
    public var orderID: Int
    /// The symbol.
    public var symbol: String
    /// Buy or sell.
    public var side: OrderSide
    /// Total quantity.
    public var quantity: FixedDecimal
    /// The order type.
    public var orderType: OrderType
    /// The limit price, if any.
    public var limitPrice: FixedDecimal?
    /// The stop price, if any.
    public var stopPrice: FixedDecimal?
    /// The time in force.
    public var timeInForce: TimeInForce
    /// IB's status: the latest ORDER_STATUS, else OPEN_ORDER's `orderState.status`.
    public var status: OrderStatus
    /// The client id that placed the order (IB: `order.clientId`); `nil` when not reported.
    public var ownerClientID: Int?
    /// Whether this dashboard's client placed it, and so may cancel it (IB lets a client
    /// cancel only orders placed under its own client id).
    public var isThisClient: Bool
    /// IB's permanent id (`order.permId`); `nil` when not reported.
    public var permID: Int?
    /// The parent's order id, for a bracket's child (IB `parentId`, 0 for none).
    public var parentID: Int?
    /// The one-cancels-all group (IB `ocaGroup`), if any.
    public var ocaGroup: String?
    /// A trailing stop's distance as shown (`1.50`, `1.5%`), for `TRAIL` orders.
    public var trailing: String?

    /// Creates a report.
    public init(
        orderID: Int, symbol: String, side: OrderSide, quantity: FixedDecimal, orderType: OrderType,
        limitPrice: FixedDecimal? = nil, stopPrice: FixedDecimal? = nil, timeInForce: TimeInForce = .day, status: OrderStatus,
        ownerClientID: Int? = nil, isThisClient: Bool = true, permID: Int? = nil
    ) {
        self.ownerClientID = ownerClientID
        self.isThisClient = isThisClient
        self.permID = permID
        self.orderID = orderID
        self.symbol = symbol
        self.side = side
        self.quantity = quantity
        self.orderType = orderType
        self.limitPrice = limitPrice
        self.stopPrice = stopPrice
        self.timeInForce = timeInForce
        self.status = status
    }
}
