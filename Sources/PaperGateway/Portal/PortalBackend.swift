import NIOCore
import PaperExchange
import PortalAPI
import Vocabulary

/// The paper gateway as the Client Portal API server sees it: the same exchange, ledger and
/// order ids the socket clients use, read and changed on the gateway's event loop (so a
/// portal request and a socket request are handled one at a time, in arrival order) and
/// answered as the portal's JSON models.
///
/// ```swift
/// let backend = server.portalBackend
/// let positions = try await backend.positions(page: 0)
/// ```
public struct PortalBackend: Sendable {
    /// The client id orders placed over the portal carry (0: TWS's id for orders placed
    /// outside the socket API).
    public static let clientId = 0
    /// Positions per page of `/portfolio/{acct}/positions/{page}` (IB's 100).
    public static let positionsPageSize = 100
    /// The most bars one history answer holds (IB's 1000 data points).
    public static let maximumHistoryBars = 1000

    private let loop: any EventLoop
    private let engine: NIOLoopBound<GatewayEngine>
    /// The paper account's id.
    public let accountId: String

    init(loop: any EventLoop, engine: NIOLoopBound<GatewayEngine>, accountId: String) {
        self.loop = loop
        self.engine = engine
        self.accountId = accountId
    }

    func run<T: Sendable>(_ body: @escaping @Sendable (GatewayEngine) -> T) async throws -> T {
        let engine = engine
        return try await loop.submit { body(engine.value) }.get()
    }

    /// The wall-clock time of the gateway's clock, milliseconds since the epoch.
    public func nowMilliseconds() async throws -> Int64 { try await run { $0.now.millisecondsSinceEpoch } }

    /// `/iserver/accounts`.
    public func iserverAccounts() async throws -> IServerAccounts { try await run { $0.portalIServerAccounts() } }
    /// `/portfolio/accounts`.
    public func accounts() async throws -> [PortfolioAccount] { try await run { $0.portalAccounts() } }
    /// `/portfolio/{acct}/summary`.
    public func summary() async throws -> PortalAccountSummary { try await run { $0.portalSummary() } }
    /// `/portfolio/{acct}/ledger`.
    public func ledger() async throws -> Ledger { try await run { $0.portalLedger() } }
    /// `/portfolio/{acct}/positions/{page}`.
    public func positions(page: Int) async throws -> [PortalPosition] { try await run { $0.portalPositions(page: page) } }

    /// `/iserver/secdef/search`.
    public func search(_ text: String, byName: Bool, secType: String?, limit: Int = 20) async throws -> [SecDefSearchResult] {
        try await run { $0.portalSearch(text, byName: byName, secType: secType, limit: limit) }
    }
    /// `/iserver/contract/{conid}/info`; `nil` for a conid the gateway does not list.
    public func contractInfo(conid: Int) async throws -> ContractInfo? { try await run { $0.portalContractInfo(conid: conid) } }
    /// The symbol of a conid, if listed.
    public func symbol(conid: Int) async throws -> String? { try await run { $0.portalInstrument(conid: conid)?.symbol } }

    /// Every snapshot field the gateway has for a conid now, with the quote's time (ms);
    /// `nil` for a conid it does not list.
    public func quote(conid: Int) async throws -> (values: [String: String], updated: Int64)? {
        try await run { engine in engine.portalQuote(conid: conid).map { (values: $0.values, updated: $0.updated) } }
    }
    /// The price the order questions measure against, `nil` without market data.
    public func marketPrice(conid: Int) async throws -> Double? { try await run { $0.portalMarketPrice(conid: conid) } }

