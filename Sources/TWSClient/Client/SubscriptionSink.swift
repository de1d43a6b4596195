import TWSWire

/// Where one subscription's events go, with its gap bookkeeping.
struct SubscriptionSink: Sendable {
    enum Target: Sendable {
        case quote(AsyncStream<QuoteEvent>.Continuation)
        /// A quote subscription made into a shared feed, with its subscriber's tag.
        case feed(QuoteFeedBuffer, tag: Int)
        case positions(AsyncStream<SubscriptionEvent<PositionData>>.Continuation)
        case account(AsyncStream<SubscriptionEvent<AccountUpdate>>.Continuation)
        case summary(AsyncStream<SubscriptionEvent<AccountSummary>>.Continuation)
        case pnl(AsyncStream<SubscriptionEvent<PnL>>.Continuation)
        case pnlSingle(AsyncStream<SubscriptionEvent<PnLSingle>>.Continuation)
        case depth(AsyncStream<SubscriptionEvent<DepthBook>>.Continuation)
        case tickByTick(AsyncStream<SubscriptionEvent<TickByTickEvent>>.Continuation)
    }

    let target: Target
    /// Whether this is a quote subscription (on a stream of its own or in a feed).
    var isQuote: Bool {
        switch target {
        case .quote, .feed: true
        default: false
        }
    }
    /// Whether a gap was reported and no resumption since.
    var inGap = false

    init(_ target: Target) {
        self.target = target
    }

    /// Reports a gap once until the next resumption.
    mutating func gap(_ gap: StreamGap) {
        guard !inGap else { return }
        inGap = true
        switch target {
        case .quote(let c): c.yield(.gap(gap))
        case .feed(let feed, let tag): feed.yield(QuoteFeedEvent(tag: tag, event: .gap(gap)))
        case .positions(let c): c.yield(.gap(gap))
        case .account(let c): c.yield(.gap(gap))
        case .summary(let c): c.yield(.gap(gap))
        case .pnl(let c): c.yield(.gap(gap))
        case .pnlSingle(let c): c.yield(.gap(gap))
        case .depth(let c): c.yield(.gap(gap))
        case .tickByTick(let c): c.yield(.gap(gap))
        }
    }

    /// Reports that the subscription was re-sent, when a gap is open.
    mutating func resumed() {
        guard inGap else { return }
        inGap = false
        switch target {
        case .quote(let c): c.yield(.resumed)
        case .feed(let feed, let tag): feed.yield(QuoteFeedEvent(tag: tag, event: .resumed))
        case .positions(let c): c.yield(.resumed)
        case .account(let c): c.yield(.resumed)
        case .summary(let c): c.yield(.resumed)
        case .pnl(let c): c.yield(.resumed)
        case .pnlSingle(let c): c.yield(.resumed)
        case .depth(let c): c.yield(.resumed)
        case .tickByTick(let c): c.yield(.resumed)
        }
    }

    /// Forwards a gateway notice about this subscription.
    func notice(_ notice: TWSNotice) {
        switch target {
        case .quote(let c): c.yield(.notice(notice))
        case .feed(let feed, let tag): feed.yield(QuoteFeedEvent(tag: tag, event: .notice(notice)))
        case .positions(let c): c.yield(.notice(notice))
        case .account(let c): c.yield(.notice(notice))
        case .summary(let c): c.yield(.notice(notice))
        case .pnl(let c): c.yield(.notice(notice))
        case .pnlSingle(let c): c.yield(.notice(notice))
        case .depth(let c): c.yield(.notice(notice))
        case .tickByTick(let c): c.yield(.notice(notice))
        }
    }

    /// Ends the stream.
    func finish() {
        switch target {
        case .quote(let c): c.finish()
        case .feed: break  // the feed outlives its subscriptions
        case .positions(let c): c.finish()
        case .account(let c): c.finish()
        case .summary(let c): c.finish()
        case .pnl(let c): c.finish()
        case .pnlSingle(let c): c.finish()
        case .depth(let c): c.finish()
        case .tickByTick(let c): c.finish()
        }
    }
}
