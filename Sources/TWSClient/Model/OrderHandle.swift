/// A placed order: its id and its life cycle as a stream.
///
/// The stream ends once the order is final: when filled, as soon as the commission of every
/// fill has arrived; when cancelled or inactive, after ``TWSClientConfiguration/commissionGrace``
/// (so the trailing ERR_MSG with the reason is delivered). It continues across reconnects.
public struct OrderHandle: Sendable {
    /// The order id (from nextValidId, never reused).
    public let orderId: Int
    /// The order's events.
    public let events: AsyncStream<OrderEvent>
}