    /// `/iserver/marketdata/history`: at most ``maximumHistoryBars`` bars, the latest.
    public func history(conid: Int, request: PortalHistoryRequest, outsideRTH: Bool) async throws -> Result<PortalHistory, PortalRequestError> {
        try await run { engine -> Result<PortalHistory, PortalRequestError> in
            guard let instrument = engine.portalInstrument(conid: conid) else {
                return .failure(PortalRequestError("No contract with conid \(conid)"))
            }
            switch engine.portalHistory(conid: conid, duration: request.duration, barSize: request.barSize, outsideRTH: outsideRTH) {
            case let .failure(error): return .failure(PortalRequestError(error.message))
            case let .success(drawn):
                let bars = drawn.suffix(Self.maximumHistoryBars)
                let data = bars.map { bar in
                    PortalHistory.Bar(o: bar.open, c: bar.close, h: bar.high, l: bar.low, v: Double(bar.volume ?? 0), t: bar.start * 1000)
                }
                let high = bars.max { $0.high < $1.high }
                let low = bars.min { $0.low < $1.low }
                let first = bars.first?.start ?? engine.now.secondsSinceEpoch
                func extreme(_ bar: HistoricalBar?, _ price: (HistoricalBar) -> Double) -> String {
                    guard let bar else { return "0/0/0" }
                    return "\(Int((price(bar) * 100).rounded()))/\(bar.volume ?? 0)/\((bar.start - first) / 60)"
                }
                return .success(PortalHistory(
                    serverId: "paper", symbol: instrument.symbol, text: instrument.longName, priceFactor: 100,
                    startTime: TimeText.dashedDateTime(Timestamp(secondsSinceEpoch: first)), high: extreme(high, \.high),
                    low: extreme(low, \.low), timePeriod: request.period, barLength: request.barSeconds,
                    mdAvailability: engine.notEntitledConIds.contains(conid) ? "N" : "S", mktDataDelay: 0, outsideRth: outsideRTH,
                    data: Array(data), points: max(0, data.count - 1), travelTime: 0))
            }
        }
    }

    /// Places the tickets of one request (a bracket when several).
    public func place(_ tickets: [PortalOrderTicket]) async throws -> Result<[OrderAcknowledgement], PortalOrderError> {
        try await run { $0.portalPlace(tickets) }
    }
    /// A working order's contract, symbol and side (`nil`: no such order, or no longer working).
    public func workingOrder(orderId: Int) async throws -> (conid: Int, symbol: String, side: String)? {
        try await run { engine in
            guard let order = engine.exchange.engine.orders[orderId], order.status.isWorking else { return nil }
            return (order.instrument.conId, order.instrument.symbol, order.request.action.rawValue)
        }
    }

    /// Modifies a working order.
    public func modify(orderId: Int, ticket: PortalOrderTicket) async throws -> Result<OrderAcknowledgement, PortalOrderError> {
        try await run { $0.portalModify(orderId: orderId, ticket: ticket) }
    }
    /// Cancels a working order.
    public func cancel(orderId: Int) async throws -> Result<PortalCancelAnswer, PortalOrderError> {
        try await run { $0.portalCancel(orderId: orderId) }
    }
    /// `/iserver/account/orders`.
    public func liveOrders() async throws -> LiveOrders { try await run { $0.portalLiveOrders() } }
    /// `/iserver/account/trades`.
    public func trades(days: Int) async throws -> [PortalTrade] { try await run { $0.portalTrades(days: days) } }
}

extension PaperGatewayServer {
    /// The gateway's side of the Client Portal API (for ``PortalServer``).
    public var portalBackend: PortalBackend {
        PortalBackend(loop: loop, engine: engine, accountId: configuration.accountId)
    }
}

extension PortalBackend {
    /// Sends the Client Portal's faults of the gateway's scenario (and of ``PaperGatewayServer/inject(_:)``)
    /// to `handler`, called on the gateway's event loop: the portal server carries them out.
    public func observePortalFaults(_ handler: @escaping @Sendable (PortalFault) -> Void) {
        let engine = engine
        loop.execute { engine.value.portalFaultObserver = handler }
    }
}

extension PortalBackend {
    /// The account's profit and loss now, as the websocket's `spl` row.
    public func pnl() async throws -> PortalStreamMessage.PnLRow {
        try await run { engine in
            let summary = engine.exchange.summary()
            return PortalStreamMessage.PnLRow(
                dailyPnL: summary.dailyPNL.doubleValue, netLiquidation: summary.netLiquidation.doubleValue,
                unrealizedPnL: summary.unrealizedPNL.doubleValue, excessLiquidity: summary.excessLiquidity.doubleValue,
                marketValue: summary.stockMarketValue.doubleValue)
        }
    }
}
