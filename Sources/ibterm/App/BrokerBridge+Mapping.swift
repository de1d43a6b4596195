import TWSClient
import TWSWire

/// Bookkeeping of the bridge: quote ids, quote tasks, resolved contracts, placed orders.
/// (The translation of client values into dashboard events is in `DashboardFeed`.)
extension BrokerBridge {
    /// The stable request id the dashboard knows `symbol`'s quotes by.
    func quoteID(for symbol: String) -> Int {
        state.withLock { state in
            if let id = state.quoteIDs[symbol] { return id }
            let id = state.nextQuoteID
            state.nextQuoteID += 1
            state.quoteIDs[symbol] = id
            return id
        }
    }

    /// Cancels `symbol`'s quote stream (ending its subscription) and keeps `task` instead.
    func replaceQuoteTask(_ symbol: String, with task: Task<Void, Never>?) {
        let old = state.withLock { state -> Task<Void, Never>? in
            let old = state.quoteTasks[symbol]
            state.quoteTasks[symbol] = task
            return old
        }
        old?.cancel()
    }

    func stateContract(_ symbol: String) -> Contract? {
        state.withLock { $0.contracts[symbol] }
    }

    func rememberContract(_ contract: Contract, for symbol: String) {
        var contract = contract
        if contract.exchange.isEmpty { contract.exchange = "SMART" }
        state.withLock { $0.contracts[symbol] = contract }
    }

    /// Whether a notice concerns an order placed here (it then arrives on that order's stream).
    func isOrderNotice(_ notice: TWSNotice) -> Bool {
        notice.id >= 0 && state.withLock { $0.placedOrders.contains(notice.id) }
    }
}
