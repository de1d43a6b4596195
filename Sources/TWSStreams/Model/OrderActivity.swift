import TWSWire

/// What the gateway reports of an order no handle of this connection follows and no pending
/// request asked for: an order this client id placed on an earlier connection or in an earlier
/// run (IB sends a client id's order events to whichever connection holds the id), or, in a
/// replay, the recorded session's own orders. On ``IBClient/orderActivity()``.
public enum OrderActivity: Hashable, Sendable {
    /// OPEN_ORDER: the order as listed, with its state (not for a what-if answer).
    case openOrder(OpenOrderReport)
    /// ORDER_STATUS.
    case status(OrderStatusUpdate)
    /// EXECUTION_DATA not answering a request of this client's (IB's reqId −1).
    case execution(ExecutionReport)
    /// COMMISSION_REPORT of such an execution.
    case commission(CommissionReport)

}
