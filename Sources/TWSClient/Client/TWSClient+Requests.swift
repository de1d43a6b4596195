import TWSSession
import TWSWire

/// One-shot requests: contract details, open orders and executions.
extension TWSClient {
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
        send(.requestExecutions(RequestExecutions(reqId: reqId, filter: filter)))
        armRequestTimeout(reqId)
        return try await firstResult(of: stream)
    }

    /// This client's open orders with their latest status (IB: reqOpenOrders).
    public func openOrders() async throws(TWSClientError) -> [OpenOrderReport] {
        try requireUsable()
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: [OpenOrderReport].self)
        if pending.openOrders == nil {
            pending.openOrders = .init(continuations: [continuation])
            send(.requestOpenOrders)
        } else {
            pending.openOrders?.continuations.append(continuation)
        }
        armRequestTimeout(nil)
        return try await firstResult(of: stream)
    }

    // MARK: Internals

    private func requireUsable() throws(TWSClientError) {
        guard machine.state.isUsable else {
            throw TWSClientError(.notConnected, "not connected to the gateway")
        }
        rearmTimer()
    }

    private func firstResult<T: Sendable>(of stream: AsyncThrowingStream<T, any Error>) async throws(TWSClientError) -> T {
        do {
            for try await value in stream { return value }
        } catch let error as TWSClientError {
            throw error
        } catch {
            throw TWSClientError(.requestFailed, "\(error)")
        }
        throw TWSClientError(.requestFailed, "the request was cancelled")
    }

    /// Fails the request `reqId` (or the open-orders request, for `nil`) when it is still
    /// pending after the request timeout.
    private func armRequestTimeout(_ reqId: Int?) {
        let deadline = clock.now() + configuration.requestTimeout
        let clock = self.clock
        Task { [weak self] in
            try? await clock.sleep(until: deadline)
            await self?.requestTimedOut(reqId)
        }
    }

    private func requestTimedOut(_ reqId: Int?) {
        let error = TWSClientError(.timedOut, "the gateway did not answer within \(configuration.requestTimeout)")
        guard let reqId else {
            for continuation in pending.openOrders?.continuations ?? [] { continuation.finish(throwing: error) }
            pending.openOrders = nil
            return
        }
        pending.fail(reqId, with: error)
    }
}
