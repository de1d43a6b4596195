import Dashboard
import DashboardFeed
import DashboardRuntime
import TWSClient
import TWSWire
import Vocabulary

/// The facts the dashboard's order ticket checks, gathered for one order of `ibterm order`:
/// the connection and account, the account's values (net liquidation) and position, the
/// contract's minimum tick, and a reference quote read for a short while.
///
/// They go into a ``DashboardStore`` as the dashboard's own events (through the same mapping,
/// DashboardFeed), so ``Dashboard/DashboardState/ticketContext(for:)`` builds the very context the
/// dashboard's ticket would check: the quote's freshness on evidence with the configured
/// thresholds, the configured `[ticket]` limits and `allow_live`.
struct OrderGuardFacts {
    /// The request id the quote's notices are filed under in the store (the command subscribes
    /// to one quote).
    static let quoteRequestID = 1
    /// The longest wait for a reference quote that can be judged.
    static let quoteWaitLimit: Duration = .seconds(5)

    let store: DashboardStore
    let clock: any TWSClock

    /// A store holding `config`, on the client's monotonic `clock` (ticks are stamped on it).
    init(config: DashboardConfig, clock: any TWSClock) {
        self.clock = clock
        store = DashboardStore(config: config, clock: clock, perform: { _ in }, changed: {})
    }

    /// Gathers the facts for `symbol` (looked up as `contract`) on `client`, which must be
    /// usable, and returns the ticket's context: account values and positions until the
    /// gateway's download ends, the contract details, and quotes until one can be judged (live
    /// with bid and ask, or dead, or not live with both sides) or the time limit passes. Every
    /// wait ends within `limit`.
    func context(for symbol: String, contract: Contract, instrumentClass: InstrumentClass, client: IBClient, within limit: Duration) async -> TicketContext {
        let status = await client.connectionStatus
        if case let .usable(serverVersion, accounts) = status.state {
            store.send(.connected(serverVersion: serverVersion, accounts: accounts, nextOrderID: await client.nextOrderID), observedAt: status.at)
        }
        store.send(.quoteRequested(symbol: symbol, requestID: Self.quoteRequestID, instrumentClass: instrumentClass))
        let quotes = await client.subscribeQuotes(contract)
        let account = await client.accountUpdates()
        let quoteLimit = min(limit, Self.quoteWaitLimit)
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await readQuote(quotes, symbol: symbol, within: quoteLimit) }
            group.addTask { await readAccount(account, within: limit) }
            group.addTask { await resolve(contract, symbol: symbol, instrumentClass: instrumentClass, client: client) }
            await group.waitForAll()
        }
        store.send(.clockTick)
        return store.snapshot().ticketContext(for: symbol)
    }

    /// Feeds quote events until the quote can be judged or `limit` passed.
    private func readQuote(_ stream: AsyncStream<QuoteEvent>, symbol: String, within limit: Duration) async {
        await Self.first(within: limit) {
            for await event in stream {
                if let mapped = DashboardEvent(event, symbol: symbol, requestID: Self.quoteRequestID) {
                    store.send(mapped, observedAt: event.observedAt)
                }
                if case let .notice(notice) = event, Self.endsTheRequest(notice) { return }
                if isJudgeable(symbol) { return }
            }
        }
    }

    /// Whether the quote's freshness is settled enough to check: live with both sides, or a
    /// state more ticks will not change (no entitlement; delayed, frozen or halted with both
    /// sides).
    private func isJudgeable(_ symbol: String) -> Bool {
        let state = store.snapshot()
        guard let freshness = state.quotes.freshness(of: symbol, at: clock.now())?.state else { return false }
        if freshness == .noEntitlement { return true }
        let quote = state.quotes.tracked(symbol)?.quote
        let bothSides = quote?.bid != nil && quote?.ask != nil
        return bothSides && [.live, .delayed, .frozen, .halted].contains(freshness)
    }

    /// Whether IB's notice means the quote request is dead (no contract, no entitlement), as
    /// the message catalog says.
    static func endsTheRequest(_ notice: TWSNotice) -> Bool {
        let entry = MessageCatalog.entryOrUnknown(for: notice.code, ibText: notice.message)
        return entry.severity == .error && entry.requestIsDead
    }

    /// Feeds account values and portfolio positions until the initial download ended.
    private func readAccount(_ stream: AsyncStream<SubscriptionEvent<AccountUpdate>>, within limit: Duration) async {
        await Self.first(within: limit) {
            for await event in stream {
                switch event {
                case let .value(.value(value)):
                    store.send(.accountValue(key: value.key, value: value.value, currency: value.currency, account: value.accountName))
                case let .value(.portfolio(item)):
                    store.send(.position(PositionUpdate(item)))
                case .end:
                    return
                default:
                    continue
                }
            }
        }
    }

    /// Looks the contract up for its minimum tick, as the dashboard does; an unknown contract
    /// leaves the dashboard's default tick.
    private func resolve(_ contract: Contract, symbol: String, instrumentClass: InstrumentClass, client: IBClient) async {
        guard let details = try? await client.contractDetails(contract).first else { return }
        store.send(.contractResolved(symbol: symbol, contract: ContractSummary(
            symbol: symbol, contractID: details.contract.conId, instrumentClass: instrumentClass, minimumTick: details.minTick,
            primaryExchange: details.contract.primaryExchange, currency: details.contract.currency, longName: details.longName)))
    }

    /// Runs `body` until it returns or `limit` passed, whichever is first.
    private static func first(within limit: Duration, _ body: @escaping @Sendable () async -> Void) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await body() }
            group.addTask { try? await Task.sleep(for: limit) }
            await group.next()
            group.cancelAll()
        }
    }
}

extension InstrumentClass {
    /// The class of IB's security type (`STK`, `OPT`, `FUT`, `CASH`, `IND`, `CRYPTO`), which
    /// selects the staleness threshold; anything else counts as a stock.
    init(secType: String) {
        switch secType.uppercased() {
        case "OPT", "FOP": self = .option
        case "FUT": self = .future
        case "CASH": self = .forex
        case "IND": self = .index
        case "CRYPTO": self = .crypto
        default: self = .stock
        }
    }
}
