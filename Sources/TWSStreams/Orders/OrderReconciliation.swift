/// The progress of reconciling orders after a (re)connect: open orders and today's executions
/// requested, the connection usable once both lists have ended.
package struct OrderReconciliation: Sendable, Equatable {
    /// The request id of the executions request.
    package var executionsRequestID: Int
    /// Whether OPEN_ORDER_END arrived.
    package var openOrdersDone = false
    /// Whether EXECUTION_DATA_END arrived for ``executionsRequestID``.
    package var executionsDone = false
    /// How many open orders the gateway listed.
    package var openOrders = 0
    /// How many executions the gateway listed.
    package var executions = 0
    /// The orders the gateway listed open.
    package var listedOrderIDs: Set<Int> = []

    /// Reconciliation under way, its executions requested under `executionsRequestID`.
    package init(executionsRequestID: Int) {
        self.executionsRequestID = executionsRequestID
    }

    /// Whether both lists have ended.
    package var isDone: Bool { openOrdersDone && executionsDone }
}
