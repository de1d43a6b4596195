/// Start-up and the link to the gateway.
extension DashboardState {
    /// Emits the watchlist's contract lookups and subscriptions, once.
    mutating func start() -> [DashboardEffect] {
        guard !hasStarted else { return [] }
        hasStarted = true
        changed = true
        return watchlist.symbols.flatMap { symbol in
            [DashboardEffect.requestContractDetails(symbol: symbol), subscribeEffect(for: symbol)]
        }
    }

    mutating func connecting(to gateway: String) -> [DashboardEffect] {
        if !gateway.isEmpty { connection.gateway = gateway }
        setConnectionState(.connecting)
        connection.nextReconnectAt = nil
        return []
    }

    mutating func connected(serverVersion: Int, accounts: [String], nextOrderID: Int?) -> [DashboardEffect] {
        connection.serverVersion = serverVersion
        connection.accounts = accounts
        connection.lostReason = nil
        connection.reconnectAttempt = nil
        connection.nextReconnectAt = nil
        connection.connectedSince = now
        setConnectionState(.connected)
        if let nextOrderID { receiveNextOrderID(nextOrderID) }
        return []
    }

    mutating func connectionLost(reason: String) -> [DashboardEffect] {
        let wasDown = connection.state == .disconnected
        connection.lostReason = reason
        connection.connectedSince = nil
        setConnectionState(.disconnected)
        if !wasDown {
            note(.connectionLost, "Connection to the gateway lost",
                 "The socket to TWS or IB Gateway at \(connection.gateway) closed: \(reason). Every quote is marked DISCONNECTED and no order can be sent.",
                 action: "ibterm reconnects by itself; quotes turn live again only when fresh ticks arrive.")
        }
        return []
    }

    /// The gateway's `nextValidId`: ids only move up.
    mutating func receiveNextOrderID(_ id: Int) {
        nextOrderID = max(nextOrderID ?? id, id)
        changed = true
    }

    /// Sets the connection state everywhere it is kept.
    mutating func setConnectionState(_ state: LinkState) {
        quotes.connectionChanged(to: state, at: eventTime.instant)
        connection.state = quotes.connection
        changed = true
    }
}
