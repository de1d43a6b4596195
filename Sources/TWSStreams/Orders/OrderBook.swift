import TWSWire
import Vocabulary

/// The pure half of following orders: every order the client placed, what was reported on
/// its stream, and the reconciliation after a (re)connect. Each method takes one decoded
/// message (or connection event) and returns what to yield and when to end the streams;
/// the client carries the actions out.
///
/// Repeated statuses are dropped, each execution and commission is reported once (also when
/// reconciliation repeats it), a rejection (201) is final at once, and an order the gateway
/// no longer lists after a reconnect gets a final status instead of an open stream forever.
package struct OrderBook: Sendable {
    /// The orders followed, by order id.
    package private(set) var tracks: [Int: OrderTrack] = [:]
    /// The order of every execution id seen, for its commission report.
    private var orderForExecID: [String: Int] = [:]
    /// Reconciliation under way, if any.
    package private(set) var reconciliation: OrderReconciliation?

    /// An empty book.
    package init() {}

    /// Whether the order's stream is open.
    package func isFollowing(_ orderId: Int) -> Bool {
        tracks[orderId]?.isStreaming == true
    }

    /// Whether the execution `execId` belongs to an order whose stream is open (its
    /// commission is reported there).
    package func isFollowing(execution execId: String) -> Bool {
        orderForExecID[execId].map(isFollowing) ?? false
    }

    /// Starts following a newly placed order.
    package mutating func placed(_ orderId: Int, totalQuantity: FixedDecimal?) {
        tracks[orderId] = OrderTrack(totalQuantity: totalQuantity)
    }

    /// The order was modified (placed again under its id) with a new total quantity.
    package mutating func modified(_ orderId: Int, totalQuantity: FixedDecimal?) {
        guard let totalQuantity else { return }
        tracks[orderId]?.totalQuantity = totalQuantity
    }

    /// The order's stream ended.
    package mutating func finished(_ orderId: Int) {
        tracks[orderId]?.isStreaming = false
    }

    /// Forgets every order (the client disconnected).
    package mutating func removeAll() {
        tracks.removeAll()
        orderForExecID.removeAll()
        reconciliation = nil
    }

    // MARK: Messages

    /// ORDER_STATUS.
    package mutating func status(_ m: OrderStatusMessage) -> [OrderAction] {
        guard var track = tracks[m.orderId], track.isStreaming else { return [] }
        var update = OrderStatusUpdate(m, reason: nil)
        if update.status.isFinal { update.reason = track.reason }
        if let last = track.lastStatus, last.sameProgress(as: update) { return [] }
        track.lastStatus = update
        if update.status.isFinal { track.isFinal = true }
        tracks[m.orderId] = track
        return [.yield(.status(update), orderId: m.orderId)] + finishIfComplete(m.orderId)
    }

    /// OPEN_ORDER (or an unreadable one naming the order): the gateway lists the order open.
    package mutating func listedOpen(_ orderId: Int) {
        reconciliation?.openOrders += 1
        reconciliation?.listedOrderIDs.insert(orderId)
    }

    /// EXECUTION_DATA.
    package mutating func execution(_ m: ExecutionData) -> [OrderAction] {
        let execId = m.execution.execId
        let orderId = m.execution.orderId
        orderForExecID[execId] = orderId
        if reconciliation?.executionsRequestID == m.reqId { reconciliation?.executions += 1 }
        guard var track = tracks[orderId], track.isStreaming, track.execIds.insert(execId).inserted else { return [] }
        if !track.commissionsSeen.contains(execId) { track.pendingCommissions.insert(execId) }
        track.filledByExecutions = max(track.filledByExecutions ?? .zero, m.execution.cumQty)
        var actions: [OrderAction] = [.yield(.execution(m.execution, contract: m.contract), orderId: orderId)]
        // An order that filled while the connection was down is learnt from its executions
        // alone (REQ_OPEN_ORDERS no longer lists it): report it filled.
        if reconciliation != nil, !track.isFinal, let total = track.totalQuantity, m.execution.cumQty >= total {
            let update = OrderStatusUpdate(
                orderId: orderId, status: .filled, filled: m.execution.cumQty, remaining: .zero,
                avgFillPrice: m.execution.avgPrice, lastFillPrice: m.execution.price, permId: m.execution.permId
            )
            track.lastStatus = update
            track.isFinal = true
            actions.append(.yield(.status(update), orderId: orderId))
        }
        tracks[orderId] = track
        return actions + finishIfComplete(orderId)
    }

    /// COMMISSION_REPORT.
    package mutating func commission(_ m: CommissionReport) -> [OrderAction] {
        guard let orderId = orderForExecID[m.execId], var track = tracks[orderId], track.isStreaming,
            track.commissionsSeen.insert(m.execId).inserted
        else { return [] }
        track.pendingCommissions.remove(m.execId)
        tracks[orderId] = track
        return [.yield(.commission(m), orderId: orderId)] + finishIfComplete(orderId)
    }

    /// An ERR_MSG about the order (its id is the order id).
    package mutating func notice(_ notice: TWSNotice) -> [OrderAction] {
        guard var track = tracks[notice.id], track.isStreaming else { return [] }
        track.reason = notice.message
        var actions: [OrderAction] = [.yield(.notice(notice), orderId: notice.id)]
        // 201: rejected. TWS usually follows with Inactive or Cancelled; report it at once.
        if notice.code == 201, !track.isFinal {
            let last = track.lastStatus
            let update = OrderStatusUpdate(
                orderId: notice.id, status: .inactive, filled: last?.filled ?? .zero, remaining: last?.remaining ?? .zero,
                avgFillPrice: last?.avgFillPrice ?? 0, lastFillPrice: last?.lastFillPrice ?? 0,
                permId: last?.permId ?? 0, reason: notice.message
            )
            track.lastStatus = update
            track.isFinal = true
            actions.append(.yield(.status(update), orderId: notice.id))
        }
        tracks[notice.id] = track
        return actions + finishIfComplete(notice.id)
    }

    /// An order still waiting in the pacing queue when its connection was lost never left the
    /// client: it is reported cancelled by the API rather than left hanging. Empty when the
    /// gateway had already reported on it.
    package mutating func neverSent(_ orderId: Int) -> [OrderAction] {
        guard var track = tracks[orderId], track.isStreaming, track.lastStatus == nil else { return [] }
        let update = OrderStatusUpdate(
            orderId: orderId, status: .apiCancelled, filled: .zero, remaining: track.totalQuantity ?? .zero,
            avgFillPrice: 0, lastFillPrice: 0, permId: 0,
            reason: "the order was never sent: the connection was lost while it waited in the pacing queue"
        )
        track.lastStatus = update
        track.isFinal = true
        track.isStreaming = false
        tracks[orderId] = track
        return [.yield(.status(update), orderId: orderId), .finish(orderId: orderId)]
    }

    // MARK: The connection

    /// The connection was lost: every followed order's stream gets one gap.
    package mutating func connectionLost(_ gap: StreamGap) -> [OrderAction] {
        reconciliation = nil
        var actions: [OrderAction] = []
        for orderId in tracks.keys.sorted() where tracks[orderId]?.isStreaming == true && tracks[orderId]?.inGap == false {
            tracks[orderId]?.inGap = true
            actions.append(.yield(.gap(gap), orderId: orderId))
        }
        return actions
    }

    /// The connection is usable again and the orders reconciled: every gap closes.
    package mutating func usable() -> [OrderAction] {
        var actions: [OrderAction] = []
        for orderId in tracks.keys.sorted() where tracks[orderId]?.inGap == true {
            tracks[orderId]?.inGap = false
            if tracks[orderId]?.isStreaming == true { actions.append(.yield(.resumed, orderId: orderId)) }
        }
        return actions
    }

    // MARK: Reconciliation

    /// Reconciliation starts: open orders and executions (under `executionsRequestID`) requested.
    package mutating func startReconciliation(executionsRequestID: Int) {
        reconciliation = OrderReconciliation(executionsRequestID: executionsRequestID)
    }

    /// OPEN_ORDER_END; the finished reconciliation when this ended it.
    package mutating func openOrdersEnded() -> (OrderReconciliation, [OrderAction])? {
        guard reconciliation != nil else { return nil }
        reconciliation?.openOrdersDone = true
        return finishReconciliationIfDone()
    }

    /// EXECUTION_DATA_END for `reqId`; the finished reconciliation when this ended it.
    package mutating func executionsEnded(_ reqId: Int) -> (OrderReconciliation, [OrderAction])? {
        guard reconciliation?.executionsRequestID == reqId else { return nil }
        reconciliation?.executionsDone = true
        return finishReconciliationIfDone()
    }

    private mutating func finishReconciliationIfDone() -> (OrderReconciliation, [OrderAction])? {
        guard let progress = reconciliation, progress.isDone else { return nil }
        reconciliation = nil
        return (progress, resolveOrdersMissingAtTheGateway(listed: progress.listedOrderIDs))
    }

    /// Orders that were under way when the link dropped, that the gateway no longer lists open
    /// and whose executions do not fill them, are not working at the gateway: either it never
    /// received them (the placeOrder was lost with the connection) or it ended them while the
    /// client was away. Nothing more will come for them, so each gets a final status now:
    /// ApiCancelled when the gateway never acknowledged the order, Cancelled (with any fills so
    /// far) when it had.
    private mutating func resolveOrdersMissingAtTheGateway(listed: Set<Int>) -> [OrderAction] {
        var actions: [OrderAction] = []
        for orderId in tracks.keys.sorted() {
            guard var track = tracks[orderId], track.isStreaming, track.inGap, !track.isFinal, !listed.contains(orderId)
            else { continue }
            let last = track.lastStatus
            let filled = max(track.filledByExecutions ?? .zero, last?.filled ?? .zero)
            let acknowledged = last != nil || track.filledByExecutions != nil
            let reason = acknowledged
                ? "the order is no longer open at the gateway: it ended while the connection was down"
                : "the gateway never received the order: it was lost with the connection"
            let update = OrderStatusUpdate(
                orderId: orderId, status: acknowledged ? .cancelled : .apiCancelled, filled: filled, remaining: .zero,
                avgFillPrice: last?.avgFillPrice ?? 0, lastFillPrice: last?.lastFillPrice ?? 0, permId: last?.permId ?? 0,
                reason: reason
            )
            track.lastStatus = update
            track.isFinal = true
            track.inGap = false
            tracks[orderId] = track
            actions.append(.yield(.status(update), orderId: orderId))
            actions += finishIfComplete(orderId)
        }
        return actions
    }

    /// A fill is complete once every commission is in; a cancel or rejection waits the grace
    /// period for the ERR_MSG that usually trails it (202, 201) to carry the reason.
    private mutating func finishIfComplete(_ orderId: Int) -> [OrderAction] {
        guard let track = tracks[orderId], track.isFinal else { return [] }
        if track.isComplete, track.lastStatus?.status == .filled {
            tracks[orderId]?.isStreaming = false
            return [.finish(orderId: orderId)]
        }
        return [.finishAfterGrace(orderId: orderId)]
    }
}
