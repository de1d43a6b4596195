import PaperExchange
import TWSWire
import Vocabulary

extension GatewayEngine {
    /// placeOrder: the order goes through the exchange; the outcome is written to the ledger
    /// (with everything else of this event-loop turn), then reported to the placing client.
    ///
    /// Order ids are one sequence per ledger, shared by every client: a new order's id must be
    /// at least ``nextOrderId`` (else 103 "Duplicate order id", as TWS answers an id at or below
    /// one already used), and the same id is a modification only for the client that placed it
    /// (another client's id: 103 too, whatever that order's state). When an order moves the sequence, every other connected client is
    /// sent the new nextValidId, so a client that allocates ids locally (as ``IBClient`` and
    /// IB's clients do) does not pick one another client just used.
    func place(_ message: PlaceOrder, session: ClientSession) {
        let orderId = message.order.orderId
        let clientId = session.clientId ?? 0
        let time = now
        runMarket(until: time)
        if orderId >= nextOrderId {
            nextOrderId = orderId + 1
            announceNextOrderId(except: session)
        } else if let existing = exchange.engine.orders[orderId], existing.clientId != clientId {
            logger.info("order \(orderId) from client \(clientId) rejected: 103, the id is client \(existing.clientId)'s")
            report([.rejected(.duplicateOrderId(orderId))], requester: session)
            flushAll()
            return
        } else if exchange.engine.orders[orderId] == nil {
            logger.info("order \(orderId) from client \(clientId) rejected: 103, below nextValidId \(nextOrderId)")
            report([.rejected(.duplicateOrderId(orderId))], requester: session)
            flushAll()
            return
        }
        switch message.orderRequest(clientId: clientId) {
        case let .failure(rejection):
            logger.info("order \(orderId) from client \(clientId) rejected: \(rejection.code) \(rejection.text)")
            report([.rejected(rejection)], requester: session)
        case let .success(request) where message.order.whatIf:
            answerWhatIf(message, request: request, session: session)
        case .success where rejectedOrderSymbols[message.contract.symbol.uppercased()] != nil
            && exchange.engine.orders[orderId] == nil:
            // A reject-orders fault: the exchange takes no new orders in this symbol.
            let reason = rejectedOrderSymbols[message.contract.symbol.uppercased()] ?? ""
            logger.info("order \(orderId) from client \(clientId) rejected by a fault: 201 \(reason)")
            report([.rejected(.rejected(orderId, reason: reason))], requester: session)
        case let .success(request):
            let outcomes = exchange.place(request, at: time)
            logger.info("order \(orderId) from client \(clientId) on connection \(session.connectionNumber): \(request.action.rawValue) \(request.totalQuantity) \(message.contract.symbol) \(request.orderType.rawValue)\(request.lmtPrice.map { " " + $0.description } ?? "") \(request.tif.rawValue) -> \(Self.summary(outcomes))")
            commit(outcomes, requester: session)
        }
        flushAll()
    }

    /// Sends nextValidId to every ready session but `placer`, after the sequence moved.
    func announceNextOrderId(except placer: ClientSession) {
        for other in readySessions where other !== placer {
            other.send(.nextValidId(NextValidID(orderId: nextOrderId)))
        }
    }

    /// cancelOrder. As TWS, only the client id that placed an order may cancel it: for any
    /// other client the order id names nothing (10147), since order ids are per client id
    /// (IB: "cancelOrder can only be used to cancel an order that was placed originally by a
    /// client with the same client ID"; reqGlobalCancel cancels every order).
    func cancel(orderId: Int, session: ClientSession) {
        let clientId = session.clientId ?? 0
        if let order = exchange.engine.orders[orderId], order.clientId != clientId {
            logger.info("cancel order \(orderId) from client \(clientId) refused: placed by client \(order.clientId)")
            report([.rejected(.cancelNotFound(orderId))], requester: session)
            return
        }
        let outcomes = exchange.cancel(orderId: orderId, at: now)
        logger.info("cancel order \(orderId) from client \(session.clientId ?? 0) -> \(Self.summary(outcomes))")
        commit(outcomes, requester: session)
    }

    /// reqGlobalCancel.
    func cancelAll(session: ClientSession) {
        let outcomes = exchange.cancelAll(at: now)
        logger.info("global cancel from client \(session.clientId ?? 0): \(outcomes.count) orders cancelled")
        commit(outcomes, requester: session)
    }

