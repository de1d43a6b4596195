import Testing
import TWSSession
import TWSStreams
import TWSWire
import Vocabulary

/// Order tracking and reconciliation, on values: decoded messages in, actions out.
@Suite struct OrderBookTests {
    static func status(_ id: Int, _ text: String, filled: FixedDecimal = .zero, remaining: FixedDecimal = 100) -> OrderStatusMessage {
        OrderStatusMessage(orderId: id, status: text, filled: filled, remaining: remaining, avgFillPrice: 0, permId: 9, lastFillPrice: 0, clientId: 7)
    }

    static func fill(_ id: Int, exec: String, cumulative: FixedDecimal, reqId: Int = -1) -> ExecutionData {
        var execution = Execution()
        execution.orderId = id
        execution.execId = exec
        execution.shares = cumulative
        execution.cumQty = cumulative
        execution.price = 10
        execution.avgPrice = 10
        return ExecutionData(reqId: reqId, contract: Contract(symbol: "AAPL"), execution: execution)
    }

    static func statuses(_ actions: [OrderAction]) -> [OrderStatus] {
        actions.compactMap { if case .yield(.status(let update), _) = $0 { update.status } else { nil } }
    }

    @Test func theStatusStaysAnOrderStatusAndRepeatsAreDropped() {
        var book = OrderBook()
        book.placed(1, totalQuantity: 100)
        #expect(Self.statuses(book.status(Self.status(1, "Submitted"))) == [.submitted])
        #expect(book.status(Self.status(1, "Submitted")).isEmpty, "TWS repeats statuses")
        #expect(book.status(Self.status(2, "Submitted")).isEmpty, "an order not placed here is not followed")
    }

    @Test func aFillEndsTheStreamOnceEveryCommissionIsIn() {
        var book = OrderBook()
        book.placed(1, totalQuantity: 100)
        let execution = book.execution(Self.fill(1, exec: "e1", cumulative: 100))
        #expect(execution.count == 1)
        #expect(book.execution(Self.fill(1, exec: "e1", cumulative: 100)).isEmpty, "each execution once")
        let filled = book.status(Self.status(1, "Filled", filled: 100, remaining: 0))
        #expect(Self.statuses(filled) == [.filled])
        #expect(filled.last == .finishAfterGrace(orderId: 1), "a commission is due")
        let commission = book.commission(CommissionReport(execId: "e1", commission: 1, currency: "USD", realizedPNL: nil))
        #expect(commission.last == .finish(orderId: 1))
        #expect(!book.isFollowing(1))
    }

    @Test func aRejectionIsFinalAtOnceWithIBsReason() {
        var book = OrderBook()
        book.placed(1, totalQuantity: 100)
        let notice = TWSNotice(id: 1, code: 201, message: "Order rejected - reason: no margin", receivedAt: .origin)
        let actions = book.notice(notice)
        #expect(actions.first == .yield(.notice(notice), orderId: 1))
        guard case .yield(.status(let update), _)? = actions.dropFirst().first else {
            Issue.record("no status in \(actions)")
            return
        }
        #expect(update.status == .inactive && update.reason == notice.message)
        #expect(actions.last == .finishAfterGrace(orderId: 1))
    }

    @Test func reconciliationEndsOrdersTheGatewayNoLongerListsAndFillsThoseItsExecutionsFill() {
        var book = OrderBook()
        book.placed(1, totalQuantity: 100)   // acknowledged, then gone
        book.placed(2, totalQuantity: 100)   // never acknowledged
        book.placed(3, totalQuantity: 50)    // filled while away
        book.placed(4, totalQuantity: 100)   // still open
        _ = book.status(Self.status(1, "Submitted"))
        _ = book.status(Self.status(4, "Submitted"))
        let gaps = book.connectionLost(.connectionLost(.socketClosed))
        #expect(gaps.count == 4)
        book.startReconciliation(executionsRequestID: 77)
        book.listedOpen(4)
        #expect(book.openOrdersEnded() == nil, "executions still due")
        #expect(Self.statuses(book.execution(Self.fill(3, exec: "e3", cumulative: 50, reqId: 77))) == [.filled])
        let finished = book.executionsEnded(77)
        #expect(finished?.0.openOrders == 1 && finished?.0.executions == 1)
        let statuses = finished.map { Self.statuses($0.1) } ?? []
        #expect(statuses == [.cancelled, .apiCancelled], "order 1 acknowledged, order 2 never received")
        #expect(book.reconciliation == nil)
        let resumed = book.usable().compactMap { if case .yield(.resumed, let id) = $0 { id } else { nil } }
        #expect(resumed.contains(4))
    }

    @Test func anOrderLeftInThePacingQueueIsCancelledByTheAPI() {
        var book = OrderBook()
        book.placed(1, totalQuantity: 10)
        let actions = book.neverSent(1)
        #expect(Self.statuses(actions) == [.apiCancelled])
        #expect(actions.last == .finish(orderId: 1))
        #expect(book.neverSent(1).isEmpty)
    }
}
