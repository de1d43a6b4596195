import Dashboard
import Vocabulary

/// What the bridge forwards from the gateway to every dashboard of its desk: the
/// gateway-derived ``DashboardEvent`` cases, one for one, with a quote's freshness evidence.
///
/// The dashboard's own events (the trader's intents, clock ticks, files loaded at start, the
/// search and detail views' answers) are not bus events: each dashboard makes those itself.
/// A what-if answer is not forwarded either: it answers one dashboard's own request, which is
/// not a bus command.
///
/// `Codable` (Swift's synthesized enum form): the body of a stream entry is its JSON, next to
/// its ``kind`` (``BusEntry``).
public enum BusEvent: Sendable, Hashable, Codable {
    /// The bridge began a connection attempt to `gateway` (`host:port`).
    case connecting(gateway: String)
    /// The bridge's handshake with the gateway finished.
    case connected(serverVersion: Int, accounts: [String], nextOrderID: Int?)
    /// The bridge's socket to the gateway closed.
    case connectionLost(reason: String)
    /// The bridge will try the gateway again: attempt number, in how many milliseconds.
    case reconnectScheduled(attempt: Int, afterMilliseconds: Int64)
    /// IB `nextValidId`, as the bridge received it.
    case nextValidOrderID(Int)
    /// The API client id the bridge uses.
    case clientID(Int)
    /// The gateway refused the bridge's client id `refused`; it moved on to `next`.
    case clientIDMoved(refused: Int, next: Int)
    /// The bridge subscribed `symbol` under ticker id `requestID`.
    case quoteRequested(symbol: String, requestID: Int, instrumentClass: InstrumentClass)
    /// Ticks for one symbol, with how old they were when published and the connection they
    /// came over.
    case quote(QuoteUpdate, evidence: QuoteEvidence)
    /// IB `marketDataType` for one request.
    case marketDataType(requestID: Int, type: MarketDataType)
    /// IB `error`: an error, warning or notice.
    case notice(Notice)
    /// A contract-details answer (`nil`: no such contract).
    case contractResolved(symbol: String, contract: ContractSummary?)
    /// A position or portfolio report.
    case position(PositionUpdate)
    /// IB `updateAccountValue`.
    case accountValue(key: String, value: String, currency: String, account: String)
    /// IB `pnl`.
    case accountPnL(AccountPnL)
    /// IB `pnlSingle`, mapped to the symbol.
    case positionPnL(symbol: String, pnl: AccountPnL)
    /// IB `openOrder`.
    case openOrder(OpenOrderSnapshot)
    /// IB `orderStatus`.
    case orderStatus(OrderStatusReport)
    /// IB `execDetails`.
    case execution(FillReport)
    /// IB `commissionReport`.
    case commission(executionID: String, commission: Double, realizedPnL: Double?)
    /// IB `completedOrder`.
    case completedOrder(CompletedOrderReport)
    /// The bridge could not carry out a cancel.
    case cancelRefused(orderID: Int, reason: String)

    /// Every kind, as written in an entry's `kind` field.
    public static let kinds: Set<String> = [
        "connecting", "connected", "connectionLost", "reconnectScheduled", "nextValidOrderID", "clientID",
        "clientIDMoved", "quoteRequested", "quote", "marketDataType", "notice", "contractResolved", "position",
        "accountValue", "accountPnL", "positionPnL", "openOrder", "orderStatus", "execution", "commission",
        "completedOrder", "cancelRefused",
    ]

    /// The case's name, written in an entry's `kind` field so a reader can filter without
    /// parsing the body.
    public var kind: String {
        switch self {
        case .connecting: "connecting"
        case .connected: "connected"
        case .connectionLost: "connectionLost"
        case .reconnectScheduled: "reconnectScheduled"
        case .nextValidOrderID: "nextValidOrderID"
        case .clientID: "clientID"
        case .clientIDMoved: "clientIDMoved"
        case .quoteRequested: "quoteRequested"
        case .quote: "quote"
        case .marketDataType: "marketDataType"
        case .notice: "notice"
        case .contractResolved: "contractResolved"
        case .position: "position"
        case .accountValue: "accountValue"
        case .accountPnL: "accountPnL"
        case .positionPnL: "positionPnL"
        case .openOrder: "openOrder"
        case .orderStatus: "orderStatus"
        case .execution: "execution"
        case .commission: "commission"
        case .completedOrder: "completedOrder"
        case .cancelRefused: "cancelRefused"
        }
    }

