/// Everything of a ``PaperMarket`` worth persisting: the ledger, every order (open GTC and
/// DAY orders included), every execution and the id counters. The SQLite layer stores it; the
/// market restarts from the seed on restore.
public struct PaperExchangeSnapshot: Sendable, Hashable, Codable {
    /// The account ledger.
    public var account: PaperAccount
    /// Every order, by order id.
    public var orders: [PaperOrder]
    /// Every execution, oldest first.
    public var executions: [PaperExecution]
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
        account: PaperAccount, orders: [PaperOrder], executions: [PaperExecution], nextValidOrderId: Int,
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
