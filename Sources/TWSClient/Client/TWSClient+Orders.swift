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
        guard case .usable(let info) = machine.state else {
            throw TWSClientError(.notConnected, "not connected to the gateway; the order was not sent")
        }
        do {
            try paperGuard.authorizeOrder(account: order.account.isEmpty ? nil : order.account, managedAccounts: info.accounts)
        } catch {
            throw TWSClientError(.liveTradingRefused, error.description, paperGuard: error)
        }
        let orderId: Int
        do {
            orderId = try orderIDs.allocate()
        } catch {
            throw TWSClientError(.orderIDUnavailable, "no order id is available yet (\(error)); try again")
        }
        var order = order
        order.orderId = orderId
        let (stream, continuation) = AsyncStream.makeStream(of: OrderEvent.self)
        orders[orderId] = OrderRecord(continuation: continuation, totalQuantity: order.totalQuantity)
        logger.info("placing order", metadata: [
            "tws.order_id": "\(orderId)", "tws.order": "\(order.action) \(order.totalQuantity?.description ?? "?") \(contract.symbol) \(order.orderType)",
        ])
        send(.placeOrder(PlaceOrder(contract: contract, order: order)))
        rearmTimer()
        return OrderHandle(orderId: orderId, events: stream)
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
        if var query = pending.openOrders, query.results[m.orderId] != nil {
            query.results[m.orderId]?.status = OrderStatusUpdate(m, reason: nil)
            pending.openOrders = query
        }
        guard var record = orders[m.orderId], record.continuation != nil else { return }
        let update = OrderStatusUpdate(m, reason: OrderStatus(ibText: m.status).isFinal ? record.reason : nil)
        if let last = record.lastStatus, last.sameProgress(as: update) { return }
        record.lastStatus = update
        record.continuation?.yield(.status(update))
        if update.status.isFinal { record.isFinal = true }
        orders[m.orderId] = record
        finishOrderIfComplete(m.orderId)
    }

    func handleOpenOrder(_ m: OpenOrder) {
        // IB: after reqAllOpenOrders a client's new order ids must exceed every id it returned.
        if let clientId = endpoint?.clientId, m.order.clientId == clientId || pending.openOrders?.allClients == true {
            orderIDs.observeExistingOrderID(m.order.orderId)
        }
        if reconciliation != nil {
            reconciliation?.openOrders += 1
            reconciliation?.listedOrderIDs.insert(m.order.orderId)
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
        guard reconciliation != nil else { return }
        reconciliation?.openOrdersDone = true
        finishReconciliationIfDone()
    }

    func handleExecution(_ m: ExecutionData) {
        let execId = m.execution.execId
        orderForExecID[execId] = m.execution.orderId
        if reconciliation?.executionsRequestID == m.reqId { reconciliation?.executions += 1 }
        if var query = pending.executions[m.reqId] {
            query.indexByExecId[execId] = query.results.count
            query.results.append(ExecutionReport(execution: m.execution, contract: m.contract))
            pending.executions[m.reqId] = query
        }
        guard var record = orders[m.execution.orderId], record.continuation != nil,
            record.execIds.insert(execId).inserted
        else { return }
        if !record.commissionsSeen.contains(execId) { record.pendingCommissions.insert(execId) }
        record.filledByExecutions = max(record.filledByExecutions ?? .zero, m.execution.cumQty)
        record.continuation?.yield(.execution(m.execution, contract: m.contract))
        // An order that filled while the connection was down is learnt from its executions
        // alone (REQ_OPEN_ORDERS no longer lists it): report it filled.
        if reconciliation != nil, !record.isFinal, let total = record.totalQuantity, m.execution.cumQty >= total {
            let update = OrderStatusUpdate(
                orderId: m.execution.orderId, status: .filled, filled: m.execution.cumQty, remaining: .zero,
                avgFillPrice: m.execution.avgPrice, lastFillPrice: m.execution.price, permId: m.execution.permId
            )
            record.lastStatus = update
            record.isFinal = true
            record.continuation?.yield(.status(update))
        }
        orders[m.execution.orderId] = record
        finishOrderIfComplete(m.execution.orderId)
    }

    func handleExecutionEnd(_ reqId: Int) {
        if let query = pending.executions.removeValue(forKey: reqId) {
            query.continuation.yield(query.results)
            query.continuation.finish()
        }
        guard reconciliation?.executionsRequestID == reqId else { return }
        reconciliation?.executionsDone = true
        finishReconciliationIfDone()
    }

    func handleCommission(_ m: CommissionReport) {
        for (reqId, var query) in pending.executions {
            guard let index = query.indexByExecId[m.execId] else { continue }
            query.results[index].commission = m
            pending.executions[reqId] = query
        }
        guard let orderId = orderForExecID[m.execId], var record = orders[orderId], record.continuation != nil,
            record.commissionsSeen.insert(m.execId).inserted
        else { return }
        record.pendingCommissions.remove(m.execId)
        record.continuation?.yield(.commission(m))
        orders[orderId] = record
        finishOrderIfComplete(orderId)
    }

    func handleOrderNotice(_ notice: TWSNotice) {
        guard var record = orders[notice.id], record.continuation != nil else { return }
        record.reason = notice.message
        record.continuation?.yield(.notice(notice))
        // 201: rejected. TWS usually follows with Inactive or Cancelled; report it at once.
        if notice.code == 201, !record.isFinal {
            let last = record.lastStatus
            let update = OrderStatusUpdate(
                orderId: notice.id, status: .inactive, filled: last?.filled ?? .zero, remaining: last?.remaining ?? .zero,
                avgFillPrice: last?.avgFillPrice ?? 0, lastFillPrice: last?.lastFillPrice ?? 0,
                permId: last?.permId ?? 0, reason: notice.message
            )
            record.lastStatus = update
            record.isFinal = true
            record.continuation?.yield(.status(update))
        }
        orders[notice.id] = record
        finishOrderIfComplete(notice.id)
    }

    private func finishOrderIfComplete(_ orderId: Int) {
        guard let record = orders[orderId], record.isFinal else { return }
        // A fill is complete once every commission is in; a cancel or rejection waits the
        // grace period for the ERR_MSG that usually trails it (202, 201) to carry the reason.
        if record.isComplete, record.lastStatus?.status == .filled {
            record.continuation?.finish()
            orders[orderId]?.continuation = nil
            return
        }
        let grace = configuration.commissionGrace
        let deadline = clock.now() + grace
        let clock = self.clock
        Task { [weak self] in
            try? await clock.sleep(until: deadline)
            await self?.finishOrder(orderId)
        }
    }

    /// An order still waiting in the pacing queue when its connection was lost never left
    /// the client: report it cancelled by the API rather than leave its stream hanging.
    func orderNeverSent(_ orderId: Int) {
        guard var record = orders[orderId], record.continuation != nil, record.lastStatus == nil else { return }
        let reason = "the order was never sent: the connection was lost while it waited in the pacing queue"
        logger.warning("order not sent", metadata: ["tws.order_id": "\(orderId)"])
        let update = OrderStatusUpdate(
            orderId: orderId, status: .apiCancelled, filled: .zero, remaining: record.totalQuantity ?? .zero,
            avgFillPrice: 0, lastFillPrice: 0, permId: 0, reason: reason
        )
        record.lastStatus = update
        record.isFinal = true
        record.continuation?.yield(.status(update))
        record.continuation?.finish()
        record.continuation = nil
        orders[orderId] = record
    }

    private func finishOrder(_ orderId: Int) {
        orders[orderId]?.continuation?.finish()
        orders[orderId]?.continuation = nil
    }

    // MARK: Reconciliation

    /// Requests open orders and today's executions; the connection becomes usable once both
    /// have ended. Repeated executions are reported to order streams only once.
    func startReconciliation() {
        let reqId = requestIDs.allocate()
        reconciliation = Reconciliation(executionsRequestID: reqId)
        logger.info("reconciling orders: requesting open orders and executions")
        send(.requestOpenOrders)
        send(.requestExecutions(RequestExecutions(reqId: reqId)))
    }

    private func finishReconciliationIfDone() {
        guard let progress = reconciliation, progress.openOrdersDone, progress.executionsDone else { return }
        reconciliation = nil
        logger.info("orders reconciled", metadata: [
            "tws.open_orders": "\(progress.openOrders)", "tws.executions": "\(progress.executions)",
        ])
        resolveOrdersMissingAtTheGateway(listed: progress.listedOrderIDs)
        perform(machine.handle(.reconcileFinished, now: clock.now()))
    }

    /// Orders that were under way when the link dropped, that the gateway no longer lists open
    /// and whose executions do not fill them, are not working at the gateway: either it never
    /// received them (the placeOrder was lost with the connection) or it ended them while the
    /// client was away. Nothing more will come for them, so each gets a final status now
    /// rather than an open stream forever: ApiCancelled when the gateway never acknowledged
    /// the order, Cancelled (with any fills so far) when it had.
    private func resolveOrdersMissingAtTheGateway(listed: Set<Int>) {
        for orderId in orders.keys.sorted() {
            guard var record = orders[orderId], record.continuation != nil, record.inGap, !record.isFinal,
                !listed.contains(orderId)
            else { continue }
            let last = record.lastStatus
            let filled = max(record.filledByExecutions ?? .zero, last?.filled ?? .zero)
            let acknowledged = last != nil || record.filledByExecutions != nil
            let reason = acknowledged
                ? "the order is no longer open at the gateway: it ended while the connection was down"
                : "the gateway never received the order: it was lost with the connection"
            logger.warning("order missing at the gateway after reconnect", metadata: [
                "tws.order_id": "\(orderId)", "tws.acknowledged": "\(acknowledged)",
            ])
            let update = OrderStatusUpdate(
                orderId: orderId, status: acknowledged ? .cancelled : .apiCancelled, filled: filled, remaining: .zero,
                avgFillPrice: last?.avgFillPrice ?? 0, lastFillPrice: last?.lastFillPrice ?? 0, permId: last?.permId ?? 0,
                reason: reason
            )
            record.lastStatus = update
            record.isFinal = true
            record.inGap = false
            record.continuation?.yield(.status(update))
            orders[orderId] = record
            finishOrderIfComplete(orderId)
        }
    }
}
