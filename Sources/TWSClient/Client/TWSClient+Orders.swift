import Logging
import TWSSession
import TWSWire

/// Placing, cancelling and following orders.
extension IBClient {
    /// Places an order under a fresh order id and returns a handle whose stream carries its
    /// life cycle.
    ///
    /// - Throws: ``TWSClientError/Code/notConnected`` when the connection is not usable,
    ///   ``TWSClientError/Code/liveTradingRefused`` when the order would reach a live account
    ///   and the client was not configured with ``TWSClientConfiguration/allowLive``.
    public func placeOrder(_ contract: Contract, _ order: Order) throws(TWSClientError) -> OrderHandle {
        try authorizeSending(order, what: "the order")
        let orderId = try allocateOrderID()
        var order = order
        order.orderId = orderId
        let (stream, continuation) = AsyncStream.makeStream(of: OrderEvent.self)
        orders.placed(orderId, totalQuantity: order.totalQuantity)
        requestContexts.record(RequestContext(order: order, contract: contract))
        orderStreams[orderId] = continuation
        logger.info("placing order", metadata: [
            "tws.order_id": "\(orderId)", "tws.order": "\(order.action) \(order.totalQuantity?.description ?? "?") \(contract.symbol) \(order.orderType)",
        ])
        send(.placeOrder(PlaceOrder(contract: contract, order: order)))
        rearmTimer()
        return OrderHandle(orderId: orderId, events: stream)
    }

    /// Modifies a working order this client placed (IB: placeOrder again under the order's id,
    /// cancel/replace in one step): new quantity, prices or time in force. Its events keep
    /// coming on the handle it was placed with, if this connection placed it.
    /// - Throws: `.notConnected`, `.liveTradingRefused`, or `.orderIDUnavailable` when
    ///   `orderId` is not an id this client has used.
    public func modifyOrder(_ contract: Contract, _ order: Order, orderId: Int) throws(TWSClientError) {
        try authorizeSending(order, what: "the modification")
        guard let next = orderIDs.nextID, orderId < next, orderId > 0 else {
            throw TWSClientError(.orderIDUnavailable, "order id \(orderId) was never used by this client, so there is no order to modify")
        }
        var order = order
        order.orderId = orderId
        orders.modified(orderId, totalQuantity: order.totalQuantity)
        requestContexts.record(RequestContext(order: order, contract: contract))
        logger.info("modifying order", metadata: [
            "tws.order_id": "\(orderId)", "tws.order": "\(order.action) \(order.totalQuantity?.description ?? "?") \(contract.symbol) \(order.orderType)",
        ])
        send(.placeOrder(PlaceOrder(contract: contract, order: order)))
        rearmTimer()
    }

