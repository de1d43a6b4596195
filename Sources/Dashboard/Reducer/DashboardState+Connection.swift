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
        if !wasDown, reason.contains("(IB 326)") {
            // The client id (pinned, or every id of the range) is taken: say which and what to do.
            note(.connectionLost, "Not connected: \(reason)",
                 "The gateway at \(connection.gateway) refused the connection because the client id is already connected (another program, or an earlier session TWS has not dropped yet). ibterm retries after the backoff.",
                 action: "Close the other API client, raise gateway.client_id_range in the config, or choose another id with --client-id (a pinned id never moves).")
        } else if !wasDown, config.onDeskBridge {
            note(.connectionLost, "Link to the desk's bridge lost",
                 "\(connection.gateway): \(reason). Every quote is marked DISCONNECTED and no order can be sent.",
                 action: "The screen follows the bridge again by itself once its heartbeat is heard; quotes turn live again only when fresh ticks arrive.")
        } else if !wasDown {
            note(.connectionLost, "Connection to the gateway lost",
                 "The socket to TWS or IB Gateway at \(connection.gateway) closed: \(reason). Every quote is marked DISCONNECTED and no order can be sent.",
                 action: "ibterm reconnects by itself; quotes turn live again only when fresh ticks arrive.")
        }
        return []
    }

    /// The connection's client id. Orders this dashboard placed under an earlier id stay on
    /// screen as that client's: IB lets only the client id that placed an order cancel or
    /// modify it, so `c` cancels them as their owner (see `cancelOtherClientsOrder`).
    mutating func useClientID(_ id: Int) {
        guard connection.clientID != id else { return }
        let previous = connection.clientID
        connection.clientID = id
        changed = true
        for (orderID, order) in orders where order.placedHere {
            let owner = order.ownerClientID ?? previous
            orders[orderID]?.ownerClientID = owner
            orders[orderID]?.isThisClient = owner == nil || owner == id
        }
    }

    /// IB 326: the id is taken (another program, or a session of ours TWS has not dropped
    /// yet); the client connects at once as the next id of the range.
    mutating func clientIDMoved(from refused: Int, to next: Int) {
        let working = orders.values.filter { $0.placedHere && $0.isWorking && ($0.ownerClientID ?? connection.clientID) == refused }
        useClientID(next)
        note(.clientIDMoved, "Client id \(refused) in use: connecting as \(next)",
             "The gateway refused client id \(refused) as already connected (IB 326), so ibterm connects at once as \(next), the next id of its range (gateway.client_id, client_id_range)."
                + (working.isEmpty ? "" : " Orders placed under \(refused) stay listed; IB lets only client \(refused) cancel or change them."),
             action: "Nothing to do. To keep one id, close the program that holds \(refused), or pin an id with --client-id.")
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