    /// The bus event for a dashboard event the bridge's feed produced, or `nil` for an event
    /// that is not forwarded (a dashboard's own, or a what-if answer). A quote takes
    /// `quoteEvidence`.
    public static func forwarding(_ event: DashboardEvent, quoteEvidence: QuoteEvidence) -> BusEvent? {
        switch event {
        case let .connecting(gateway): .connecting(gateway: gateway)
        case let .connected(serverVersion, accounts, nextOrderID):
            .connected(serverVersion: serverVersion, accounts: accounts, nextOrderID: nextOrderID)
        case let .connectionLost(reason): .connectionLost(reason: reason)
        case let .reconnectScheduled(attempt, after):
            .reconnectScheduled(attempt: attempt, afterMilliseconds: QuoteEvidence.wholeMilliseconds(after))
        case let .nextValidOrderID(id): .nextValidOrderID(id)
        case let .clientID(id): .clientID(id)
        case let .clientIDMoved(refused, next): .clientIDMoved(refused: refused, next: next)
        case let .quoteRequested(symbol, requestID, instrumentClass):
            .quoteRequested(symbol: symbol, requestID: requestID, instrumentClass: instrumentClass)
        case let .quote(update): .quote(update, evidence: quoteEvidence)
        case let .marketDataType(requestID, type): .marketDataType(requestID: requestID, type: type)
        case let .notice(notice): .notice(notice)
        case let .contractResolved(symbol, contract): .contractResolved(symbol: symbol, contract: contract)
        case let .position(update): .position(update)
        case let .accountValue(key, value, currency, account):
            .accountValue(key: key, value: value, currency: currency, account: account)
        case let .accountPnL(pnl): .accountPnL(pnl)
        case let .positionPnL(symbol, pnl): .positionPnL(symbol: symbol, pnl: pnl)
        case let .openOrder(snapshot): .openOrder(snapshot)
        case let .orderStatus(report): .orderStatus(report)
        case let .execution(fill): .execution(fill)
        case let .commission(executionID, commission, realizedPnL):
            .commission(executionID: executionID, commission: commission, realizedPnL: realizedPnL)
        case let .completedOrder(report): .completedOrder(report)
        case let .cancelRefused(orderID, reason): .cancelRefused(orderID: orderID, reason: reason)
        case .started, .whatIf, .clockTick, .commandHistoryLoaded, .watchlistsLoaded, .sessionBarsLoaded,
            .configWarnings, .user, .alertsLoaded, .symbolSearchResults, .instrumentNotQualified, .detailBars,
            .detailDepth, .detailTrade, .traceDumped, .ordersRenumbered, .deskCommandRefused, .deskCommandUnanswered, .replayProgress,
            // The bridge does not fail over to a portal: its screens see the socket link's state.
            .portalConfigured, .portalEngaged, .portalPositions, .portalQuote, .portalRead, .portalFailed, .portalQuestion,
            .portalOrderPlaced, .portalOrderRefused:
            nil
        }
    }

    /// The dashboard event this stands for (a quote without its evidence: apply it at
    /// ``eventTime(receivedAt:)``).
    public var dashboardEvent: DashboardEvent {
        switch self {
        case let .connecting(gateway): .connecting(gateway: gateway)
        case let .connected(serverVersion, accounts, nextOrderID):
            .connected(serverVersion: serverVersion, accounts: accounts, nextOrderID: nextOrderID)
        case let .connectionLost(reason): .connectionLost(reason: reason)
        case let .reconnectScheduled(attempt, after): .reconnectScheduled(attempt: attempt, after: .milliseconds(after))
        case let .nextValidOrderID(id): .nextValidOrderID(id)
        case let .clientID(id): .clientID(id)
        case let .clientIDMoved(refused, next): .clientIDMoved(refused: refused, next: next)
        case let .quoteRequested(symbol, requestID, instrumentClass):
            .quoteRequested(symbol: symbol, requestID: requestID, instrumentClass: instrumentClass)
        case let .quote(update, _): .quote(update)
        case let .marketDataType(requestID, type): .marketDataType(requestID: requestID, type: type)
        case let .notice(notice): .notice(notice)
        case let .contractResolved(symbol, contract): .contractResolved(symbol: symbol, contract: contract)
        case let .position(update): .position(update)
        case let .accountValue(key, value, currency, account):
            .accountValue(key: key, value: value, currency: currency, account: account)
        case let .accountPnL(pnl): .accountPnL(pnl)
        case let .positionPnL(symbol, pnl): .positionPnL(symbol: symbol, pnl: pnl)
        case let .openOrder(snapshot): .openOrder(snapshot)
        case let .orderStatus(report): .orderStatus(report)
        case let .execution(fill): .execution(fill)
        case let .commission(executionID, commission, realizedPnL):
            .commission(executionID: executionID, commission: commission, realizedPnL: realizedPnL)
        case let .completedOrder(report): .completedOrder(report)
        case let .cancelRefused(orderID, reason): .cancelRefused(orderID: orderID, reason: reason)
        }
    }

    /// The time a dashboard applies the event at, given when it received it: a quote's
    /// receipt moved back by its evidence age (``QuoteEvidence/eventTime(receivedAt:)``),
    /// anything else the receipt.
    public func eventTime(receivedAt receipt: EventTime) -> EventTime {
        if case let .quote(_, evidence) = self { return evidence.eventTime(receivedAt: receipt) }
        return receipt
    }

    /// Whether the event is about the bridge's own gateway connection (connecting, connected,
    /// lost, reconnect, client id). A dashboard on a bridge takes its link from the bridge's
    /// heartbeats (``BridgeLinkMonitor``) and shows these in its message log only.
    public var isGatewayConnectionEvent: Bool {
        switch self {
        case .connecting, .connected, .connectionLost, .reconnectScheduled, .clientID, .clientIDMoved: true
        default: false
        }
    }

    /// Where the bridge keeps the event as the latest state for late joiners: the hash of
    /// `keys` and the field, or `nil` for an event that is only streamed.
    public func latestStateSlot(in keys: DeskKeys) -> (hash: String, field: String)? {
        switch self {
        case let .quote(update, _): (keys.quotes, update.symbol)
        case let .quoteRequested(symbol, _, _): (keys.requests, symbol)
        case let .position(update): (keys.positions, update.symbol)
        case let .openOrder(snapshot): (keys.orders, "\(snapshot.orderID):open")
        case let .orderStatus(report): (keys.orders, "\(report.orderID):status")
        case let .completedOrder(report): (keys.orders, report.orderID.map { "\($0):completed" } ?? "perm\(report.permID):completed")
        case let .accountValue(key, _, currency, account):
            (keys.accountValues, DeskKeys.accountValueField(account: account, key: key, currency: currency))
        default: nil
        }
    }
}
