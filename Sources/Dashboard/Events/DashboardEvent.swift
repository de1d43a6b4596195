import Vocabulary

/// Everything that can happen to the dashboard, in IB's terms: what the gateway reported, what
/// the app did on the reducer's behalf, the passing of time, and what the trader asked for.
///
/// The app layer maps `IBClient` events to these values (so this target does not depend on
/// `TWSWire`); time comes with each event as `apply(_:at:)`'s `EventTime`.
public enum DashboardEvent: Sendable, Hashable {
    // MARK: Lifecycle and connection

    /// The app is up: the reducer emits the watchlist's subscriptions and contract lookups.
    case started
    /// A connection attempt to `gateway` (`host:port`) began.
    case connecting(gateway: String)
    /// The handshake finished. IB: server version, `managedAccounts`, `nextValidId`.
    case connected(serverVersion: Int, accounts: [String], nextOrderID: Int?)
    /// The socket to TWS closed; `reason` in words.
    case connectionLost(reason: String)
    /// A reconnect is scheduled: attempt number and how long after this event it will be tried.
    case reconnectScheduled(attempt: Int, after: Duration)
    /// IB: `nextValidId` (inbound 9): the lowest order id the gateway accepts.
    case nextValidOrderID(Int)
    /// The connection uses (or is trying) this API client id.
    case clientID(Int)
    /// The gateway refused client id `refused` as in use (IB 326); the dashboard connects at
    /// once as `next`, the next id of its range.
    case clientIDMoved(refused: Int, next: Int)

    // MARK: Market data

    /// The app sent a market-data request (`reqMktData`) for `symbol` with ticker id
    /// `requestID`, a first request or a resubscription.
    case quoteRequested(symbol: String, requestID: Int, instrumentClass: InstrumentClass)
    /// Ticks for one symbol, merged by the app.
    case quote(QuoteUpdate)
    /// IB: `marketDataType(reqId, type)` (inbound 58).
    case marketDataType(requestID: Int, type: MarketDataType)
    /// IB: `error(reqId, code, text)` (inbound 4): errors, warnings and notices.
    case notice(Notice)
    /// The answer to a contract-details request for `symbol`; `nil` when IB knows no such
    /// contract (error 200, or an empty `contractDetailsEnd`).
    case contractResolved(symbol: String, contract: ContractSummary?)

    // MARK: Account and portfolio

    /// IB: `position` (inbound 61) or `updatePortfolio` (inbound 7).
    case position(PositionUpdate)
    /// IB: `updateAccountValue(key, value, currency, account)` (inbound 6).
    case accountValue(key: String, value: String, currency: String, account: String)
    /// IB: `pnl` (inbound 94).
    case accountPnL(AccountPnL)
    /// IB: `pnlSingle` (inbound 95), mapped by the app from its request id to the symbol.
    case positionPnL(symbol: String, pnl: AccountPnL)

    // MARK: Orders

    /// The answer to `DashboardEffect.requestWhatIf` number `serial`: answered, refused (with
    /// IB's reason), or unanswered (timed out, link lost).
    case whatIf(serial: Int, WhatIfStatus)