    /// Stages what an exchange operation produced for the ledger and queues its reports.
    ///
    /// Group commit: the reports wait in the sessions' outboxes, which are written only by
    /// ``flushAll()`` or a session's close, and both first call ``persistStaged()``. So every
    /// change of one event-loop turn (all frames of one read, or one timer tick) goes to disk
    /// in one transaction, and no client ever receives a report before its change is stored.
    func commit(_ outcomes: [OrderOutcome], requester: ClientSession?) {
        guard !outcomes.isEmpty else { return }
        stage(outcomes)
        report(outcomes, requester: requester)
    }

    /// Adds the outcomes' effect to the staged ledger change.
    func stage(_ outcomes: [OrderOutcome]) {
        guard ledger != nil else { return }
        let changesSomething = outcomes.contains { if case .rejected(let r) = $0 { r.order != nil } else { true } }
        guard changesSomething || nextOrderId != storedNextOrderId else { return }
        var change = stagedChange ?? LedgerStore.Change(
            account: exchange.account, nextValidOrderId: nextOrderId, nextPermId: exchange.engine.nextPermId,
            nextExecutionSequence: exchange.engine.nextExecutionSequence, sessionDay: exchange.sessionDay)
        change.account = exchange.account
        change.nextValidOrderId = nextOrderId
        change.nextPermId = exchange.engine.nextPermId
        change.nextExecutionSequence = exchange.engine.nextExecutionSequence
        change.sessionDay = exchange.sessionDay
        for outcome in outcomes {
            switch outcome {
            case let .partiallyFilled(fill), let .filled(fill):
                change.fills.append(fill)
                change.orders.append(fill.order)
            case let .statusChanged(order), let .cancelled(order, _):
                change.orders.append(order)
            case let .rejected(rejection):
                if let order = rejection.order { change.orders.append(order) }
            }
        }
        stagedChange = change
    }

    /// Writes the staged change to the ledger in one transaction. A failed write is fatal for
    /// the guarantee "nothing reported that is not stored", so it stops reporting by crashing
    /// loudly rather than lying to clients.
    func persistStaged() {
        guard let ledger else { return }
        if stagedChange == nil, nextOrderId != storedNextOrderId { stage([]) }
        guard let change = stagedChange else { return }
        stagedChange = nil
        storedNextOrderId = change.nextValidOrderId
        do {
            try ledger.record(change)
        } catch {
            logger.critical("cannot write the ledger: \(error)")
            fatalError("paper gateway: cannot write the ledger: \(error)")
        }
    }

    /// Sends each outcome's TWS messages to the placing client (or the requester for a
    /// refusal without an order), then position and account updates to their subscribers.
    func report(_ outcomes: [OrderOutcome], requester: ClientSession?) {
        var filledConIds: Set<Int> = []
        let offset = exchange.configuration.sessionUTCOffsetSeconds
        for outcome in outcomes {
            let owner = outcome.order.flatMap { session(clientId: $0.clientId) } ?? requester
            switch outcome {
            case let .statusChanged(order):
                owner?.send(order.openOrderMessage)
                owner?.send(order.orderStatusMessage)
            case let .partiallyFilled(fill):
                commissions[fill.execution.execId] = fill.commission
                filledConIds.insert(fill.execution.instrument.conId)
                owner?.send(fill.execution.executionDataMessage(reqId: -1, utcOffsetSeconds: offset))
                owner?.send(fill.commission.message)
                owner?.send(fill.order.orderStatusMessage)
            case let .filled(fill):
                commissions[fill.execution.execId] = fill.commission
                filledConIds.insert(fill.execution.instrument.conId)
                owner?.send(fill.execution.executionDataMessage(reqId: -1, utcOffsetSeconds: offset))
                owner?.send(fill.order.openOrderMessage)
                owner?.send(fill.order.orderStatusMessage)
                owner?.send(fill.commission.message)
            case let .cancelled(order, reason):
                owner?.send(order.orderStatusMessage)
                if let owner {
                    send(error: OrderOutcome.cancelCode, OrderOutcome.cancelText(reason: reason), id: order.orderId, to: owner)
                }
            case let .rejected(rejection):
                if let owner {
                    send(error: rejection.code, rejection.text, id: rejection.orderId, to: owner)
                    if let order = rejection.order { owner.send(order.orderStatusMessage) }
                }
            }
        }
        if !filledConIds.isEmpty { positionsChanged(filledConIds) }
    }

    /// OPEN_ORDER and ORDER_STATUS for each open order (the client's own, or all), then OPEN_ORDER_END.
    func sendOpenOrders(to session: ClientSession, all: Bool) {
        for order in exchange.openOrders where all || order.clientId == session.clientId {
            session.send(order.openOrderMessage)
            session.send(order.orderStatusMessage)
        }
        session.send(.openOrderEnd)
    }

