import TWSWire

/// An event in one order's life, on ``OrderHandle/events``.
public enum OrderEvent: Hashable, Sendable {
    /// The status changed (PendingSubmit, PreSubmitted, Submitted, partial fills, Filled,
    /// Cancelled, Inactive with its reason). Repeated identical statuses are dropped.
    case status(OrderStatusUpdate)
    /// A fill. Each execution id is reported once, also when reconciliation repeats it.
    case execution(Execution, contract: Contract)
    /// The commission of a fill.
    case commission(CommissionReport)
    /// The gateway's error or warning about this order (e.g. 201 rejected, 202 cancelled).
    case notice(TWSNotice)
    /// The connection was lost; the order's fate is reconciled on reconnect.
    case gap(StreamGap)
    /// The connection is back and the order was reconciled.
    case resumed
}
