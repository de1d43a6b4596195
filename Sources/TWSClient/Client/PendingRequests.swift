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

    /// An open-orders request (REQ_OPEN_ORDERS and REQ_ALL_OPEN_ORDERS have no request id and
    /// share OPEN_ORDER_END: at most one is in flight; later callers of the same kind share
    /// it, callers of the other kind wait in ``queuedOpenOrders``).
    struct OpenOrdersQuery: Sendable {
        var continuations: [AsyncThrowingStream<[OpenOrderReport], any Error>.Continuation]
        var results: [Int: OpenOrderReport] = [:]
        var order: [Int] = []
        /// Whether it asked for every client's orders (REQ_ALL_OPEN_ORDERS).
        var allClients = false
        /// Which request this is, so a late timeout does not fail a newer one.
        var serial = 0
    }

    /// A completed-orders request (REQ_COMPLETED_ORDERS has no request id: one at a time,
    /// later callers share it).
    struct CompletedOrdersQuery: Sendable {
        var continuations: [AsyncThrowingStream<[CompletedOrder], any Error>.Continuation]
        var results: [CompletedOrder] = []
        /// Which request this is, so a late timeout does not fail a newer one.
        var serial = 0
    }

    /// A historical-data request: its bars arrive in one HISTORICAL_DATA, which ends it below
    /// server version 196; from 196 HISTORICAL_DATA_END does.
    struct BarsQuery: Sendable {
        var continuation: AsyncThrowingStream<[PriceBar], any Error>.Continuation
        var bars: [PriceBar] = []
    }

    var contracts: [Int: ContractLookup] = [:]
    var bars: [Int: BarsQuery] = [:]
    /// Symbol searches waiting for their SYMBOL_SAMPLES, by request id.
    var symbolSearches: [Int: AsyncThrowingStream<[SymbolMatch], any Error>.Continuation] = [:]
    /// What-if orders waiting for their OPEN_ORDER, by order id.
    var whatIfs: [Int: AsyncThrowingStream<WhatIfAnswer, any Error>.Continuation] = [:]
    var executions: [Int: ExecutionsQuery] = [:]
    var openOrders: OpenOrdersQuery?
    /// Open-orders requests of the other kind, waiting for the one in flight to end.
    var queuedOpenOrders: [OpenOrdersQuery] = []
    var completedOrders: CompletedOrdersQuery?
    /// Callers waiting for the answer to REQ_IDS (the next NEXT_VALID_ID), with the serial of
    /// the request in flight.
    var nextOrderIDs: (continuations: [AsyncThrowingStream<Int, any Error>.Continuation], serial: Int)?
    /// Numbers the id-less requests (open orders, completed orders) for their timeouts.
    var nextSerial = 0

    /// Whether a request id belongs to a pending one-shot request.
    func contains(_ reqId: Int) -> Bool {
        contracts[reqId] != nil || executions[reqId] != nil || whatIfs[reqId] != nil
            || bars[reqId] != nil || symbolSearches[reqId] != nil
    }

    /// Fails the request with this id, if pending.
    mutating func fail(_ reqId: Int, with error: TWSClientError) {
        contracts.removeValue(forKey: reqId)?.continuation.finish(throwing: error)
        executions.removeValue(forKey: reqId)?.continuation.finish(throwing: error)
        whatIfs.removeValue(forKey: reqId)?.finish(throwing: error)
        bars.removeValue(forKey: reqId)?.continuation.finish(throwing: error)
        symbolSearches.removeValue(forKey: reqId)?.finish(throwing: error)
    }

    /// Fails every pending request.
    mutating func failAll(with error: TWSClientError) {
        for lookup in contracts.values { lookup.continuation.finish(throwing: error) }
        for query in executions.values { query.continuation.finish(throwing: error) }
        for continuation in whatIfs.values { continuation.finish(throwing: error) }
        whatIfs.removeAll()
        for query in bars.values { query.continuation.finish(throwing: error) }
        bars.removeAll()
        for continuation in symbolSearches.values { continuation.finish(throwing: error) }
        symbolSearches.removeAll()
        for continuation in openOrders?.continuations ?? [] { continuation.finish(throwing: error) }
        for query in queuedOpenOrders {
            for continuation in query.continuations { continuation.finish(throwing: error) }
        }
        for continuation in completedOrders?.continuations ?? [] { continuation.finish(throwing: error) }
        for continuation in nextOrderIDs?.continuations ?? [] { continuation.finish(throwing: error) }
        nextOrderIDs = nil
        contracts.removeAll()
        executions.removeAll()
        openOrders = nil
        queuedOpenOrders = []
        completedOrders = nil
    }
}
