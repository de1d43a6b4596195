import TWSWire

/// What one subscription's stream receives for a decoded message, by the stream's kind.
package enum StreamDelivery: Sendable {
    /// For a quote stream.
    case quote(QuoteEvent)
    /// For a positions stream.
    case positions(SubscriptionEvent<PositionData>)
    /// For an account-updates stream.
    case account(SubscriptionEvent<AccountUpdate>)
    /// For an account-summary stream.
    case summary(SubscriptionEvent<AccountSummary>)
    /// For an account P&L stream.
    case pnl(SubscriptionEvent<PnL>)
    /// For a single position's P&L stream.
    case pnlSingle(SubscriptionEvent<PnLSingle>)
    /// For a market-depth stream: the whole book (see ``StreamRouter/flushDepth(_:)``).
    case depth(SubscriptionEvent<DepthBook>)
    /// For a tick-by-tick stream.
    case tickByTick(SubscriptionEvent<TickByTickEvent>)
}
