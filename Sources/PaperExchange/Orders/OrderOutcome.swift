/// What happened to an order in one call, in order: the server turns each into TWS messages.
public enum OrderOutcome: Sendable, Hashable {
    /// The order was accepted, modified, triggered or started working: send OPEN_ORDER and
    /// ORDER_STATUS for the snapshot.
    case statusChanged(PaperOrder)
    /// A fill that leaves quantity remaining (status `Submitted`): EXECUTION_DATA,
    /// COMMISSION_REPORT, ORDER_STATUS.
    case partiallyFilled(Fill)
    /// The fill that completes the order (status `Filled`): EXECUTION_DATA, OPEN_ORDER,
    /// ORDER_STATUS, COMMISSION_REPORT.
    case filled(Fill)
    /// The order was cancelled (by request, global cancel or DAY expiry): ORDER_STATUS
    /// `Cancelled` and ERR_MSG(orderId, 202, ``cancelText``).
    case cancelled(PaperOrder, reason: String)
    /// The request was refused: ERR_MSG(orderId, code, text), plus ORDER_STATUS when the
    /// rejection carries an order.
    case rejected(OrderRejection)

    /// IB's error code for a cancellation notice.
    public static let cancelCode = 202

    /// IB's text for a cancellation notice: `Order Canceled - reason:` and the reason.
    public static func cancelText(reason: String) -> String {
        "Order Canceled - reason:" + reason
    }

    /// The order this outcome reports on, when there is one.
    public var order: PaperOrder? {
        switch self {
        case .statusChanged(let order), .cancelled(let order, _): order
        case .partiallyFilled(let fill), .filled(let fill): fill.order
        case .rejected(let rejection): rejection.order
        }
    }
}

/// One execution with its commission and the order state after it.
public struct Fill: Sendable, Hashable, Codable {
    /// The order after this fill.
    public var order: PaperOrder
    /// The execution record.
    public var execution: PaperExecution
    /// The commission record for ``execution``.
    public var commission: PaperCommissionReport

    /// Creates a fill.
    public init(order: PaperOrder, execution: PaperExecution, commission: PaperCommissionReport) {
        self.order = order
        self.execution = execution
        self.commission = commission
    }
}
