import Dashboard
import PortalAPI
import Vocabulary

/// The Client Portal's answers as dashboard events, for the failover (issue #17): positions,
/// account values, orders and snapshots read over REST while the socket link is down.
extension DashboardEvent {
    /// Every position the portal lists, as one replacing read.
    public static func portalPositions(_ positions: [PortalPosition]) -> DashboardEvent {
        .portalPositions(positions.map { position in
            PositionUpdate(
                account: position.acctId, symbol: position.ticker ?? position.contractDesc,
                quantity: FixedDecimal(rounding: position.position), averageCost: position.avgCost,
                multiplier: position.multiplier ?? 1, marketPrice: position.mktPrice, marketValue: position.mktValue,
                unrealizedPnL: position.unrealizedPnl, realizedPnL: position.realizedPnl)
        })
    }

    /// IB's account tags for the portal summary's lower-case keys.
    static let portalAccountTags: [String: String] = [
        "netliquidation": "NetLiquidation", "totalcashvalue": "TotalCashValue", "availablefunds": "AvailableFunds",
        "buyingpower": "BuyingPower", "grosspositionvalue": "GrossPositionValue", "equitywithloanvalue": "EquityWithLoanValue",
        "initmarginreq": "InitMarginReq", "maintmarginreq": "MaintMarginReq", "excessliquidity": "ExcessLiquidity",
        "unrealizedpnl": "UnrealizedPnL", "realizedpnl": "RealizedPnL",
    ]

    /// The account summary's amounts as account values (the socket's tags), then the read.
    public static func portalAccount(_ summary: PortalAccountSummary, account: String) -> [DashboardEvent] {
        summary.sorted { $0.key < $1.key }.compactMap { key, value -> DashboardEvent? in
            guard let tag = portalAccountTags[key], !value.isNull else { return nil }
            return .accountValue(key: tag, value: String(value.amount), currency: value.currency ?? "USD", account: account)
        } + [.portalRead(.account)]
    }

    /// The portal's live orders as open orders and their statuses, then the read. Their owner's
    /// client id is not in the portal's answer: they are shown as orders of the account.
    public static func portalOrders(_ orders: LiveOrders) -> [DashboardEvent] {
        orders.orders.flatMap { order -> [DashboardEvent] in
            guard let side = OrderSide(rawValue: order.side.uppercased()), let type = OrderType(portalWord: order.origOrderType ?? order.orderType)
            else { return [] }
            let price = order.price.flatMap(Double.init).map { FixedDecimal(rounding: $0) }
            let status = OrderStatus(ibText: order.status)
            let tif = TimeInForce(rawValue: order.timeInForce.uppercased()) ?? .day
            let snapshot = OpenOrderSnapshot(
                orderID: order.orderId, symbol: order.ticker, side: side, quantity: FixedDecimal(rounding: order.totalSize), orderType: type,
                limitPrice: type == .stop ? nil : price, stopPrice: type == .stop ? price : nil, timeInForce: tif, status: status,
                ownerClientID: nil, isThisClient: false)
            let report = OrderStatusReport(
                orderID: order.orderId, status: status, filled: FixedDecimal(rounding: order.filledQuantity),
                remaining: FixedDecimal(rounding: order.remainingQuantity), averageFillPrice: order.avgPrice.flatMap(Double.init))
            return [.openOrder(snapshot), .orderStatus(report)]
        } + [.portalRead(.orders)]
    }

    /// A snapshot's prices and sizes as a polled quote of `symbol` (`nil` for a pre-flight
    /// answer or one without a price).
    public static func portalQuote(_ snapshot: MarketDataSnapshot, symbol: String) -> DashboardEvent? {
        func number(_ field: PortalMarketField) -> Double? { snapshot[field].flatMap { Double($0) } }
        func size(_ field: PortalMarketField) -> FixedDecimal? { number(field).map { FixedDecimal(rounding: $0) } }
        let update = QuoteUpdate(
            symbol: symbol, bid: number(PortalMarketFields.bid), ask: number(PortalMarketFields.ask), last: number(PortalMarketFields.last),
            bidSize: size(PortalMarketFields.bidSize), askSize: size(PortalMarketFields.askSize), lastSize: size(PortalMarketFields.lastSize),
            volume: size(PortalMarketFields.volume), high: number(PortalMarketFields.high), low: number(PortalMarketFields.low),
            close: number(PortalMarketFields.priorClose), open: number(PortalMarketFields.open))
        guard update.bid != nil || update.ask != nil || update.last != nil else { return nil }
        return .portalQuote(update)
    }
}