    /// IB: `openOrder` (inbound 5).
    case openOrder(OpenOrderSnapshot)
    /// IB: `orderStatus` (inbound 3).
    case orderStatus(OrderStatusReport)
    /// IB: `execDetails` (inbound 11).
    case execution(FillReport)
    /// IB: `commissionReport` (inbound 59).
    case commission(executionID: String, commission: Double, realizedPnL: Double?)
    /// IB: `completedOrder` (inbound 101): an order of the day that is filled, cancelled or
    /// rejected, from `reqCompletedOrders`.
    case completedOrder(CompletedOrderReport)
    /// The app could not carry out a cancel: `reason` in plain words (the order's owner is
    /// connected, the gateway refused, ...).
    case cancelRefused(orderID: Int, reason: String)
    /// The desk's bridge sent this screen's orders under other ids (`from[i]` went out as
    /// `to[i]`): another screen of the desk had taken them a moment before.
    case ordersRenumbered(from: [Int], to: [Int])
    /// The desk's bridge did not carry out this screen's command for `orderIDs`: `what` in
    /// words (`Order 12`, `The cancel of order 12`), `reason` why; `placement` when the orders
    /// were never sent.
    case deskCommandRefused(orderIDs: [Int], placement: Bool, what: String, reason: String)
    /// The desk's bridge has not answered this screen's command for `orderIDs` in `seconds`
    /// (`what` in words): the orders keep their state, with a note that says so.
    case deskCommandUnanswered(orderIDs: [Int], what: String, seconds: Int)

    // MARK: Time and the trader

    /// The clock moved (the app sends one at least every second so ages and countdowns move).
    case clockTick
    /// The command lines saved by an earlier run (oldest first), read at start.
    case commandHistoryLoaded([String])
    /// The watchlists saved by an earlier run, read at start (before `.started`); they replace
    /// the config's list.
    case watchlistsLoaded(SavedWatchlists)
    /// The session's closes of `symbol` so far (historical bars' closes, oldest first), which
    /// seed its sparkline; live trades continue it.
    case sessionBarsLoaded(symbol: String, closes: [Double])
    /// The configuration's warnings (unknown keys, bad values), one sentence each, at start.
    case configWarnings([String])
    /// The trader asked for something.
    case user(UserIntent)
    /// The alerts saved with the state, read at start.
    case alertsLoaded([AlertRecord])
    /// The symbol matcher's answer for `query` (or why it failed).
    case symbolSearchResults(query: String, results: [SymbolSearchResult], failure: String?)
    /// A chosen search result could not be qualified (no contract, no front month).
    case instrumentNotQualified(symbol: String, reason: String)
    /// The detail view's bars (closes, oldest first), or why they were refused.
    case detailBars(symbol: String, range: SymbolDetail.Range, closes: [Double], failure: String?)
    /// The detail view's whole depth book, or why it was refused.
    case detailDepth(symbol: String, bids: [DepthLevel], asks: [DepthLevel], failure: String?)
    /// A trade of the detail view's time & sales, or why they were refused.
    case detailTrade(symbol: String, time: Timestamp, price: Double, size: Double?, failure: String?)
    /// The flight recorder's ring was written to `path` (`records` records), or could not be
    /// (`failure`, in words; `path` then says where it was to go, if known).
    case traceDumped(path: String?, records: Int, failure: String?)
    /// Where the replay stands in its recording (`ibterm replay` reports it while it plays).
    case replayProgress(ReplayProgress)
    /// A Client Portal is configured as the socket link's failover (`--portal`, `portal =`).
    case portalConfigured(portal: String)
    /// The socket link is down: the portal becomes the source (`true`), or the socket link is
    /// back and the portal stands by again (`false`).
    case portalEngaged(Bool)
    /// Every position of the account, read over the portal: positions not listed are closed.
    case portalPositions([PositionUpdate])
    /// A snapshot read over the portal while the socket link is down: the quote shows `polled`
    /// with its age, never live.
    case portalQuote(QuoteUpdate)
    /// A read over the portal completed (after the events carrying its data).
    case portalRead(PortalFailover.Read)
    /// The portal failed too (unreachable, session expired, rate limited), in words.
    case portalFailed(reason: String)
    /// The portal asks a question before it takes an order this screen sent through it.
    case portalQuestion(PortalQuestion)
    /// The portal took the order sent as `orderID` and numbered it `portalOrderID`.
    case portalOrderPlaced(orderID: Int, portalOrderID: Int, status: OrderStatus)
    /// The portal did not take the order (a question declined, a refusal, no answer), in words.
    case portalOrderRefused(orderID: Int, reason: String)
}
