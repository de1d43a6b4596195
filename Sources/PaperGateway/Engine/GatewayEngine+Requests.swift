import PaperExchange
import TWSWire

extension GatewayEngine {
    /// Answers one request of a ready client, as TWS does (protocol doc §5.1).
    func handle(_ message: ClientMessage, from session: ClientSession) {
        switch message {
        case let .requestMarketData(request): subscribe(request, session: session)
        case let .cancelMarketData(reqId): cancelMarketData(reqId: reqId, session: session)
        case let .requestMarketDataType(type):
            session.marketDataType = (1...4).contains(type) ? type : 1
        case let .placeOrder(request): place(request, session: session)
        case let .cancelOrder(request): cancel(orderId: request.orderId, session: session)
        case .requestGlobalCancel: cancelAll(session: session)
        case .requestOpenOrders: sendOpenOrders(to: session, all: session.clientId == 0)
        case .requestAllOpenOrders: sendOpenOrders(to: session, all: true)
        case .requestAutoOpenOrders: break
        case .requestCompletedOrders: sendCompletedOrders(to: session)
        case let .requestExecutions(request): sendExecutions(request, to: session)
        case .requestIDs: session.send(.nextValidId(NextValidID(orderId: nextOrderId)))
        case .requestManagedAccounts:
            session.send(.managedAccounts(ManagedAccounts(accounts: [configuration.accountId])))
        case .requestCurrentTime:
            session.send(.currentTime(CurrentTime(time: Int(now.secondsSinceEpoch))))
        case .requestCurrentTimeInMillis:
            session.send(.currentTimeInMillis(CurrentTimeInMillis(timeInMillis: Int(now.millisecondsSinceEpoch))))
        case let .requestContractDetails(request): sendContractDetails(request, to: session)
        case let .requestHistoricalData(request): sendHistoricalData(request, to: session)
        case let .cancelHistoricalData(reqId): cancelHistoricalData(reqId: reqId, session: session)
        case let .requestHeadTimestamp(request): sendHeadTimestamp(request, to: session)
        case .cancelHeadTimestamp: break
        case let .requestMarketDepth(request): subscribeDepth(request, session: session)
        case let .cancelMarketDepth(reqId, _): cancelDepth(reqId: reqId, session: session)
        case let .requestTickByTick(request): subscribeTickByTick(request, session: session)
        case let .cancelTickByTick(reqId): cancelTickByTick(reqId: reqId, session: session)
        case let .requestRealTimeBars(request): subscribeRealTimeBars(request, session: session)
        case let .cancelRealTimeBars(reqId): cancelRealTimeBars(reqId: reqId, session: session)
        case let .requestMatchingSymbols(request): sendMatchingSymbols(request, to: session)
        case let .requestMarketRule(id): sendMarketRule(id: id, to: session)
        case let .requestOptionParameters(request): sendOptionParameters(request, to: session)
        case let .requestAccountUpdates(request):
            session.accountUpdates = request.subscribe
            if request.subscribe { sendAccountDownload(to: session) }
        case .requestPositions:
            session.positions = true
            sendPositions(to: session)
        case .cancelPositions: session.positions = false
        case let .requestAccountSummary(request): subscribeAccountSummary(request, session: session)
        case let .cancelAccountSummary(reqId): session.accountSummaries[reqId] = nil
        case let .requestAccountUpdatesMulti(request):
            guard session.accountMulti.contains(request.reqId) || admitsSubscription(
                held: session.accountMulti.count, limit: Self.maximumSubscriptionsOfAKind, what: "account updates multi",
                reqId: request.reqId, to: session)
            else { return }
            session.accountMulti.insert(request.reqId)
            sendAccountMulti(reqId: request.reqId, modelCode: request.modelCode, to: session, end: true)
        case let .cancelAccountUpdatesMulti(reqId): session.accountMulti.remove(reqId)
        case let .requestPnL(request):
            guard session.pnl.contains(request.reqId) || admitsSubscription(
                held: session.pnl.count, limit: Self.maximumSubscriptionsOfAKind, what: "PnL", reqId: request.reqId, to: session)
            else { return }
            session.pnl.insert(request.reqId)
            sendPnL(reqId: request.reqId, to: session)
        case let .cancelPnL(reqId): session.pnl.remove(reqId)
        case let .requestPnLSingle(request):
            guard session.pnlSingle[request.reqId] != nil || admitsSubscription(
                held: session.pnlSingle.count, limit: Self.maximumSubscriptionsOfAKind, what: "PnL single", reqId: request.reqId, to: session)
            else { return }
            session.pnlSingle[request.reqId] = request.conId
            sendPnLSingle(reqId: request.reqId, conId: request.conId, to: session)
        case let .cancelPnLSingle(reqId): session.pnlSingle[reqId] = nil
        case .startAPI:
            logger.debug("\(session.label) sent START_API twice; ignored")
        case let .unknown(id, fields):
            answerUnserved(id: id, fields: fields, session: session)
        }
    }

    /// A message the gateway does not serve: refused for its request id (321), answered with an
    /// empty list of its kind, or, for an id the protocol does not have, IB's 505. Never silence.
    func answerUnserved(id: Int, fields: [String], session: ClientSession) {
        guard let unserved = UnservedRequest.byMessageID[id] else {
            logger.info("\(session.label) sent unknown message id \(id); answered 505")
            send(error: 505, "Fatal Error: Unknown message id.", id: -1, to: session)
            return
        }
        switch unserved.answer {
        case .refuse:
            let reqId = unserved.requestID(in: fields) ?? -1
            logger.info("\(session.label) asked \(unserved.name) (request \(reqId)); refused: not served")
            send(error: 321, "Error validating request.-'\(unserved.name)' : cause - the ibterm paper gateway does not serve \(unserved.name)", id: reqId, to: session)
        case let .empty(messageID, answer):
            logger.info("\(session.label) asked \(unserved.name); answered with an empty list")
            session.send(.unknown(id: messageID, fields: answer))
        case .none:
            logger.debug("\(session.label) sent \(unserved.name); nothing to cancel")
        }
    }
}
