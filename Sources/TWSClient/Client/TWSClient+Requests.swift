import TWSSession
import TWSWire

/// One-shot requests: contract details, open orders and executions.
extension IBClient {
    /// Looks up every contract matching `contract` (IB: reqContractDetails), e.g. to resolve a
    /// symbol to its conId, minimum tick and exchanges.
    ///
    /// - Throws: ``TWSClientError/Code/requestFailed`` with the gateway's notice (200: no
    ///   security definition), ``TWSClientError/Code/timedOut`` or a connection error.
    public func contractDetails(_ contract: Contract) async throws(TWSClientError) -> [ContractDetails] {
        try requireUsable()
        let reqId = requestIDs.allocate()
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: [ContractDetails].self)
        pending.contracts[reqId] = .init(continuation: continuation)
        requestContexts.record(RequestContext(kind: .contract, requestID: reqId, symbol: contract.symbol))
        send(.requestContractDetails(RequestContractDetails(reqId: reqId, contract: contract)))
        armRequestTimeout(reqId)
        return try await firstResult(of: stream)
    }

    /// Today's executions matching `filter`, each with its commission (IB: reqExecutions).
    public func executions(_ filter: ExecutionFilter = ExecutionFilter()) async throws(TWSClientError) -> [ExecutionReport] {
        try requireUsable()
        let reqId = requestIDs.allocate()
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: [ExecutionReport].self)
        pending.executions[reqId] = .init(continuation: continuation)
        requestContexts.record(RequestContext(kind: .executions, requestID: reqId))
        send(.requestExecutions(RequestExecutions(reqId: reqId, filter: filter)))
        armRequestTimeout(reqId)
        return try await firstResult(of: stream)
    }

    /// This client's open orders with their latest status (IB: reqOpenOrders).
    public func openOrders() async throws(TWSClientError) -> [OpenOrderReport] {
        try await openOrders(allClients: false)
    }

    /// Open orders (own, or of every client with `allClients`), one request in flight at a time.
    func openOrders(allClients: Bool) async throws(TWSClientError) -> [OpenOrderReport] {
        try requireUsable()
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: [OpenOrderReport].self)
        if pending.openOrders == nil {
            pending.nextSerial += 1
            pending.openOrders = .init(continuations: [continuation], allClients: allClients, serial: pending.nextSerial)
            send(allClients ? .requestAllOpenOrders : .requestOpenOrders)
            armRequestTimeout(nil, serial: pending.nextSerial)
        } else if pending.openOrders?.allClients == allClients {
            pending.openOrders?.continuations.append(continuation)
        } else if let index = pending.queuedOpenOrders.firstIndex(where: { $0.allClients == allClients }) {
            pending.queuedOpenOrders[index].continuations.append(continuation)
        } else {
            pending.queuedOpenOrders.append(.init(continuations: [continuation], allClients: allClients))
        }
        return try await firstResult(of: stream)
    }

    /// Sends the next queued open-orders request, once the one in flight ended.
    func startQueuedOpenOrders() {
        guard pending.openOrders == nil, !pending.queuedOpenOrders.isEmpty else { return }
        var next = pending.queuedOpenOrders.removeFirst()
        pending.nextSerial += 1
        next.serial = pending.nextSerial
        pending.openOrders = next
        send(next.allClients ? .requestAllOpenOrders : .requestOpenOrders)
        armRequestTimeout(nil, serial: next.serial)
    }

    // MARK: Internals

    func requireUsable() throws(TWSClientError) {
        guard machine.state.isUsable else {
            throw TWSClientError(.notConnected, "not connected to the gateway")
        }
        rearmTimer()
    }

    func firstResult<T: Sendable>(of stream: AsyncThrowingStream<T, any Error>) async throws(TWSClientError) -> T {
        do {
            for try await value in stream { return value }
        } catch let error as TWSClientError {
            throw error
        } catch {
            throw TWSClientError(.requestFailed, "\(error)")
        }
        throw TWSClientError(.requestFailed, "the request was cancelled")
    }

    /// Fails the request `reqId` (or, for `nil`, the id-less request numbered `serial`: open
    /// or completed orders) when it is still pending after the request timeout.
    func armRequestTimeout(_ reqId: Int?, serial: Int = 0, after limit: Duration? = nil) {
        let limit = limit ?? configuration.requestTimeout
        let deadline = clock.now() + limit
        let clock = self.clock
        Task { [weak self] in
            try? await clock.sleep(until: deadline)
            await self?.requestTimedOut(reqId, serial: serial, limit: limit)
        }
    }

    private func requestTimedOut(_ reqId: Int?, serial: Int, limit: Duration) {
        let error = TWSClientError(.timedOut, "the gateway did not answer within \(limit)")
        guard let reqId else {
            if let query = pending.openOrders, query.serial == serial {
                for continuation in query.continuations { continuation.finish(throwing: error) }
                pending.openOrders = nil
                startQueuedOpenOrders()
            }
            if let query = pending.completedOrders, query.serial == serial {
                for continuation in query.continuations { continuation.finish(throwing: error) }
                pending.completedOrders = nil
            }
            if let query = pending.nextOrderIDs, query.serial == serial {
                for continuation in query.continuations { continuation.finish(throwing: error) }
                pending.nextOrderIDs = nil
            }
            return
        }
        pending.fail(reqId, with: error)
    }
}
