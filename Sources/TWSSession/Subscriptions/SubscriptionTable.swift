/// The subscriptions of every subscriber, keyed by a stable ``SubscriptionKey`` and mapped to
/// the request ids of the current connection.
///
/// Subscribers keep their key for life; request ids belong to one connection. When the
/// connection is lost, ``connectionLost()`` forgets every request id; when the next one is
/// up, ``resubscribeAll(ids:)`` produces the plan that sends each subscription again under a
/// fresh id, in subscription order. Inbound messages are routed with ``subscription(forRequestID:)``.
///
/// `Request` is whatever the codec needs to send the subscription (a contract and tick list,
/// an account code, ...); the table only stores it.
///
/// ```swift
/// let (key, requestID) = table.add(.marketData, request: aapl, ids: &requestIDs)
/// if let requestID { send(.requestMarketData(requestID, aapl)) }   // nil: goes out on (re)connect
/// // after a reconnect:
/// for step in table.resubscribeAll(ids: &requestIDs) { send(step.request, id: step.requestID) }
/// ```
public struct SubscriptionTable<Request: Sendable>: Sendable {
    private var entries: [SubscriptionKey: Subscription<Request>] = [:]
    private var keysByRequestID: [Int: SubscriptionKey] = [:]
    /// The keys of each kind: inbound account and position messages are routed by kind, and
    /// scanning every (mostly market data) subscription per message cost more than the routing.
    private var keysByKind: [SubscriptionKind: Set<SubscriptionKey>] = [:]
    private var nextKey: UInt64 = 1

    /// Whether the current connection has had its subscriptions sent, so that new ones are
    /// sent at once rather than deferred to the next resubscribe plan.
    public private(set) var isLive = false

    /// Creates an empty table for a connection that is not yet up.
    public init() {}

    /// The number of subscriptions.
    public var count: Int { entries.count }

    /// Every subscription, in subscription order.
    public var subscriptions: [Subscription<Request>] {
        entries.values.sorted { $0.key < $1.key }
    }

    /// The keys of every subscription of `kind`, in subscription order.
    public func keys(of kind: SubscriptionKind) -> [SubscriptionKey] {
        (keysByKind[kind] ?? []).sorted()
    }

    /// The subscription with this key.
    public subscript(key: SubscriptionKey) -> Subscription<Request>? {
        entries[key]
    }

    /// The key of the subscription an inbound message with this request id belongs to, if any:
    /// without copying its request (a tick's path asks this for every message).
    public func key(forRequestID requestID: Int) -> SubscriptionKey? {
        guard let key = keysByRequestID[requestID], entries.index(forKey: key) != nil else { return nil }
        return key
    }

    /// The subscription an inbound message with this request id belongs to, if any.
    public func subscription(forRequestID requestID: Int) -> Subscription<Request>? {
        keysByRequestID[requestID].flatMap { entries[$0] }
    }

    /// Adds a subscription and returns its key and, when the connection is live, the request id
    /// to send it under now. With a `nil` id the subscription goes out with the next plan.
    public mutating func add(
        _ kind: SubscriptionKind,
        request: Request,
        ids: inout RequestIDAllocator
    ) -> (key: SubscriptionKey, requestID: Int?) {
        let key = SubscriptionKey(rawValue: nextKey)
        nextKey += 1
        var entry = Subscription(key: key, kind: kind, request: request, requestID: nil)
        if isLive {
            let requestID = ids.allocate()
            entry.requestID = requestID
            keysByRequestID[requestID] = key
        }
        entries[key] = entry
        keysByKind[kind, default: []].insert(key)
        return (key, entry.requestID)
    }

    /// Removes a subscription and returns it; its `requestID`, when not `nil`, must be cancelled.
    @discardableResult
    public mutating func remove(_ key: SubscriptionKey) -> Subscription<Request>? {
        guard let entry = entries.removeValue(forKey: key) else { return nil }
        keysByKind[entry.kind]?.remove(key)
        if let requestID = entry.requestID { keysByRequestID[requestID] = nil }
        return entry
    }

    /// Forgets every request id: the connection they belonged to is gone.
    public mutating func connectionLost() {
        for key in entries.keys { entries[key]?.requestID = nil }
        keysByRequestID.removeAll()
        isLive = false
    }

    /// The plan for a new connection: every subscription under a fresh request id, in
    /// subscription order. Marks the table live.
    public mutating func resubscribeAll(ids: inout RequestIDAllocator) -> [Resubscription<Request>] {
        isLive = true
        return resubscribe(entries.keys.sorted(), ids: &ids)
    }

    /// The plan for every subscription of `kind` (for example market data after 1101).
    public mutating func resubscribe(kind: SubscriptionKind, ids: inout RequestIDAllocator) -> [Resubscription<Request>] {
        resubscribe(keys(of: kind), ids: &ids)
    }

    /// The plan for these subscriptions (for example the silent ones after a farm blip), in
    /// subscription order. Unknown keys are skipped. Each gets a fresh id; the old one, if
    /// live, is named for cancelling and no longer routes. Empty while the table is not live:
    /// the next ``resubscribeAll(ids:)`` sends everything anyway.
    public mutating func resubscribe<Keys: Sequence>(
        _ keys: Keys,
        ids: inout RequestIDAllocator
    ) -> [Resubscription<Request>] where Keys.Element == SubscriptionKey {
        guard isLive else { return [] }
        var plan: [Resubscription<Request>] = []
        for key in Set(keys).sorted() {
            guard var entry = entries[key] else { continue }
            let previous = entry.requestID
            if let previous { keysByRequestID[previous] = nil }
            let requestID = ids.allocate()
            entry.requestID = requestID
            keysByRequestID[requestID] = key
            entries[key] = entry
            plan.append(Resubscription(
                key: key, kind: entry.kind, request: entry.request,
                cancelRequestID: previous, requestID: requestID
            ))
        }
        return plan
    }
}