    /// Asks the gateway what `order` would cost without placing it (IB: placeOrder with
    /// `whatIf`): margin before and after, equity with loan, commission. IB answers under an
    /// order id, which is then used: the client takes the next one, as `placeOrder` does.
    /// - Throws: `.notConnected`, `.liveTradingRefused`, `.orderIDUnavailable`, `.requestFailed`
    ///   with IB's error when the gateway refuses the order (the refusal a real send would
    ///   get), `.timedOut` after the request timeout, `.connectionLost`.
    public func whatIf(_ contract: Contract, _ order: Order) async throws(TWSClientError) -> WhatIfAnswer {
        try authorizeSending(order, what: "the what-if")
        let orderId = try allocateOrderID()
        var order = order
        order.orderId = orderId
        order.whatIf = true
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: WhatIfAnswer.self)
        pending.whatIfs[orderId] = continuation
        requestContexts.record(RequestContext(order: order, contract: contract, whatIf: true))
        send(.placeOrder(PlaceOrder(contract: contract, order: order)))
        armRequestTimeout(orderId)
        return try await firstResult(of: stream)
    }

    /// Refuses to send `order` (`what` names it in the error) unless the connection is usable
    /// and the paper guard allows its account.
    private func authorizeSending(_ order: Order, what: String) throws(TWSClientError) {
        guard case .usable(let info) = machine.state else {
            throw TWSClientError(.notConnected, "not connected to the gateway; \(what) was not sent")
        }
        do {
            try paperGuard.authorizeOrder(account: order.account.isEmpty ? nil : order.account, managedAccounts: info.accounts)
        } catch {
            throw TWSClientError(.liveTradingRefused, error.description, paperGuard: error)
        }
    }

    /// The next order id, or why there is none yet.
    private func allocateOrderID() throws(TWSClientError) -> Int {
        do {
            return try orderIDs.allocate()
        } catch {
            throw TWSClientError(.orderIDUnavailable, "no order id is available yet (\(error)); try again")
        }
    }

    /// Asks the gateway to cancel one order (IB: cancelOrder).
    public func cancelOrder(_ orderId: Int) throws(TWSClientError) {
        guard machine.state.isUsable else {
            throw TWSClientError(.notConnected, "not connected to the gateway; the cancel was not sent")
        }
        send(.cancelOrder(CancelOrder(orderId: orderId)))
        rearmTimer()
    }

    /// Asks the gateway to cancel every open order, also those of other clients (IB: reqGlobalCancel).
    public func cancelAllOrders() throws(TWSClientError) {
        guard machine.state.isUsable else {
            throw TWSClientError(.notConnected, "not connected to the gateway; the cancel was not sent")
        }
        send(.requestGlobalCancel(RequestGlobalCancel()))
        rearmTimer()
    }

    // MARK: Inbound

    func handleOrderStatus(_ m: OrderStatusMessage) {
        var collected = false
        if var query = pending.openOrders, query.results[m.orderId] != nil {
            query.results[m.orderId]?.status = OrderStatusUpdate(m, reason: nil)
            pending.openOrders = query
            collected = true
        }
        // This client id's orders are reported unasked (a poll that also lists one is no reason
        // to keep it from the activity stream); other clients' only through the poll.
        if !orders.isFollowing(m.orderId), !collected || m.clientId == endpoint?.clientId {
            orderActivityObservers.yield(.status(OrderStatusUpdate(m, reason: nil)))
        }
        perform(orders.status(m))
    }

    func handleOpenOrder(_ m: OpenOrder) {
        if let waiting = pending.whatIfs.removeValue(forKey: m.order.orderId) {
            waiting.yield(WhatIfAnswer(m.orderState))
            waiting.finish()
            return
        }
        // IB: after reqAllOpenOrders a client's new order ids must exceed every id it returned.
        if let clientId = endpoint?.clientId, m.order.clientId == clientId || pending.openOrders?.allClients == true {
            orderIDs.observeExistingOrderID(m.order.orderId)
        }
        orders.listedOpen(m.order.orderId)
        // Not asked for, or this client id's (reported unasked, also while a poll collects):
        // an order no handle follows reaches the activity stream (a what-if's answer is never
        // an order).
        if !m.order.whatIf, !orders.isFollowing(m.order.orderId),
           pending.openOrders == nil || m.order.clientId == endpoint?.clientId {
            orderActivityObservers.yield(.openOrder(OpenOrderReport(contract: m.contract, order: m.order, orderState: m.orderState)))
        }
        guard var query = pending.openOrders else { return }
        if query.results[m.order.orderId] == nil { query.order.append(m.order.orderId) }
        let status = query.results[m.order.orderId]?.status
        query.results[m.order.orderId] = OpenOrderReport(contract: m.contract, order: m.order, orderState: m.orderState, status: status)
        pending.openOrders = query
    }

    func handleOpenOrderEnd() {
        if let query = pending.openOrders {
            pending.openOrders = nil
            let reports = query.order.compactMap { query.results[$0] }
            for continuation in query.continuations {
                continuation.yield(reports)
                continuation.finish()
            }
            startQueuedOpenOrders()
        }
        if let (progress, actions) = orders.openOrdersEnded() { reconciled(progress, actions) }
    }

    func handleExecution(_ m: ExecutionData) {
        if var query = pending.executions[m.reqId] {
            query.indexByExecId[m.execution.execId] = query.results.count
            query.results.append(ExecutionReport(execution: m.execution, contract: m.contract))
            pending.executions[m.reqId] = query
        } else if !orders.isFollowing(m.execution.orderId) {
            orderActivityObservers.yield(.execution(ExecutionReport(execution: m.execution, contract: m.contract)))
        }
        perform(orders.execution(m))
    }

    func handleExecutionEnd(_ reqId: Int) {
        if let query = pending.executions.removeValue(forKey: reqId) {
            query.continuation.yield(query.results)
            query.continuation.finish()
        }
        if let (progress, actions) = orders.executionsEnded(reqId) { reconciled(progress, actions) }
    }

    func handleCommission(_ m: CommissionReport) {
        var collected = false
        for (reqId, var query) in pending.executions {
            guard let index = query.indexByExecId[m.execId] else { continue }
            query.results[index].commission = m
            pending.executions[reqId] = query
            collected = true
        }
        if !collected, !orders.isFollowing(execution: m.execId) {
            orderActivityObservers.yield(.commission(m))
        }
        perform(orders.commission(m))
    }

    func handleOrderNotice(_ notice: TWSNotice) {
        perform(orders.notice(notice))
    }

    /// An order still waiting in the pacing queue when its connection was lost never left
    /// the client: report it cancelled by the API rather than leave its stream hanging.
    func orderNeverSent(_ orderId: Int) {
        let actions = orders.neverSent(orderId)
        guard !actions.isEmpty else { return }
        logger.warning("order not sent", metadata: ["tws.order_id": "\(orderId)"])
        perform(actions)
    }

    /// Carries out what the order book decided: yields, and ends streams now or after the
    /// commission grace period.
    func perform(_ actions: [OrderAction]) {
        for action in actions {
            switch action {
            case let .yield(event, orderId):
                orderStreams[orderId]?.yield(event)
            case let .finish(orderId):
                finishOrder(orderId)
            case let .finishAfterGrace(orderId):
                let deadline = clock.now() + configuration.commissionGrace
                let clock = self.clock
                Task { [weak self] in
                    try? await clock.sleep(until: deadline)
                    await self?.finishOrder(orderId)
                }
            }
        }
    }

    private func finishOrder(_ orderId: Int) {
        orderStreams.removeValue(forKey: orderId)?.finish()
        orders.finished(orderId)
    }

    // MARK: Reconciliation

    /// Requests open orders and today's executions; the connection becomes usable once both
    /// have ended. Repeated executions are reported to order streams only once.
    func startReconciliation() {
        let reqId = requestIDs.allocate()
        orders.startReconciliation(executionsRequestID: reqId)
        logger.info("reconciling orders: requesting open orders and executions")
        send(.requestOpenOrders)
        send(.requestExecutions(RequestExecutions(reqId: reqId)))
    }

    /// Both lists ended: orders the gateway no longer lists get their final status (see
    /// ``OrderBook``), and the state machine hears that reconciliation is done.
    private func reconciled(_ progress: OrderReconciliation, _ actions: [OrderAction]) {
        logger.info("orders reconciled", metadata: [
            "tws.open_orders": "\(progress.openOrders)", "tws.executions": "\(progress.executions)",
        ])
        for case let .yield(.status(update), orderId) in actions {
            logger.warning("order missing at the gateway after reconnect", metadata: [
                "tws.order_id": "\(orderId)", "tws.acknowledged": "\(update.status == .cancelled)",
            ])
        }
        perform(actions)
        perform(machine.handle(.reconcileFinished, now: clock.now()))
    }
}
