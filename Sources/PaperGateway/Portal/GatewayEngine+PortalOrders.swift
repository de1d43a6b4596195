import PaperExchange
import PortalAPI
import TWSWire
import Vocabulary

/// Orders through the Client Portal API, on the same exchange, ledger and order-id sequence
/// as the socket clients' (``PortalBackend``).
///
/// An order placed over the portal belongs to client id ``PortalBackend/clientId`` (0, the id
/// TWS gives orders placed outside the socket API): a socket client connected as client 0 is
/// told of it as of its own, every other client sees it through reqAllOpenOrders, and the
/// portal may cancel or modify any order of the account, as IB's web session may.
extension GatewayEngine {
    /// Places the tickets of `POST /iserver/account/{acct}/orders` (several make a bracket:
    /// a child names its parent's `cOID` in `parentId`), each with the next order id; answers
    /// one acknowledgement per order.
    func portalPlace(_ tickets: [PortalOrderTicket]) -> Result<[OrderAcknowledgement], PortalOrderError> {
        guard !tickets.isEmpty else { return .failure(PortalOrderError(.invalid, "The request has no orders")) }
        guard tickets.count <= 3 else { return .failure(PortalOrderError(.invalid, "At most 3 orders in one request (a bracket)")) }
        let time = now
        runMarket(until: time)
        var requests: [OrderRequest] = []
        var idsByCOID: [String: Int] = [:]
        for (index, ticket) in tickets.enumerated() {
            let orderId = nextOrderId + index
            var parent = 0
            if let parentCOID = ticket.parentId, !parentCOID.isEmpty {
                guard let id = idsByCOID[parentCOID] else {
                    return .failure(PortalOrderError(.invalid, "parentId \(parentCOID) names no earlier order of this request (its cOID)"))
                }
                parent = id
            }
            switch portalRequest(ticket, orderId: orderId, clientId: PortalBackend.clientId) {
            case let .failure(error): return .failure(error)
            case var .success(request):
                if tickets.count > 1 {
                    request.attachment = OrderAttachment(parentId: parent, transmit: index == tickets.count - 1)
                }
                requests.append(request)
            }
            if let coid = ticket.cOID, !coid.isEmpty { idsByCOID[coid] = orderId }
        }
        if let symbol = requests.lazy.compactMap({ self.portalInstrument(conid: $0.contract.conId)?.symbol.uppercased() })
            .first(where: { self.rejectedOrderSymbols[$0] != nil }), let reason = rejectedOrderSymbols[symbol]
        {
            logger.info("portal order in \(symbol) rejected by a fault: \(reason)")
            return .failure(PortalOrderError(.rejected, reason))
        }
        nextOrderId += requests.count
        announceNextOrderIdToAll()
        var acknowledgements: [OrderAcknowledgement] = []
        var failure: PortalOrderError?
        for request in requests {
            let outcomes = exchange.place(request, at: time)
            logger.info("portal order \(request.orderId): \(request.action.rawValue) \(request.totalQuantity) conid \(request.contract.conId) \(request.orderType.rawValue)\(request.lmtPrice.map { " " + $0.description } ?? "") \(request.tif.rawValue) -> \(Self.summary(outcomes))")
            commit(outcomes, requester: nil)
            if case let .rejected(rejection) = outcomes.last, rejection.order == nil || outcomes.count == 1 {
                failure = failure ?? PortalOrderError(.rejected, rejection.text)
                continue
            }
            let status = exchange.engine.orders[request.orderId]?.status ?? .pendingSubmit
            acknowledgements.append(OrderAcknowledgement(order_id: String(request.orderId), order_status: status.ibText))
        }
        flushAll()
        if acknowledgements.isEmpty, let failure { return .failure(failure) }
        return .success(acknowledgements)
    }

    /// `POST /iserver/account/{acct}/order/{orderId}`: the working order takes the ticket's
    /// price, quantity, type and time in force (its contract and side stay).
    func portalModify(orderId: Int, ticket: PortalOrderTicket) -> Result<OrderAcknowledgement, PortalOrderError> {
        guard let order = exchange.engine.orders[orderId] else {
            return .failure(PortalOrderError(.notFound, "OrderID \(orderId) doesn't exist"))
        }
        guard order.status.isWorking else {
            return .failure(PortalOrderError(.rejected, "Order \(orderId) is \(order.status.ibText) and can no longer be modified"))
        }
        var ticket = ticket
        ticket.conid = order.instrument.conId
        ticket.side = order.request.action.rawValue
        let time = now
        runMarket(until: time)
        switch portalRequest(ticket, orderId: orderId, clientId: order.clientId) {
        case let .failure(error): return .failure(error)
        case var .success(request):
            request.attachment = order.request.attachment
            request.orderRef = order.request.orderRef
            let outcomes = exchange.place(request, at: time)
            logger.info("portal modify order \(orderId): \(request.totalQuantity) \(request.orderType.rawValue)\(request.lmtPrice.map { " " + $0.description } ?? "") -> \(Self.summary(outcomes))")
            commit(outcomes, requester: nil)
            flushAll()
            if case let .rejected(rejection) = outcomes.last { return .failure(PortalOrderError(.rejected, rejection.text)) }
            let status = exchange.engine.orders[orderId]?.status ?? order.status
            return .success(OrderAcknowledgement(order_id: String(orderId), order_status: status.ibText))
        }
    }

