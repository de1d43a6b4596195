import Dashboard
import DashboardFeed
import DashboardRuntime
import TWSClient
import TWSSession
import TWSWire

/// Bookkeeping of the bridge: quote ids, quote tasks, resolved contracts, placed orders.
/// (The translation of client values into dashboard events is in `DashboardFeed`.)
extension BrokerBridge {
    /// The stable request id the dashboard knows `symbol`'s quotes by.
    func quoteID(for symbol: String) -> Int {
        state.withLock { state in
            if let id = state.quoteIDs[symbol] { return id }
            let id = state.nextQuoteID
            state.nextQuoteID += 1
            state.quoteIDs[symbol] = id
            return id
        }
    }

    /// Starts a quote subscription for `symbol` under request id `requestID`, ending the
    /// symbol's previous one; returns its feed tag.
    func beginQuoteSubscription(_ symbol: String, requestID: Int) -> Int {
        let (tag, previous) = state.withLock { state -> (Int, SubscriptionKey?) in
            let tag = state.nextQuoteTag
            state.nextQuoteTag += 1
            let previous = state.quoteTags[symbol].flatMap { state.quoteSubscriptions.removeValue(forKey: $0)?.key }
            state.quoteTags[symbol] = tag
            state.quoteSubscriptions[tag] = QuoteSubscription(symbol: symbol, requestID: requestID)
            return (tag, previous)
        }
        if let previous { Task { await client.cancelQuotes(previous) } }
        return tag
    }

    /// Records the client's key for the subscription `tag`; false when it ended meanwhile
    /// (the caller cancels it).
    func quoteSubscriptionMade(_ tag: Int, key: SubscriptionKey) -> Bool {
        state.withLock { state in
            guard state.quoteSubscriptions[tag] != nil else { return false }
            state.quoteSubscriptions[tag]?.key = key
            return true
        }
    }

    /// Ends `symbol`'s quote subscription; its events still in the feed are dropped.
    func endQuoteSubscription(_ symbol: String) {
        let key = state.withLock { state -> SubscriptionKey? in
            guard let tag = state.quoteTags.removeValue(forKey: symbol) else { return nil }
            return state.quoteSubscriptions.removeValue(forKey: tag)?.key
        }
        if let key { Task { await client.cancelQuotes(key) } }
    }

    /// One read's quote events, mapped to dashboard events and applied as one batch; events of
    /// subscriptions already ended are dropped.
    func quotesRead(_ events: [QuoteFeedEvent]) {
        let subscriptions = state.withLock { state in
            events.map { state.quoteSubscriptions[$0.tag].map { ($0.symbol, $0.requestID) } }
        }
        var batch: [ObservedEvent] = []
        batch.reserveCapacity(events.count)
        for (item, subscription) in zip(events, subscriptions) {
            guard let (symbol, requestID) = subscription,
                  let mapped = DashboardEvent(item.event, symbol: symbol, requestID: requestID) else { continue }
            batch.append(ObservedEvent(mapped, observedAt: item.event.observedAt))
        }
        store.send(batch: batch)
    }

    func stateContract(_ symbol: String) -> Contract? {
        state.withLock { $0.contracts[symbol] }
    }

    func rememberContract(_ contract: Contract, for symbol: String) {
        var contract = contract
        if contract.exchange.isEmpty { contract.exchange = "SMART" }
        state.withLock { $0.contracts[symbol] = contract }
    }

    /// Whether a notice concerns an order placed here (it then arrives on that order's stream).
    func isOrderNotice(_ notice: TWSNotice) -> Bool {
        notice.id >= 0 && state.withLock { $0.placedOrders.contains(notice.id) }
    }
}
