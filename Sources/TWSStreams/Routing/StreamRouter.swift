import TWSSession
import TWSWire

/// The pure half of the client's inbound path for subscriptions: which subscription a decoded
/// message belongs to, and what its stream receives. Quote ticks are accumulated here, one
/// ``Quote`` per market-data subscription, each delivered with the fields its message carried
/// (``Quote/carried``) and the instant its bytes were read (``Quote/receivedAt``).
///
/// Order books are kept here too, one ``DepthBook`` per market-depth subscription: the rows of
/// one socket read change the book in place and ``flushDepth(_:)`` delivers each changed book
/// once, whole, after the read.
///
/// Messages that belong to no subscription (orders, notices, one-shot requests, the
/// connection's own messages) are not routed here.
package struct StreamRouter: Sendable {
    /// The quote of every market-data subscription, as accumulated so far.
    package private(set) var quotes: [SubscriptionKey: Quote] = [:]

    /// The order book of every market-depth subscription.
    package private(set) var depthBooks: [SubscriptionKey: DepthBook] = [:]
    /// The books changed since the last ``flushDepth(_:)``, in the order they first changed.
    private var changedDepth: [SubscriptionKey] = []

    /// A router with no quotes.
    package init() {}

    /// Starts keeping an empty book of at most `rows` rows a side for a new depth subscription.
    package mutating func openDepth(_ key: SubscriptionKey, rows: Int) {
        depthBooks[key] = DepthBook(rowLimit: rows)
    }

    /// Stops keeping the subscription's book.
    package mutating func closeDepth(_ key: SubscriptionKey) {
        depthBooks[key] = nil
        changedDepth.removeAll { $0 == key }
    }

    /// Empties the subscription's book: IB reset it (317), or it is being requested again and
    /// the gateway sends it whole.
    package mutating func resetDepth(_ key: SubscriptionKey) {
        depthBooks[key]?.removeAll()
    }

    /// Delivers every book changed since the last call, once each, whole, then forgets the
    /// changes. Called after each socket read.
    package mutating func flushDepth(_ deliver: (SubscriptionKey, StreamDelivery) -> Void) {
        guard !changedDepth.isEmpty else { return }
        let changed = changedDepth
        changedDepth.removeAll(keepingCapacity: true)
        for key in changed {
            if let book = depthBooks[key] { deliver(key, .depth(.value(book))) }
        }
    }

    /// Starts accumulating a quote for a new market-data subscription.
    package mutating func openQuote(_ key: SubscriptionKey, contract: Contract) {
        quotes[key] = Quote(contract: contract)
    }

    /// Stops accumulating the subscription's quote.
    package mutating func closeQuote(_ key: SubscriptionKey) {
        quotes[key] = nil
    }

    /// Forgets every quote.
    package mutating func removeAll() {
        quotes.removeAll()
        depthBooks.removeAll()
        changedDepth.removeAll()
    }

    /// Takes a quote off live until its next tick of market data (after a gap, 1100, or a
    /// message for it that could not be read).
    package mutating func markNotLive(_ key: SubscriptionKey) {
        quotes[key]?.isLive = false
    }

    /// Routes one decoded message read at `now`: calls `deliver` once for every subscription
    /// stream it belongs to, with what that stream receives; not at all for a message of no
    /// subscription's.
    package mutating func route(
        _ message: ServerMessage,
        table: SubscriptionTable<SubscriptionRequest>,
        now: SessionInstant,
        deliver: (SubscriptionKey, StreamDelivery) -> Void
    ) {
        switch message {
        case .tickPrice(let m): tick(m.reqId, table: table, now: now, deliver: deliver) { $0.apply(m) }
        case .tickSize(let m): tick(m.reqId, table: table, now: now, deliver: deliver) { $0.apply(m) }
        case .tickString(let m): tick(m.reqId, table: table, now: now, deliver: deliver) { $0.apply(m) }
        case .tickGeneric(let m): tick(m.reqId, table: table, now: now, deliver: deliver) { $0.carried = [] }
        case .marketDataType(let m):
            tick(m.reqId, table: table, now: now, deliver: deliver) {
                $0.apply(marketDataType: MarketDataType(rawValue: m.marketDataType))
            }
        case .position(let m): shared(.positions, table: table) { deliver($0, .positions(.value(m))) }
        case .positionEnd: shared(.positions, table: table) { deliver($0, .positions(.end)) }
        case .accountValue(let m): account(m.accountName, table: table) { deliver($0, .account(.value(.value(m)))) }
        case .portfolioValue(let m): account(m.accountName, table: table) { deliver($0, .account(.value(.portfolio(m)))) }
        case .accountUpdateTime(let m): account(nil, table: table) { deliver($0, .account(.value(.updateTime(m.timeStamp)))) }
        case .accountDownloadEnd(let m):
            shared(.accountUpdates(account: m.account), table: table) { deliver($0, .account(.end)) }
        case .accountSummary(let m): request(m.reqId, .accountSummary, table: table) { deliver($0, .summary(.value(m))) }
        case .accountSummaryEnd(let reqId): request(reqId, .accountSummary, table: table) { deliver($0, .summary(.end)) }
        case .pnl(let m): request(m.reqId, .profitAndLoss, table: table) { deliver($0, .pnl(.value(m))) }
        case .pnlSingle(let m): request(m.reqId, .profitAndLossSingle, table: table) { deliver($0, .pnlSingle(.value(m))) }
        case .marketDepth(let m):
            depth(m.reqId, table: table, now: now) {
                $0.apply(position: m.position, operation: m.operation, side: m.side, price: m.price, size: m.size)
            }
        case .marketDepthL2(let m):
            depth(m.reqId, table: table, now: now) {
                $0.apply(position: m.position, operation: m.operation, side: m.side, price: m.price, size: m.size, marketMaker: m.marketMaker)
            }
        case .tickByTick(let m):
            guard let event = Self.event(m, now: now) else { return }
            request(m.reqId, .tickByTick, table: table) { deliver($0, .tickByTick(.value(event))) }
        default: break
        }
    }

    // MARK: Owners

    /// A quote tick: applied to the subscription's quote, which is delivered with what it carried.
    private mutating func tick(
        _ reqId: Int, table: SubscriptionTable<SubscriptionRequest>, now: SessionInstant,
        deliver: (SubscriptionKey, StreamDelivery) -> Void, _ apply: (inout Quote) -> Void
    ) {
        guard let key = table.key(forRequestID: reqId) else { return }
        // Changed in place (one lookup, no copy out and back), then copied once to deliver.
        guard let index = quotes.index(forKey: key) else { return }
        apply(&quotes.values[index])
        quotes.values[index].receivedAt = now
        // Only market data is proof that data flows: a data-type change or a generic tick
        // repeats what the request set up and says nothing about the feed.
        if quotes.values[index].carried.carriesMarketData {
            quotes.values[index].isLive = true
            quotes.values[index].updatedAt = now
        }
        deliver(key, .quote(.update(quotes.values[index])))
    }

    /// A row of a book: applied to the subscription's book, which is delivered by the next
    /// ``flushDepth(_:)`` when it changed.
    private mutating func depth(
        _ reqId: Int, table: SubscriptionTable<SubscriptionRequest>, now: SessionInstant, _ apply: (inout DepthBook) -> Bool
    ) {
        guard let subscription = table.subscription(forRequestID: reqId), subscription.request.kind == .marketDepth,
              let index = depthBooks.index(forKey: subscription.key), apply(&depthBooks.values[index]) else { return }
        depthBooks.values[index].receivedAt = now
        if !changedDepth.contains(subscription.key) { changedDepth.append(subscription.key) }
    }

    /// The client's value of a TICK_BY_TICK message; `nil` for tick type 0, which carries nothing.
    static func event(_ m: TickByTick, now: SessionInstant) -> TickByTickEvent? {
        let value: TickByTickEvent.Value
        switch m.payload {
        case let .trade(_, price, size, mask, exchange, conditions):
            value = .trade(price: price, size: size, exchange: exchange, conditions: conditions,
                           pastLimit: mask & 1 != 0, unreported: mask & 2 != 0)
        case let .bidAsk(bid, ask, bidSize, askSize, _):
            value = .bidAsk(bid: bid, ask: ask, bidSize: bidSize, askSize: askSize)
        case .midPoint(let mid):
            value = .midpoint(mid)
        case .none:
            return nil
        }
        return TickByTickEvent(time: Timestamp(secondsSinceEpoch: Int64(m.time)), value: value, receivedAt: now)
    }

    /// A message answering a request id of the given kind.
    private func request(
        _ reqId: Int, _ kind: SubscriptionKind, table: SubscriptionTable<SubscriptionRequest>, _ body: (SubscriptionKey) -> Void
    ) {
        guard let subscription = table.subscription(forRequestID: reqId), subscription.request.kind == kind else { return }
        body(subscription.key)
    }

    /// A message without a request id: every subscription sent as `request`.
    private func shared(
        _ request: SubscriptionRequest, table: SubscriptionTable<SubscriptionRequest>, _ body: (SubscriptionKey) -> Void
    ) {
        // Only this kind's subscriptions: sorting every quote subscription per account message
        // cost more than the rest of the account path.
        for key in table.keys(of: request.kind) {
            guard let subscription = table[key], subscription.request == request, subscription.requestID != nil else { continue }
            body(key)
        }
    }

    /// An account message: every account-updates subscription for `account` (or for any, when
    /// the message names none or the subscription named none).
    private func account(_ account: String?, table: SubscriptionTable<SubscriptionRequest>, _ body: (SubscriptionKey) -> Void) {
        for key in table.keys(of: .accountUpdates) {
            guard let subscription = table[key], subscription.requestID != nil,
                case .accountUpdates(let subscribed) = subscription.request,
                account == nil || subscribed.isEmpty || subscribed == account
            else { continue }
            body(key)
        }
    }
}
