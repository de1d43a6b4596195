import TWSSession
import TWSWire

/// The account's orders beyond this client's own: every client's open orders and the day's
/// completed orders, as one-shot requests that leave order reconciliation alone.
extension IBClient {
    /// Every open order of the account, whichever client id placed it (IB: reqAllOpenOrders),
    /// each with its latest status; ``OpenOrderReport/order``'s `clientId` names the owner.
    ///
    /// IB lets a client cancel only orders placed under its own client id (`cancelOrder`), so
    /// an order listed here with another owner can be seen, not cancelled, by this client.
    /// Later order ids of this client exceed every id listed, as IB requires after this call.
    public func allOpenOrders() async throws(TWSClientError) -> [OpenOrderReport] {
        try await openOrders(allClients: true)
    }

    /// The day's filled and cancelled orders (IB: reqCompletedOrders). COMPLETED_ORDER carries
    /// no order id or client id: match them by `order.permId`.
    ///
    /// - Parameter apiOnly: only orders placed through the API (IB's `apiOnly`).
    public func completedOrders(apiOnly: Bool = false) async throws(TWSClientError) -> [CompletedOrder] {
        try requireUsable()
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: [CompletedOrder].self)
        if pending.completedOrders == nil {
            pending.nextSerial += 1
            pending.completedOrders = .init(continuations: [continuation], serial: pending.nextSerial)
            send(.requestCompletedOrders(apiOnly: apiOnly))
            armRequestTimeout(nil, serial: pending.nextSerial)
        } else {
            pending.completedOrders?.continuations.append(continuation)
        }
        return try await firstResult(of: stream)
    }

    /// Asks the gateway for the next valid order id (IB: reqIds) and returns the id this client
    /// will use next: the gateway's answer, or higher when this client already used or saw
    /// higher ids. Other clients' orders (a second program on the same account) can move the
    /// gateway's next id; asking keeps ids chosen by the caller clear of theirs.
    public func nextValidOrderID() async throws(TWSClientError) -> Int {
        try requireUsable()
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: Int.self)
        if pending.nextOrderIDs == nil {
            pending.nextSerial += 1
            pending.nextOrderIDs = ([continuation], pending.nextSerial)
            send(.requestIDs(numIds: 1))
            armRequestTimeout(nil, serial: pending.nextSerial)
        } else {
            pending.nextOrderIDs?.continuations.append(continuation)
        }
        return try await firstResult(of: stream)
    }

    /// The client id this client connects with, once ``connect(host:port:clientId:)`` ran.
    public var clientID: Int? { endpoint?.clientId }

    /// The gateway's host and port, once ``connect(host:port:clientId:)`` ran.
    public var gatewayAddress: (host: String, port: Int)? { endpoint.map { ($0.host, $0.port) } }

    // MARK: Inbound

    func handleNextValidIDAnswer(_ orderId: Int) {
        guard let query = pending.nextOrderIDs else { return }
        pending.nextOrderIDs = nil
        let next = max(orderIDs.nextID ?? orderId, orderId)
        for continuation in query.continuations {
            continuation.yield(next)
            continuation.finish()
        }
    }

    func handleCompletedOrder(_ m: CompletedOrder) {
        pending.completedOrders?.results.append(m)
    }

    func handleCompletedOrdersEnd() {
        guard let query = pending.completedOrders else { return }
        pending.completedOrders = nil
        for continuation in query.continuations {
            continuation.yield(query.results)
            continuation.finish()
        }
    }
}
