/// A placed order: its id and its life cycle as a stream.
///
/// The stream ends once the order is final (filled, cancelled or inactive) and the
/// commission of every fill has arrived (or ``TWSClientConfiguration/commissionGrace`` has
/// passed); it continues across reconnects.
public struct OrderHandle: Sendable {
    /// The order id (from nextValidId, never reused).
    public let orderId: Int
    /// The order's events.
    public let events: AsyncStream<OrderEvent>
}