    /// `DELETE /iserver/account/{acct}/order/{orderId}`: cancels any working order of the
    /// account (the socket client that placed it is told, as of a cancel of its own).
    func portalCancel(orderId: Int) -> Result<PortalCancelAnswer, PortalOrderError> {
        guard let order = exchange.engine.orders[orderId] else {
            return .failure(PortalOrderError(.notFound, "OrderID \(orderId) doesn't exist"))
        }
        let outcomes = exchange.cancel(orderId: orderId, at: now)
        logger.info("portal cancel order \(orderId) -> \(Self.summary(outcomes))")
        commit(outcomes, requester: nil)
        flushAll()
        if case let .rejected(rejection) = outcomes.last { return .failure(PortalOrderError(.rejected, rejection.text)) }
        return .success(PortalCancelAnswer(order_id: orderId, conid: order.instrument.conId, account: accountId))
    }

    /// `GET /iserver/account/orders`: the working orders and those of today's session that
    /// ended (filled, cancelled, rejected), oldest first.
    func portalLiveOrders() -> LiveOrders {
        let offset = exchange.configuration.sessionUTCOffsetSeconds
        var lastFill: [Int: PaperExecution] = [:]
        for execution in exchange.engine.executions where (lastFill[execution.orderId]?.time ?? .init(millisecondsSinceEpoch: 0)) <= execution.time {
            lastFill[execution.orderId] = execution
        }
        let orders = exchange.engine.orders.values
            .filter { $0.status.isWorking || CivilTime.dayNumber(of: $0.placedAt, utcOffsetSeconds: offset) == exchange.sessionDay }
            .sorted { $0.placedAt == $1.placedAt ? $0.orderId < $1.orderId : $0.placedAt < $1.placedAt }
        return LiveOrders(orders: orders.map { portalLiveOrder($0, lastFill: lastFill[$0.orderId]) }, snapshot: true)
    }

    /// One order as `/iserver/account/orders` and the websocket's `sor` show it.
    func portalLiveOrder(_ order: PaperOrder, lastFill: PaperExecution?) -> LiveOrder {
        let request = order.request
        let shown = request.orderType.portalLiveNames
        let price: FixedDecimal? = switch request.orderType {
        case .stop: request.auxPrice
        default: request.lmtPrice
        }
        var live = LiveOrder(
            account: order.account.isEmpty ? accountId : order.account, conid: order.instrument.conId, orderId: order.orderId,
            ticker: order.instrument.symbol, secType: order.instrument.secType.rawValue, side: request.action.rawValue,
            orderType: shown.shown, origOrderType: shown.capitals, timeInForce: request.tif.rawValue,
            totalSize: Double(request.totalQuantity), filledQuantity: Double(order.filledQuantity), status: order.status.ibText,
            price: price?.description, avgPrice: order.filledQuantity > 0 ? order.averageFillPrice.description : nil,
            orderRef: request.orderRef.isEmpty ? nil : request.orderRef,
            lastExecutionTime: lastFill.map { Self.portalCompactTime($0.time) },
            lastExecutionTimeMilliseconds: lastFill?.time.millisecondsSinceEpoch, companyName: order.instrument.longName)
        live.listingExchange = order.instrument.primaryExchange
        live.cashCcy = order.instrument.currency
        live.sizeAndFills = order.filledQuantity > 0 ? "\(order.filledQuantity)/\(request.totalQuantity)" : String(request.totalQuantity)
        let verb = request.action == .buy ? "Buy" : "Sell"
        live.orderDesc = "\(verb) \(request.totalQuantity) \(shown.shown)\(price.map { " \($0.description)" } ?? ""), \(request.tif.rawValue)"
        return live
    }

