import TWSSession

/// Whom an ERR_MSG concerns, by its id (the same for a message the client could not read that
/// names its id the way ERR_MSG does).
package enum NoticeOwner: Hashable, Sendable {
    /// The connection (a negative id): connectivity, farm and system notices.
    case connection
    /// A subscription, whose stream receives the notice.
    case subscription(SubscriptionKey)
    /// An order the client placed, whose stream receives the notice.
    case order(Int)
    /// Neither: a one-shot request's id, or an id the client does not know.
    case other(Int)

    /// The owner of the notice with `id`: a subscription's request id first, then an order.
    package init(noticeID id: Int, table: SubscriptionTable<SubscriptionRequest>, orders: OrderBook) {
        if id < 0 {
            self = .connection
        } else if let key = table.subscription(forRequestID: id)?.key {
            self = .subscription(key)
        } else if orders.tracks[id] != nil {
            self = .order(id)
        } else {
            self = .other(id)
        }
    }
}
