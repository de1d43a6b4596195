import TWSSession
import TWSWire

/// Placing orders under ids the caller chose (the dashboard numbers its tickets itself, so its
/// journal names each order's id before the order is sent).
extension IBClient {
    /// The id ``placeOrder(_:_:)`` would give the next order, once nextValidId arrived.
    public var nextOrderID: Int? { orderIDs.nextID }

    /// Places an order under `orderId`, which must not be below ``nextOrderID`` (ids are never
    /// reused); later automatic ids continue after it.
    ///
    /// - Throws: ``TWSClientError/Code/orderIDUnavailable`` when the id was already used or no
    ///   nextValidId has arrived, besides the errors of ``placeOrder(_:_:)``.
    public func placeOrder(_ contract: Contract, _ order: Order, orderId: Int) throws(TWSClientError) -> OrderHandle {
        guard let next = orderIDs.nextID else {
            throw TWSClientError(.orderIDUnavailable, "no order id is available yet; try again")
        }
        guard orderId >= next else {
            throw TWSClientError(.orderIDUnavailable, "order id \(orderId) was already used (the next free id is \(next))")
        }
        orderIDs.observeExistingOrderID(orderId - 1)
        return try placeOrder(contract, order)
    }
}