    /// reqCompletedOrders: COMPLETED_ORDER for each order of the session day that is no longer
    /// open (filled, cancelled, rejected), oldest first, then COMPLETED_ORDERS_END. Every paper
    /// order came through the API, so `apiOnly` changes nothing. The completion time is the
    /// last fill's; an order without fills gives the time it was placed (the ledger keeps no
    /// cancel time).
    func sendCompletedOrders(to session: ClientSession) {
        let offset = exchange.configuration.sessionUTCOffsetSeconds
        var lastFill: [Int: PaperExecution] = [:]
        for execution in exchange.engine.executions {
            if let seen = lastFill[execution.orderId], seen.time > execution.time { continue }
            lastFill[execution.orderId] = execution
        }
        let today = exchange.engine.orders.values
            .filter { !$0.status.isWorking && CivilTime.dayNumber(of: $0.placedAt, utcOffsetSeconds: offset) == exchange.sessionDay }
            .sorted { $0.placedAt == $1.placedAt ? $0.orderId < $1.orderId : $0.placedAt < $1.placedAt }
        for order in today {
            let completed = lastFill[order.orderId].map { TimeText.executionTime($0.time, utcOffsetSeconds: offset) }
                ?? TimeText.executionTime(order.placedAt, utcOffsetSeconds: offset)
            session.send(order.completedOrderMessage(completedTime: completed))
        }
        session.send(.completedOrdersEnd)
    }

    /// reqExecutions: EXECUTION_DATA and COMMISSION_REPORT per matching execution, then the end.
    func sendExecutions(_ request: RequestExecutions, to session: ClientSession) {
        let filter = request.filter
        let offset = exchange.configuration.sessionUTCOffsetSeconds
        let after = filter.time.isEmpty ? nil : Timestamp(ibDateTime: filter.time)?.secondsSinceEpoch
        if !filter.time.isEmpty, after == nil {
            send(error: 321, "Error validating request.-'bH' : cause - Execution filter time '\(filter.time)' is invalid. Use yyyymmdd hh:mm:ss with an optional time zone, or yyyymmdd-hh:mm:ss in UTC.", id: request.reqId, to: session)
            return
        }
        let today = NewYorkTime.localDay(atUTC: now.secondsSinceEpoch)
        for execution in exchange.engine.executions {
            let seconds = execution.time.secondsSinceEpoch
            let day = NewYorkTime.localDay(atUTC: seconds)
            if filter.clientId != 0, execution.clientId != filter.clientId { continue }
            if !filter.acctCode.isEmpty, filter.acctCode.uppercased() != execution.account.uppercased() { continue }
            if let after, seconds < after { continue }
            if !filter.exchange.isEmpty, filter.exchange.uppercased() != execution.exchange.uppercased() { continue }
            if let days = filter.lastNDays, days != Int(Int32.max), days >= 0, day <= today - Int64(days) { continue }
            if !filter.specificDates.isEmpty,
               !filter.specificDates.contains(Int(TimeText.date(CalendarDay(dayNumber: day).utcMidnight)) ?? 0) { continue }
            if !filter.symbol.isEmpty, filter.symbol.uppercased() != execution.instrument.symbol.uppercased() { continue }
            if !filter.secType.isEmpty, filter.secType.uppercased() != execution.instrument.secType.rawValue { continue }
            if !filter.side.isEmpty, filter.side.uppercased() != execution.action.rawValue,
               filter.side.uppercased() != execution.side { continue }
            session.send(execution.executionDataMessage(reqId: request.reqId, utcOffsetSeconds: offset))
            if let commission = commissions[execution.execId] { session.send(commission.message) }
        }
        session.send(.executionDataEnd(reqId: request.reqId))
    }

    static func summary(_ outcomes: [OrderOutcome]) -> String {
        guard let last = outcomes.last else { return "no change" }
        switch last {
        case let .statusChanged(order): return order.status.ibText
        case let .partiallyFilled(fill):
            return "partially filled \(fill.order.filledQuantity)/\(fill.order.request.totalQuantity) @ \(fill.order.averageFillPrice)"
        case let .filled(fill): return "Filled \(fill.order.filledQuantity) @ \(fill.order.averageFillPrice)"
        case .cancelled: return "Cancelled"
        case let .rejected(rejection): return "rejected \(rejection.code) \(rejection.text)"
        }
    }
}
