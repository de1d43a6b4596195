/// Turns IB's connectivity and farm notices into market-data actions, so that no feed goes
/// quiet without being noticed.
///
/// | Notice | Meaning | Action |
/// |---|---|---|
/// | 1100, 2110 | TWS lost IB's servers | mark every quote not live; cancel any watch |
/// | 1101 | link back, market data lost | resubscribe all market data |
/// | 1102 | link back, market data kept | watch every market-data subscription |
/// | 2103 … 2104 (or 2105 … 2106) | a data farm blipped and recovered | watch every market-data subscription |
/// | other farm codes | farm state | report the farm's transition |
///
/// A watch gives each market-data subscription ``grace`` to tick; the silent ones are then
/// returned for resubscription. Connection-level loss is not handled here: the socket is the
/// ``ConnectionStateMachine``'s, and a new connection calls ``reset()``.
///
/// ```swift
/// let actions = health.notice(code: code, text: text, now: now,
///                             marketData: table.keys(of: .marketData))
/// health.ticked(key)                               // on each market-data tick
/// let due = health.tick(now: now)                  // at health.nextDeadline
/// ```
public struct MarketDataHealthMonitor: Hashable, Sendable {
    /// The default time a market-data subscription has to tick after an interruption.
    public static let defaultGrace = Duration.seconds(10)

    /// How long each watched subscription has to tick.
    public let grace: Duration
    /// Every farm's last reported state.
    public private(set) var farms = FarmStatusTracker()
    /// The running silent-feed watch.
    public private(set) var watch = SilentFeedWatch()
    /// Whether TWS reports its link to IB's servers up (false between 1100 and 1101/1102).
    public private(set) var isServerLinkUp = true

    /// Creates a monitor with the given grace period.
    public init(grace: Duration = MarketDataHealthMonitor.defaultGrace) {
        self.grace = grace
    }

    /// When ``tick(now:)`` next has something to do.
    public var nextDeadline: SessionInstant? { watch.deadline }

    /// Applies one ERR_MSG notice with id -1. `marketData` are the keys of every current
    /// market-data subscription. Codes this monitor does not handle return no action.
    public mutating func notice<Keys: Sequence>(
        code: Int,
        text: String,
        now: SessionInstant,
        marketData: Keys
    ) -> [MarketDataHealthAction] where Keys.Element == SubscriptionKey {
        switch code {
        case 1100, 2110:
            isServerLinkUp = false
            watch.cancel()
            return [.markAllQuotesNotLive]
        case 1101:
            isServerLinkUp = true
            watch.cancel()
            return [.resubscribeAllMarketData]
        case 1102:
            isServerLinkUp = true
            return beginWatch(marketData, now: now)
        default:
            guard let transition = farms.apply(code: code, text: text) else { return [] }
            var actions: [MarketDataHealthAction] = [.farmChanged(transition)]
            if transition.isDataFarmRecovery, isServerLinkUp {
                actions += beginWatch(marketData, now: now)
            }
            return actions
        }
    }

    /// Records a tick (any price, size or string update) for a market-data subscription.
    public mutating func ticked(_ key: SubscriptionKey) {
        watch.ticked(key)
    }

    /// Stops watching a subscription that ended.
    public mutating func subscriptionRemoved(_ key: SubscriptionKey) {
        watch.forget(key)
    }

    /// Reports the subscriptions that stayed silent once the watch's deadline has passed.
    public mutating func tick(now: SessionInstant) -> [MarketDataHealthAction] {
        let silent = watch.expire(now: now)
        return silent.isEmpty ? [] : [.resubscribeSilent(silent)]
    }

    /// Forgets farms and any watch: a new connection reports everything afresh.
    public mutating func reset() {
        farms.reset()
        watch.cancel()
        isServerLinkUp = true
    }

    private mutating func beginWatch<Keys: Sequence>(
        _ keys: Keys,
        now: SessionInstant
    ) -> [MarketDataHealthAction] where Keys.Element == SubscriptionKey {
        watch.begin(watching: keys, now: now, grace: grace)
        guard let deadline = watch.deadline else { return [] }
        return [.watchingForSilentFeeds(count: watch.pending.count, until: deadline)]
    }
}
