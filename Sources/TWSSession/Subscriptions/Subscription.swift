/// One entry of a ``SubscriptionTable``: who subscribed, to what, and under which request id.
public struct Subscription<Request: Sendable>: Sendable {
    /// The subscriber's stable identity.
    public let key: SubscriptionKey
    /// What the subscription streams.
    public let kind: SubscriptionKind
    /// What to send to (re)subscribe, in the codec's terms (contract, tick list, account, ...).
    public let request: Request
    /// The request id on the current connection; `nil` while it has not been sent on it.
    public internal(set) var requestID: Int?
}

extension Subscription: Equatable where Request: Equatable {}
