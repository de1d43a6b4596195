import TWSWire
import Vocabulary

/// What the client knows about one order it placed and still follows.
package struct OrderTrack: Sendable, Equatable {
    /// Whether its event stream is open (it ends once the order is final and complete).
    package var isStreaming = true
    /// The last status reported.
    package var lastStatus: OrderStatusUpdate?
    /// Executions already reported.
    package var execIds: Set<String> = []
    /// Executions whose commission has not arrived.
    package var pendingCommissions: Set<String> = []
    /// Commissions already reported.
    package var commissionsSeen: Set<String> = []
    /// The gateway's latest reason (from an ERR_MSG for this order).
    package var reason: String?
    /// Whether a final status arrived.
    package var isFinal = false
    /// Whether a gap is open.
    package var inGap = false
    /// The order's total quantity, to recognise a fill learnt only from executions.
    package var totalQuantity: FixedDecimal?
    /// The largest cumulative quantity any execution reported.
    package var filledByExecutions: FixedDecimal?

    /// A newly placed order.
    package init(totalQuantity: FixedDecimal?) {
        self.totalQuantity = totalQuantity
    }

    /// Whether the stream may end now.
    package var isComplete: Bool { isFinal && pendingCommissions.isEmpty }
}
