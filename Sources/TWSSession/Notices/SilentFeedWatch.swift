/// Checks that market-data subscriptions tick again after an interruption.
///
/// After a data-farm blip (2103, then 2104) or a 1102, IB says data continues, yet feeds have
/// stayed dead for hours while account messages kept flowing. The watch records which
/// subscriptions must be heard from and a deadline; every tick crosses one off; at the
/// deadline the ones still silent are returned for resubscription.
///
/// ```swift
/// watch.begin(watching: table.keys(of: .marketData), now: now, grace: .seconds(10))
/// watch.ticked(key)                                // on each tick routed to a subscription
/// let silent = watch.expire(now: now)              // at watch.deadline
/// ```
public struct SilentFeedWatch: Hashable, Sendable {
    /// The subscriptions not heard from since the watch began.
    public private(set) var pending: Set<SubscriptionKey> = []
    /// When the silent ones will be reported; `nil` when no watch is running.
    public private(set) var deadline: SessionInstant?

    /// Creates an idle watch.
    public init() {}

    /// Whether a watch is running.
    public var isWatching: Bool { deadline != nil }

    /// Starts watching `keys` until `now + grace`. A watch already running is extended to the
    /// later deadline and its still-silent keys are kept.
    public mutating func begin<Keys: Sequence>(
        watching keys: Keys,
        now: SessionInstant,
        grace: Duration
    ) where Keys.Element == SubscriptionKey {
        pending.formUnion(keys)
        let newDeadline = now + grace
        deadline = max(deadline ?? newDeadline, newDeadline)
        if pending.isEmpty { deadline = nil }
    }

    /// Records a tick for `key`.
    public mutating func ticked(_ key: SubscriptionKey) {
        pending.remove(key)
    }

    /// Stops watching `key` (its subscription ended).
    public mutating func forget(_ key: SubscriptionKey) {
        pending.remove(key)
    }

    /// Stops the watch without a verdict.
    public mutating func cancel() {
        pending.removeAll()
        deadline = nil
    }

    /// At or after the deadline, ends the watch and returns the subscriptions that stayed
    /// silent, in subscription order; otherwise returns an empty list.
    public mutating func expire(now: SessionInstant) -> [SubscriptionKey] {
        guard let deadline, now >= deadline else { return [] }
        let silent = pending.sorted()
        cancel()
        return silent
    }
}
