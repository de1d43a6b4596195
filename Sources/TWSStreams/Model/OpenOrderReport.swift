import TWSWire

/// One open order as REQ_OPEN_ORDERS returns it, with its latest status.
public struct OpenOrderReport: Hashable, Sendable {
    /// The contract.
    public var contract: Contract
    /// The order.
    public var order: Order
    /// The order's state from OPEN_ORDER.
    public var orderState: OrderState
    /// The latest ORDER_STATUS, when one arrived.
    public var status: OrderStatusUpdate?

    /// Creates a report.
    public init(contract: Contract, order: Order, orderState: OrderState, status: OrderStatusUpdate? = nil) {
        self.contract = contract
        self.order = order
        self.orderState = orderState
        self.status = status
    }
}
