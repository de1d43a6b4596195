import Foundation

/// An order the gateway reports as open. IB: `openOrder(orderId, contract, order, orderState)`
/// (inbound 5). Orders placed elsewhere (TWS, another client) arrive this way too.
public struct OpenOrderReport: Sendable, Hashable {
    /// IB's order id.
    public var orderID: Int
    /// The symbol.
    public var symbol: String
    /// Buy or sell.
    public var side: OrderSide
    /// Total quantity.
    public var quantity: Double
    /// The order type.
    public var orderType: OrderType
    /// The limit price, if any.
    public var limitPrice: Decimal?
    /// The stop price, if any.
    public var stopPrice: Decimal?
    /// The time in force.
    public var timeInForce: TimeInForce
    /// IB's status text from `orderState.status`.
    public var status: String

    /// Creates a report.
    public init(
        orderID: Int, symbol: String, side: OrderSide, quantity: Double, orderType: OrderType,
        limitPrice: Decimal? = nil, stopPrice: Decimal? = nil, timeInForce: TimeInForce = .day, status: String
    ) {
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
