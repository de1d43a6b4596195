import Dashboard
import TWSClient
import TWSWire

/// Bookkeeping of the bridge and the translation of client values into dashboard events.
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

    /// Whether a notice belongs to one quote subscription (it then arrives on that stream too).
    func isSymbolNotice(_ notice: TWSNotice) -> Bool {
        guard notice.id >= 0 else { return false }
        switch notice.code {
        case 354, 10089, 10090, 10091, 10167, 10168, 10186, 10197, 300, 322: return true
        default: return false
        }
    }

    /// Whether a notice concerns an order placed here (it then arrives on that order's stream).
    func isOrderNotice(_ notice: TWSNotice) -> Bool {
        notice.id >= 0 && state.withLock { $0.placedOrders.contains(notice.id) }
    }

    static func notice(_ notice: TWSNotice, requestID: Int) -> Notice {
        Notice(requestID: requestID, code: notice.code, text: notice.message)
    }

    static func quote(_ quote: ClientQuote, symbol: String) -> QuoteUpdate {
        var update = QuoteUpdate(symbol: symbol)
        update.bid = quote.bid
        update.ask = quote.ask
        update.last = quote.last
        update.bidSize = quote.bidSize?.doubleValue
        update.askSize = quote.askSize?.doubleValue
        update.lastSize = quote.lastSize?.doubleValue
        update.volume = quote.volume?.doubleValue
        update.high = quote.high
        update.low = quote.low
        update.close = quote.close
        update.marketDataType = quote.marketDataType.flatMap { Dashboard.MarketDataType(rawValue: $0.rawValue) }
        return update
    }

    static func position(_ position: PositionData) -> PositionUpdate {
        PositionUpdate(
            account: position.account, symbol: position.contract.symbol, quantity: position.position.doubleValue,
            averageCost: position.avgCost, multiplier: Double(position.contract.multiplier) ?? 1)
    }

    static func position(_ item: PortfolioValue) -> PositionUpdate {
        let multiplier = Double(item.contract.multiplier) ?? 1
        return PositionUpdate(
            account: item.accountName, symbol: item.contract.symbol, quantity: item.position.doubleValue,
            averageCost: item.averageCost / multiplier, multiplier: multiplier, marketPrice: item.marketPrice,
            marketValue: item.marketValue, unrealizedPnL: item.unrealizedPNL, realizedPnL: item.realizedPNL)
    }
}
