import Dashboard
import DashboardFeed
import DashboardRuntime
import Foundation
import Logging
import PortalAPI
import Synchronization
import TWSClient
import TWSStreams

/// Keeps the screen current from the Client Portal while the socket link is down (issue #17).
///
/// The socket link is primary. Once it has been down for ``engageAfter`` the portal becomes the
/// source: positions and account values are read every ``accountInterval``, the orders every
/// ``ordersInterval`` (IB allows `/iserver/account/orders` once per 5 s), and the watchlist's
/// snapshots every ``quotesInterval``; each read is shown with `REST` and its age, quotes as
/// POLLED. When the socket link is usable again the portal stands by, at once.
final class PortalFailoverDriver: Sendable {
    let client: IBClient
    let portal: any PortalReader
    let store: DashboardStore
    let logger: Logger
    let engageAfter: Duration
    let accountInterval: Duration
    let ordersInterval: Duration
    let quotesInterval: Duration
    /// How often the session is kept alive while the portal stands by (IB: tickle about once
    /// a minute; an idle session ends after about 5).
    let keepAliveInterval: Duration

    private struct State {
        var socketUsable = false
        var downSince = ContinuousClock.now
        var engaged = false
        var account: String?
        var conids: [String: Int] = [:]
        var unknownSymbols: Set<String> = []
    }

    private let state = Mutex(State())
    /// Questions waiting for the trader, by reply id.
    let questions = Mutex<[String: CheckedContinuation<Bool, Never>]>([:])

    init(
        client: IBClient, portal: any PortalReader, store: DashboardStore, logger: Logger, engageAfter: Duration = .seconds(2),
        accountInterval: Duration = .seconds(3), ordersInterval: Duration = .milliseconds(5_500), quotesInterval: Duration = .seconds(2),
        keepAliveInterval: Duration = .seconds(60)
    ) {
        self.keepAliveInterval = keepAliveInterval
        self.client = client
        self.portal = portal
        self.store = store
        self.logger = logger
        self.engageAfter = engageAfter
        self.accountInterval = accountInterval
        self.ordersInterval = ordersInterval
        self.quotesInterval = quotesInterval
    }

    /// Follows the socket link and reads over the portal while it is down; the tasks end when
    /// cancelled.
    func start() async -> [Task<Void, Never>] {
        store.send(.portalConfigured(portal: portal.address))
        let states = await client.connectionStates()
        let follow = Task { [self] in
            for await status in states {
                let usable = if case .usable = status.state { true } else { false }
                state.withLock { state in
                    if state.socketUsable, !usable { state.downSince = .now }
                    state.socketUsable = usable
                }
            }
        }
        let run = Task { [self] in await loop() }
        return [follow, run]
    }

    private func loop() async {
        var lastAccount: ContinuousClock.Instant?
        var lastOrders: ContinuousClock.Instant?
        var lastQuotes: ContinuousClock.Instant?
        var lastKeepAlive: ContinuousClock.Instant?
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(250))
            let now = ContinuousClock.now
            let (usable, downSince, engaged) = state.withLock { ($0.socketUsable, $0.downSince, $0.engaged) }
            if usable {
                if engaged {
                    state.withLock { $0.engaged = false }
                    logger.info("socket link usable again: the Client Portal stands by")
                    store.send(.portalEngaged(false))
                }
                // Standing by: the session is kept alive, so that it can stand in at once.
                if lastKeepAlive.map({ now - $0 >= keepAliveInterval }) ?? true {
                    lastKeepAlive = now
                    await keepAlive()
                }
                continue
            }
            if !engaged {
                guard now - downSince >= engageAfter else { continue }
                state.withLock { $0.engaged = true }
                logger.info("socket link down for \(engageAfter): reading from the Client Portal at \(portal.address)")
                store.send(.portalEngaged(true))
                lastAccount = nil
                lastOrders = nil
                lastQuotes = nil
            }
            func due(_ last: ContinuousClock.Instant?, _ interval: Duration) -> Bool { last.map { now - $0 >= interval } ?? true }
            do {
                if due(lastAccount, accountInterval) {
                    lastAccount = now
                    try await readAccount()
                }
                if due(lastOrders, ordersInterval) {
                    lastOrders = now
                    try await readOrders()
                }
                if due(lastQuotes, quotesInterval) {
                    lastQuotes = now
                    try await readQuotes()
                }
            } catch {
                logger.info("client portal read failed: \(error)")
                store.send(.portalFailed(reason: "\(error)"))
            }
        }
    }

    /// Tickles the portal's session (reauthenticating it if needed); a failure is told once.
    private func keepAlive() async {
        do {
            try await portal.keepAlive()
            store.send(.portalRead(.session))
        } catch {
            logger.info("client portal keep-alive failed: \(error)")
            store.send(.portalFailed(reason: "\(error)"))
        }
    }

    func account() async throws -> String {
        if let known = state.withLock({ $0.account }) { return known }
        let account = try await portal.selectedAccount()
        state.withLock { $0.account = account }
        return account
    }

    private func readAccount() async throws {
        let account = try await account()
        let positions = try await portal.positions(account: account)
        guard stillEngaged else { return }
        store.send(.portalPositions(positions))
        let summary = try await portal.summary(account: account)
        guard stillEngaged else { return }
        for event in DashboardEvent.portalAccount(summary, account: account) { store.send(event) }
    }

    private func readOrders() async throws {
        let orders = try await portal.liveOrders()
        guard stillEngaged else { return }
        for event in DashboardEvent.portalOrders(orders) { store.send(event) }
    }

    /// The conid of a symbol, looked up once.
    func conid(for symbol: String) async throws -> Int? {
        let (known, unknown) = state.withLock { ($0.conids[symbol], $0.unknownSymbols.contains(symbol)) }
        if let known { return known }
        guard !unknown else { return nil }
        if let conid = try await portal.conid(symbol: symbol) {
            state.withLock { $0.conids[symbol] = conid }
            return conid
        }
        state.withLock { _ = $0.unknownSymbols.insert(symbol) }
        return nil
    }

    /// Snapshots of the watchlist's symbols (their conids looked up once).
    private func readQuotes() async throws {
        let symbols = store.snapshot().watchlist.symbols
        var bySymbol: [Int: String] = [:]
        for symbol in symbols {
            if let conid = try await conid(for: symbol) { bySymbol[conid] = symbol }
        }
        guard !bySymbol.isEmpty else { return }
        let snapshots = try await portal.snapshots(conids: bySymbol.keys.sorted())
        guard stillEngaged else { return }
        for snapshot in snapshots {
            guard let symbol = bySymbol[snapshot.conid], let event = DashboardEvent.portalQuote(snapshot, symbol: symbol) else { continue }
            store.send(event)
        }
        store.send(.portalRead(.quotes))
    }

    /// Whether the portal is still the source (a read that ends after the socket link came
    /// back is dropped: the socket's answers are newer).
    private var stillEngaged: Bool { state.withLock { $0.engaged && !$0.socketUsable } }
}
