import Vocabulary

/// IB: `orderStatus(orderId, status, filled, remaining, avgFillPrice, ..., whyHeld)` (inbound 3).
public struct OrderStatusReport: Sendable, Hashable, Codable {
    /// IB's order id.
    public var orderID: Int
    /// IB's status (`Submitted`, `Filled`, …).
    public var status: OrderStatus
    /// Quantity filled so far.
    public var filled: FixedDecimal
    /// Quantity remaining.
    public var remaining: FixedDecimal
    /// Average fill price (`nil` when nothing filled; IB sends 0).
    public var averageFillPrice: Double?
    /// Why the order is held, if IB says (`locate`, …).
    public var whyHeld: String?
    /// IB's permanent id, when reported (0 is not an id).
    public var permID: Int?

    /// Creates a report.
    public init(
        orderID: Int, status: OrderStatus, filled: FixedDecimal, remaining: FixedDecimal, averageFillPrice: Double? = nil,
        whyHeld: String? = nil, permID: Int? = nil
    ) {
        self.permID = permID
        self.orderID = orderID
        self.status = status
        self.filled = filled
        self.remaining = remaining
        self.averageFillPrice = averageFillPrice
        self.whyHeld = whyHeld
    }
}
