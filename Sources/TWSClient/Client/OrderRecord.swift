import TWSWire
import Vocabulary

/// What the client tracks about one order it placed.
struct OrderRecord: Sendable {
    /// The subscriber's stream; `nil` once finished.
    var continuation: AsyncStream<OrderEvent>.Continuation?
    /// The last status reported.
    var lastStatus: OrderStatusUpdate?
    /// Executions already reported.
    var execIds: Set<String> = []
    /// Executions whose commission has not arrived.
    var pendingCommissions: Set<String> = []
    /// Commissions already reported.
    var commissionsSeen: Set<String> = []
    /// The gateway's latest reason (from an ERR_MSG for this order).
    var reason: String?
    /// Whether a final status arrived.
    var isFinal = false
    /// Whether a gap is open.
    var inGap = false
    /// The order's total quantity, to recognise a fill learnt only from executions.
    var totalQuantity: FixedDecimal?
    /// The largest cumulative quantity any execution reported.
    var filledByExecutions: FixedDecimal?

    init(continuation: AsyncStream<OrderEvent>.Continuation, totalQuantity: FixedDecimal?) {
        self.continuation = continuation
        self.totalQuantity = totalQuantity
    }

    /// Whether the stream may end now.
    var isComplete: Bool { isFinal && pendingCommissions.isEmpty }
}
