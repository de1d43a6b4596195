import TWSWire

/// One fill with its contract and, when the gateway sent it, its commission.
public struct ExecutionReport: Hashable, Sendable {
    /// The fill.
    public var execution: Execution
    /// The contract filled.
    public var contract: Contract
    /// The commission report for ``Execution/execId``.
    public var commission: CommissionReport?

    /// Creates a report.
    public init(execution: Execution, contract: Contract, commission: CommissionReport? = nil) {
        self.execution = execution
        self.contract = contract
        self.commission = commission
    }
}