    /// `GET /iserver/account/trades`: the executions of the last `days` days (1 to 7; IB's
    /// default and most), oldest first.
    func portalTrades(days: Int) -> [PortalTrade] {
        let days = min(max(days, 1), 7)
        let today = NewYorkTime.localDay(atUTC: now.secondsSinceEpoch)
        return exchange.engine.executions
            .filter { NewYorkTime.localDay(atUTC: $0.time.secondsSinceEpoch) > today - Int64(days) }
            .sorted { $0.time == $1.time ? $0.execId < $1.execId : $0.time < $1.time }
            .map { execution in
                let side = execution.action == .buy ? "B" : "S"
                let verb = execution.action == .buy ? "Bought" : "Sold"
                let shares = Double(execution.shares)
                let price: Double = execution.price.doubleValue
                let value: Double = shares * price * Double(execution.instrument.multiplier)
                let description = "\(verb) \(execution.shares) @ \(execution.price.description) on \(execution.exchange)"
                let commission: String? = commissions[execution.execId]?.commission.description
                let account = execution.account.isEmpty ? accountId : execution.account
                return PortalTrade(
                    executionID: execution.execId, symbol: execution.instrument.symbol, side: side,
                    description: description,
                    tradeTime: TimeText.dashedDateTime(execution.time), tradeTimeMilliseconds: execution.time.millisecondsSinceEpoch,
                    size: Double(execution.shares), price: execution.price.description,
                    orderRef: execution.orderRef.isEmpty ? nil : execution.orderRef, exchange: execution.exchange,
                    commission: commission, netAmount: value, account: account, secType: execution.instrument.secType.rawValue,
                    conid: execution.instrument.conId, companyName: execution.instrument.longName)
            }
    }

    /// The exchange request for a ticket, or what is wrong with it (IB's checks: a known
    /// contract, a side, a type, a whole positive quantity, the prices the type needs).
    func portalRequest(_ ticket: PortalOrderTicket, orderId: Int, clientId: Int) -> Result<OrderRequest, PortalOrderError> {
        guard let instrument = portalInstrument(conid: ticket.conid) else {
            return .failure(PortalOrderError(.invalid, "No contract with conid \(ticket.conid)"))
        }
        guard let action = OrderAction(rawValue: ticket.side.uppercased()) else {
            return .failure(PortalOrderError(.invalid, "side \(ticket.side) is not BUY or SELL"))
        }
        guard let type = OrderType(portalWord: ticket.orderType) else {
            return .failure(PortalOrderError(.invalid, "orderType \(ticket.orderType) is not one of MKT, LMT, STP, STOP_LIMIT, TRAIL, TRAILLMT"))
        }
        guard let tif = TimeInForce(rawValue: ticket.tif.uppercased()) else {
            return .failure(PortalOrderError(.invalid, "tif \(ticket.tif) is not one of \(TimeInForce.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        guard ticket.quantity.isFinite, ticket.quantity > 0, ticket.quantity < 1e9 else {
            return .failure(PortalOrderError(.invalid, "quantity must be positive"))
        }
        guard ticket.quantity.rounded() == ticket.quantity else {
            return .failure(PortalOrderError(.invalid, "Fractional quantities are not supported"))
        }
        func price(_ value: Double?) -> FixedDecimal? {
            guard let value, value.isFinite, value > 0, value < 1e9 else { return nil }
            return FixedDecimal(rounding: value)
        }
        var limit: FixedDecimal?
        var stop: FixedDecimal?
        switch type {
        case .market: break
        case .limit:
            guard let value = price(ticket.price) else { return .failure(PortalOrderError(.invalid, "A LMT order needs a positive price")) }
            limit = value
        case .stop:
            guard let value = price(ticket.price) else { return .failure(PortalOrderError(.invalid, "A STP order needs its stop as a positive price")) }
            stop = value
        case .stopLimit:
            guard let value = price(ticket.price), let trigger = price(ticket.auxPrice) else {
                return .failure(PortalOrderError(.invalid, "A STOP_LIMIT order needs a positive price (the limit) and auxPrice (the stop)"))
            }
            limit = value
            stop = trigger
        case .trail, .trailLimit:
            guard let value = price(ticket.auxPrice) else { return .failure(PortalOrderError(.invalid, "A trailing order needs its trailing amount as auxPrice")) }
            stop = value
            limit = price(ticket.price)
        default:
            return .failure(PortalOrderError(.invalid, "orderType \(ticket.orderType) is not supported"))
        }
        let contract = ContractQuery(
            conId: instrument.conId, symbol: instrument.symbol, secType: instrument.secType.rawValue, exchange: instrument.exchange,
            primaryExchange: instrument.primaryExchange, currency: instrument.currency, localSymbol: instrument.localSymbol,
            lastTradeDateOrContractMonth: instrument.lastTradeDateOrContractMonth)
        return .success(OrderRequest(
            orderId: orderId, clientId: clientId, contract: contract, action: action, totalQuantity: Int(ticket.quantity), orderType: type,
            lmtPrice: limit, auxPrice: stop, tif: tif, account: accountId, orderRef: ticket.cOID ?? ""))
    }

    /// `yyMMddHHmmss` in UTC, the live orders' `lastExecutionTime`.
    static func portalCompactTime(_ time: Timestamp) -> String {
        String(TimeText.dashedDateTime(time).filter(\.isNumber).dropFirst(2))
    }

    /// Sends the moved order-id sequence to every ready socket client.
    func announceNextOrderIdToAll() {
        for session in readySessions { session.send(.nextValidId(NextValidID(orderId: nextOrderId))) }
    }
}
