import TWSSession
import TWSWire
import Vocabulary

/// Market data, account, position and P&L subscriptions.
extension IBClient {
    /// Streams quotes for `contract` (IB: reqMktData). The subscription is re-sent after
    /// every reconnect and after 1101, and cancelled when the stream is dropped.
    ///
    /// - Parameter genericTicks: extra generic tick ids, comma-separated (e.g. `233`).
    public func subscribeQuotes(_ contract: Contract, genericTicks: String = "") -> AsyncStream<QuoteEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: QuoteEvent.self, bufferingPolicy: .bufferingNewest(4096))
        let key = subscribe(.marketData(contract, genericTicks: genericTicks), sink: .quote(continuation))
        router.openQuote(key, contract: contract)
        continuation.onTermination = { [weak self] _ in Task { await self?.unsubscribe(key) } }
        return stream
    }

    /// A stream for many quote subscriptions, one array of events per socket read: see
    /// ``QuoteFeed``. Subscribe into it with ``subscribeQuotes(_:genericTicks:feed:tag:)``.
    public nonisolated func makeQuoteFeed() -> QuoteFeed {
        let (stream, continuation) = AsyncStream.makeStream(of: [QuoteFeedEvent].self, bufferingPolicy: .bufferingNewest(4096))
        let buffer = QuoteFeedBuffer(continuation: continuation)
        let id = buffer.id
        continuation.onTermination = { [weak self, weak buffer] _ in
            buffer?.close()
            Task { await self?.closeQuoteFeed(id) }
        }
        return QuoteFeed(events: stream, buffer: buffer)
    }

    /// Streams quotes for `contract` into `feed`, each event named by `tag` (IB: reqMktData);
    /// `delayed` asks for delayed data for this subscription only (IB: reqMarketDataType(3)
    /// just before it, the connection's type again just after, also on every resubscription).
    /// Re-sent after every reconnect and after 1101, like ``subscribeQuotes(_:genericTicks:)``;
    /// cancelled by ``cancelQuotes(_:)`` or when the feed's stream is dropped.
    ///
    /// - Returns: the subscription's key, for ``cancelQuotes(_:)``.
    @discardableResult
    public func subscribeQuotes(
        _ contract: Contract, genericTicks: String = "", feed: QuoteFeed, tag: Int, delayed: Bool = false
    ) -> SubscriptionKey {
        let request: SubscriptionRequest = delayed
            ? .delayedMarketData(contract, genericTicks: genericTicks) : .marketData(contract, genericTicks: genericTicks)
        let key = subscribe(request, sink: .feed(feed.buffer, tag: tag))
        router.openQuote(key, contract: contract)
        if feed.buffer.isClosed {
            unsubscribe(key)
        } else {
            quoteFeeds[feed.buffer.id] = feed.buffer
        }
        return key
    }

    /// Cancels a quote subscription made into a feed (IB: cancelMktData). Events of it already
    /// read may still be in the feed.
    public func cancelQuotes(_ key: SubscriptionKey) {
        guard let sink = sinks[key], case .feed = sink.target else { return }
        unsubscribe(key)
    }

    /// Chooses live, frozen, delayed or delayed-frozen data for later quote subscriptions
    /// (IB: reqMarketDataType). Kept across reconnects.
    public func setMarketDataType(_ type: MarketDataType) {
        requestedMarketDataType = type
        if machine.state.isUsable { send(.requestMarketDataType(type.rawValue)) }
    }

    /// Streams every position of every account (IB: reqPositions).
    public func positions() -> AsyncStream<SubscriptionEvent<PositionData>> {
        let (stream, continuation) = AsyncStream.makeStream(of: SubscriptionEvent<PositionData>.self)
        let key = subscribe(.positions, sink: .positions(continuation))
        continuation.onTermination = { [weak self] _ in Task { await self?.unsubscribe(key) } }
        return stream
    }

    /// Streams one account's values, portfolio and update time (IB: reqAccountUpdates).
    /// With an empty `account` the connection's first managed account is used.
    public func accountUpdates(account: String = "") -> AsyncStream<SubscriptionEvent<AccountUpdate>> {
        let (stream, continuation) = AsyncStream.makeStream(of: SubscriptionEvent<AccountUpdate>.self)
        let account = account.isEmpty ? (session?.accounts.first ?? "") : account
        let key = subscribe(.accountUpdates(account: account), sink: .account(continuation))
        continuation.onTermination = { [weak self] _ in Task { await self?.unsubscribe(key) } }
        return stream
    }

    /// Streams account-summary tags (IB: reqAccountSummary), e.g. `NetLiquidation,BuyingPower`.
    public func accountSummary(tags: String, group: String = "All") -> AsyncStream<SubscriptionEvent<AccountSummary>> {
        let (stream, continuation) = AsyncStream.makeStream(of: SubscriptionEvent<AccountSummary>.self)
        let key = subscribe(.accountSummary(group: group, tags: tags), sink: .summary(continuation))
        continuation.onTermination = { [weak self] _ in Task { await self?.unsubscribe(key) } }
        return stream
    }

    /// Streams an account's daily, unrealized and realized P&L (IB: reqPnL). Unknown values
    /// are `nil`.
    public func profitAndLoss(account: String, modelCode: String = "") -> AsyncStream<SubscriptionEvent<PnL>> {
        let (stream, continuation) = AsyncStream.makeStream(of: SubscriptionEvent<PnL>.self)
        let key = subscribe(.profitAndLoss(account: account, modelCode: modelCode), sink: .pnl(continuation))
        continuation.onTermination = { [weak self] _ in Task { await self?.unsubscribe(key) } }
        return stream
    }

    /// Streams one position's P&L (IB: reqPnLSingle). Unknown values are `nil`.
    public func profitAndLoss(
        account: String, conId: Int, modelCode: String = ""
    ) -> AsyncStream<SubscriptionEvent<PnLSingle>> {
        let (stream, continuation) = AsyncStream.makeStream(of: SubscriptionEvent<PnLSingle>.self)
        let request = SubscriptionRequest.profitAndLossSingle(account: account, modelCode: modelCode, conId: conId)
        let key = subscribe(request, sink: .pnlSingle(continuation))
        continuation.onTermination = { [weak self] _ in Task { await self?.unsubscribe(key) } }
        return stream
    }

    // MARK: Internals

    /// Adds a subscription; sends it now when the connection is up, else on (re)connect.
    func subscribe(_ request: SubscriptionRequest, sink: SubscriptionSink.Target) -> SubscriptionKey {
        let sharedAlreadyLive = request.isShared
            && table.subscriptions.contains { $0.request == request && $0.requestID != nil }
        let (key, requestID) = table.add(request.kind, request: request, ids: &requestIDs)
        sinks[key] = SubscriptionSink(sink)
        if let requestID, !sharedAlreadyLive {
            sendSubscription(request, reqId: requestID)
            rearmTimer()
        }
        return key
    }

    /// Forgets a feed whose stream ended and cancels its subscriptions.
    private func closeQuoteFeed(_ id: ObjectIdentifier) {
        guard quoteFeeds.removeValue(forKey: id) != nil else { return }
        let keys = sinks.compactMap { key, sink -> SubscriptionKey? in
            if case .feed(let feed, _) = sink.target, feed.id == id { return key }
            return nil
        }
        for key in keys.sorted() { unsubscribe(key) }
    }

    /// Removes a subscription whose stream ended and cancels it on the wire.
    func unsubscribe(_ key: SubscriptionKey) {
        sinks[key] = nil
        router.closeQuote(key)
        router.closeDepth(key)
        health.subscriptionRemoved(key)
        guard let removed = table.remove(key), let requestID = removed.requestID else { return }
        if removed.request.isShared, table.subscriptions.contains(where: { $0.request == removed.request }) { return }
        send(removed.request.cancel(reqId: requestID))
        rearmTimer()
    }
}
