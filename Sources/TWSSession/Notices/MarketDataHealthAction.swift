/// What the I/O layer must do after a connectivity or farm notice, or when a silent-feed watch
/// expires. Returned by ``MarketDataHealthMonitor``.
public enum MarketDataHealthAction: Hashable, Sendable {
    /// A farm changed state; publish it on the notices stream (and mark that farm's quotes
    /// suspect when it broke).
    case farmChanged(FarmTransition)
    /// 1100 or 2110: TWS lost IB's servers. Mark every quote not live and warn loudly.
    case markAllQuotesNotLive
    /// 1101: the link is back but market data was lost. Resubscribe every market-data
    /// subscription (``SubscriptionTable/resubscribe(kind:ids:)``).
    case resubscribeAllMarketData
    /// 1102 or a data-farm recovery: these subscriptions must tick before `until`.
    case watchingForSilentFeeds(count: Int, until: SessionInstant)
    /// These subscriptions stayed silent through the grace period; resubscribe them
    /// (``SubscriptionTable/resubscribe(_:ids:)``).
    case resubscribeSilent([SubscriptionKey])
}
