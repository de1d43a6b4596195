import TWSWire

/// One-shot requests waiting for their END message, keyed by request id.
struct PendingRequests: Sendable {
    /// A contract-details lookup.
    struct ContractLookup: Sendable {
        var continuation: AsyncThrowingStream<[ContractDetails], any Error>.Continuation
        var results: [ContractDetails] = []
    }

    /// An executions request.
    struct ExecutionsQuery: Sendable {
        var continuation: AsyncThrowingStream<[ExecutionReport], any Error>.Continuation
        var results: [ExecutionReport] = []
        var indexByExecId: [String: Int] = [:]
    }

    /// An open-orders request (REQ_OPEN_ORDERS has no request id: at most one at a time is
    /// collected; later callers share it).
    struct OpenOrdersQuery: Sendable {
        var continuations: [AsyncThrowingStream<[OpenOrderReport], any Error>.Continuation]
        var results: [Int: OpenOrderReport] = [:]
        var order: [Int] = []
    }

    var contracts: [Int: ContractLookup] = [:]
    var executions: [Int: ExecutionsQuery] = [:]
    var openOrders: OpenOrdersQuery?

    /// Whether a request id belongs to a pending one-shot request.
    func contains(_ reqId: Int) -> Bool {
        contracts[reqId] != nil || executions[reqId] != nil
    }

    /// Fails the request with this id, if pending.
    mutating func fail(_ reqId: Int, with error: TWSClientError) {
        contracts.removeValue(forKey: reqId)?.continuation.finish(throwing: error)
        executions.removeValue(forKey: reqId)?.continuation.finish(throwing: error)
    }

    /// Fails every pending request.
    mutating func failAll(with error: TWSClientError) {
        for lookup in contracts.values { lookup.continuation.finish(throwing: error) }
        for query in executions.values { query.continuation.finish(throwing: error) }
        for continuation in openOrders?.continuations ?? [] { continuation.finish(throwing: error) }
        contracts.removeAll()
        executions.removeAll()
        openOrders = nil
    }
}
