/// Everything of a ``PaperMarket`` worth persisting: the ledger, every order (open GTC and
/// DAY orders included), every execution and the id counters. The SQLite layer stores it; the
/// market restarts from the seed on restore.
public struct PaperExchangeSnapshot: Sendable, Hashable, Codable {
    /// The account ledger.
    public var account: PaperAccount
    /// Every order, by order id.
    public var orders: [Order]
    /// Every execution, oldest first.
    public var executions: [Execution]
    /// The next order id a client may use (nextValidId).
    public var nextValidOrderId: Int
    /// The next permId.
    public var nextPermId: Int
    /// The next execution sequence (first part of the execId).
    public var nextExecutionSequence: Int
    /// The trading day (days since the epoch in the session time zone) of the ledger.
    public var sessionDay: Int64

    /// Creates a snapshot.
    public init(
        account: PaperAccount, orders: [Order], executions: [Execution], nextValidOrderId: Int,
        nextPermId: Int, nextExecutionSequence: Int, sessionDay: Int64
    ) {
        self.account = account
        self.orders = orders
        self.executions = executions
        self.nextValidOrderId = nextValidOrderId
        self.nextPermId = nextPermId
        self.nextExecutionSequence = nextExecutionSequence
        self.sessionDay = sessionDay
    }
}
