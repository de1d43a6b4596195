import Dashboard
import DashboardRuntime
import DashboardFeed
import Foundation
import Logging
import Synchronization
import TWSClient
import TWSSession
import TWSWire
import Vocabulary

/// Joins the TWS client to the dashboard: the client's streams become `DashboardEvent`s, and
/// the reducer's effects (subscribe, place, cancel) become client calls.
///
/// Quote subscriptions are keyed by symbol. The dashboard links notices to symbols by request
/// id, so each subscription gets a stable id of its own here, and a notice that arrives on a
/// symbol's stream (354, 10167, ...) is reported under that id. Every quote subscription is
/// made into one `QuoteFeed`: the ticks of one socket read reach the store as one batch,
/// applied under one lock with one wake-up of the render loop.
final class BrokerBridge: Sendable {
    let client: IBClient
    let store: DashboardStore
    let logger: Logger
    let state = Mutex(BridgeState())
    /// The one stream every quote subscription is made into.
    let quotes: QuoteFeed
    /// Symbols whose session bars are to be read for their sparkline, one request at a time.
    let sessionBars = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(256))

    /// One quote subscription: the symbol and request id its events are mapped to, and the
    /// client's key once the client made it.
    struct QuoteSubscription {
        var symbol: String
        var requestID: Int
        var key: SubscriptionKey?
    }

    struct BridgeState {
        /// Quote subscriptions by their feed tag.
        var quoteSubscriptions: [Int: QuoteSubscription] = [:]
        /// The current subscription's tag of every subscribed symbol.
        var quoteTags: [String: Int] = [:]
        var nextQuoteTag = 1
        var quoteIDs: [String: Int] = [:]
        var nextQuoteID = 1_000_000_000
        var contracts: [String: Contract] = [:]
        var streams: [Task<Void, Never>] = []
        /// Follows the account's orders once started (also read at once after a modification).
        var follower: AccountOrdersFollower?
        /// Whether the connection is usable (contract lookups wait for it).
        var isUsable = false
        /// Symbols to look up once the connection is usable.
        var unresolved: Set<String> = []
        /// Orders this bridge placed: their notices arrive on the order's own stream.
        var placedOrders: Set<Int> = []
        /// Whether the connection was ever usable.
        var wasUsable = false
        /// The client id last reported to the dashboard.
        var clientID: Int?
        /// Whether the P&L stream is followed.
        var followsPnL = false
        /// The detail view's book and trades, while it is open.
        var detailTasks: [Task<Void, Never>] = []
        /// The symbols whose session bars were asked for (once each per run).
        var barsAsked: Set<String> = []
        /// The positions whose own P&L (reqPnLSingle) is followed, by account and contract id.
        var followedPositionPnL: Set<String> = []
    }

    init(client: IBClient, store: DashboardStore, logger: Logger) {
        self.client = client
        self.store = store
        self.logger = logger
        quotes = client.makeQuoteFeed()
    }

    /// Starts following the connection, notices, positions, account values and P&L.
    func start() async {
        let connection = await client.connectionStates()
        let notices = await client.notices()
        let positions = await client.positions()
        let account = await client.accountUpdates()
        let orderIDs = await client.nextOrderIDs()
        let orderActivity = await client.orderActivity()
        let tasks = [
            Task { [self] in for await events in quotes.events { quotesRead(events) } },
            Task { [self] in await readSessionBars() },
            Task { [self] in for await status in connection { await connectionChanged(status) } },
            Task { [self] in
                for await notice in notices where !notice.concernsOneQuoteStream && !isOrderNotice(notice) {
                    store.send(.notice(Notice(notice, requestID: notice.id)), observedAt: notice.receivedAt)
                }
            },
            // Other ibterm processes place orders through the same gateway (one owner per
            // paper ledger), which then sends every client the new nextValidId: the dashboard's
            // next ticket takes an id nobody used.
            Task { [self] in
                for await next in orderIDs { store.send(.nextValidOrderID(next)) }
            },
            // Orders of this client id that this run did not place (an earlier run's; in a
            // replay, the recorded session's own orders), as the gateway reports them.
            Task { [self] in
                for await activity in orderActivity {
                    let thisClient = await client.clientID
                    for event in DashboardEvent.events(for: activity, thisClientID: thisClient) { store.send(event) }
                }
            },
            Task { [self] in
                for await event in positions {
                    guard case let .value(position) = event else { continue }
                    store.send(.position(PositionUpdate(position)))
                    await followPositionPnL(position)
                }
            },
            Task { [self] in
                for await event in account {
                    guard case let .value(update) = event else { continue }
                    switch update {
                    case let .value(value):
                        store.send(.accountValue(key: value.key, value: value.value, currency: value.currency, account: value.accountName))
                    case let .portfolio(item):
                        store.send(.position(PositionUpdate(item)))
                    case .updateTime:
                        break
                    }
                }
            },
        ]
        state.withLock { $0.streams.append(contentsOf: tasks) }
        await followAccountOrders()
    }

    /// Stops every stream and subscription.
    func stop() {
        let tasks = state.withLock { state -> [Task<Void, Never>] in
            defer { state.quoteSubscriptions = [:]; state.quoteTags = [:]; state.streams = [] }
            return state.streams
        }
        for task in tasks { task.cancel() }
    }

    // MARK: Connection

    /// Reports a connection change at the instant the client observed it, so the dashboard can
    /// order it against ticks and notices that travel on other streams.
    private func connectionChanged(_ status: TWSConnectionStatus) async {
        let at = status.at
        if let id = status.clientId, state.withLock({ $0.clientID != id }) {
            state.withLock { $0.clientID = id }
            store.send(.clientID(id), observedAt: at)
        }
        switch status.state {
        case .connecting, .handshaking:
            store.send(.connecting(gateway: store.snapshot().connection.gateway), observedAt: at)
        case let .usable(serverVersion, accounts):
            let next = await client.nextOrderID
            store.send(.connected(serverVersion: serverVersion, accounts: accounts, nextOrderID: next), observedAt: at)
            await followPnL(account: accounts.first ?? "")
            let pending = state.withLock { state -> Set<String> in
                state.isUsable = true
                state.wasUsable = true
                defer { state.unresolved = [] }
                return state.unresolved
            }
            for symbol in pending { Task { await resolve(symbol) } }
        case let .lost(.clientIDInUse(refused, .some(next))):
            // IB 326: the client connects at once as the next id; no loss to report.
            state.withLock { $0.isUsable = false; $0.clientID = next }
            store.send(.clientIDMoved(refused: refused, next: next), observedAt: at)
        case let .lost(reason):
            state.withLock { $0.isUsable = false }
            store.send(.connectionLost(reason: reason.plainDescription), observedAt: at)
        case let .reconnecting(attempt, nextTryIn):
            store.send(.reconnectScheduled(attempt: attempt, after: nextTryIn), observedAt: at)
        case .disconnected:
            // The stream starts with the current state; before the first connection that is
            // "disconnected", which is no loss.
            if state.withLock({ $0.wasUsable }) { store.send(.connectionLost(reason: "disconnected"), observedAt: at) }
        case let .connected(serverVersion, accounts):
            // Ticks flow again while the client resubscribes; a quote turns live only on a
            // change read after this instant.
            let next = await client.nextOrderID
            store.send(.connected(serverVersion: serverVersion, accounts: accounts, nextOrderID: next), observedAt: at)
        case .synchronizing:
            break
        }
    }

    private func followPnL(account: String) async {
        let first = state.withLock { state -> Bool in
            defer { state.followsPnL = true }
            return !state.followsPnL
        }
        guard !account.isEmpty, first else { return }
        let pnl = await client.profitAndLoss(account: account)
        let task = Task { [self] in
            for await event in pnl {
                if case let .value(value) = event {
                    store.send(.accountPnL(AccountPnL(daily: value.dailyPnL, unrealized: value.unrealizedPnL, realized: value.realizedPnL)))
                }
            }
        }
        state.withLock { $0.streams.append(task) }
    }

    /// Follows one position's daily, unrealized and realized P&L from the gateway (IB:
    /// reqPnLSingle), once per account and contract for the bridge's life; the client
    /// resubscribes it after a reconnect.
    private func followPositionPnL(_ position: PositionData) async {
        let conId = position.contract.conId
        let symbol = Watchlist.normalize(position.contract.symbol)
        guard conId != 0, !position.account.isEmpty else { return }
        let first = state.withLock { $0.followedPositionPnL.insert("\(position.account)/\(conId)").inserted }
        guard first else { return }
        let pnl = await client.profitAndLoss(account: position.account, conId: conId)
        let task = Task { [self] in
            for await event in pnl {
                if case let .value(value) = event {
                    store.send(.positionPnL(symbol: symbol, pnl: AccountPnL(
                        daily: value.dailyPnL, unrealized: value.unrealizedPnL, realized: value.realizedPnL)))
                }
            }
        }
        state.withLock { $0.streams.append(task) }
    }
}
