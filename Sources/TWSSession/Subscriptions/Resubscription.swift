/// One step of a resubscribe plan: send `request` under the fresh `requestID`.
public struct Resubscription<Request: Sendable>: Sendable {
    /// The subscriber's stable identity.
    public let key: SubscriptionKey
    /// What the subscription streams.
    public let kind: SubscriptionKind
    /// What to send.
    public let request: Request
    /// The id it was live under on the current connection, which should be cancelled first;
    /// `nil` when it was not live (a new connection, or never sent).
    public let cancelRequestID: Int?
    /// The fresh request id to send it under.
    public let requestID: Int
}

extension Resubscription: Equatable where Request: Equatable {}
