/// What the client does for an order after ``OrderBook`` took in a message.
package enum OrderAction: Hashable, Sendable {
    /// Yield the event on the order's stream.
    case yield(OrderEvent, orderId: Int)
    /// End the order's stream now.
    case finish(orderId: Int)
    /// End the order's stream after the commission grace period, so the ERR_MSG that usually
    /// trails a cancel or rejection (202, 201) still reaches it.
    case finishAfterGrace(orderId: Int)
}
