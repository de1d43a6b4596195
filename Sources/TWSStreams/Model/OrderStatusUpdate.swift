import TWSSession
import TWSWire
import Vocabulary

/// One change of an order's status, with its fill progress.
public struct OrderStatusUpdate: Hashable, Sendable {
    /// The order id.
    public var orderId: Int
    /// The status.
    public var status: OrderStatus
    /// Quantity filled so far.
    public var filled: FixedDecimal
    /// Quantity still to fill.
    public var remaining: FixedDecimal
    /// Volume-weighted average price of the fills so far.
    public var avgFillPrice: Double
    /// Price of the latest fill.
    public var lastFillPrice: Double
    /// TWS's permanent id.
    public var permId: Int
    /// Why the order is held (e.g. `locate`).
    public var whyHeld: String
    /// The gateway's reason for a rejection or cancellation (from its ERR_MSG), if any.
    public var reason: String?

    /// Creates an update.
    public init(
        orderId: Int, status: OrderStatus, filled: FixedDecimal, remaining: FixedDecimal,
        avgFillPrice: Double, lastFillPrice: Double, permId: Int, whyHeld: String = "", reason: String? = nil
    ) {
        self.orderId = orderId
        self.status = status
        self.filled = filled
        self.remaining = remaining
        self.avgFillPrice = avgFillPrice
        self.lastFillPrice = lastFillPrice
        self.permId = permId
        self.whyHeld = whyHeld
        self.reason = reason
    }

    /// Creates an update from ORDER_STATUS.
    package init(_ message: OrderStatusMessage, reason: String?) {
        self.init(
            orderId: message.orderId, status: OrderStatus(ibText: message.status), filled: message.filled,
            remaining: message.remaining, avgFillPrice: message.avgFillPrice,
            lastFillPrice: message.lastFillPrice, permId: message.permId, whyHeld: message.whyHeld,
            reason: reason
        )
    }

    /// Whether the update would look identical to a subscriber (TWS repeats statuses).
    package func sameProgress(as other: OrderStatusUpdate) -> Bool {
        status == other.status && filled == other.filled && remaining == other.remaining
            && avgFillPrice == other.avgFillPrice && whyHeld == other.whyHeld
    }
}
