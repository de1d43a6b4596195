import Vocabulary

/// Quotes, notices, data farms and contract lookups.
extension DashboardState {
    mutating func receiveQuote(_ update: QuoteUpdate) -> [DashboardEffect] {
        guard quotes.tracked(update.symbol) != nil else { return [] }
        quotes.apply(update, at: eventTime)
        changed = true
        trackWatchlistQuote(update)
        if positions[update.symbol] != nil { refreshPnL() }
        return []
    }

    mutating func receiveMarketDataType(_ type: MarketDataType, requestID: Int) -> [DashboardEffect] {
        guard let symbol = quotes.symbol(forRequestID: requestID) else { return [] }
        quotes.apply(QuoteUpdate(symbol: symbol, marketDataType: type), at: eventTime)
        changed = true
        return []
    }

    /// A notice: journal it, let it change connection, farms, quotes or an order, and log it
    /// in plain words with what the dashboard knows (the symbol, the last good quote).
    mutating func receiveNotice(_ notice: Notice) -> [DashboardEffect] {
        let request = requestContext(for: notice)
        let effects: [DashboardEffect] = [.journal(.message(notice, context: request, at: now))]
        if let farm = FarmNotice(code: notice.code, text: notice.text) {
            let name = farm.farmName ?? farm.kind.rawValue
            dataFarms[name] = DataFarm(name: name, kind: farm.kind, state: farm.state, since: now)
        }
        if var order = orders[notice.requestID] {
            var context = MessageContext(
                symbol: order.symbol, now: now, cancelRequestedByUser: order.cancelRequested)
            context.request = request
            let explained = MessageCatalog.explain(notice, context: context)
            order.lastMessage = explained
            if explained.severity == .error && explained.requestIsDead {
                // An order IB refused will not work: it ends Rejected (ibterm's own state), so
                // nothing counts it as working. An order already final keeps its status.
                let reason = "\(explained.title): \(explained.explanation)"
                order.rejectReason = reason
                order.recordStatus(order.isWorking ? .rejected : order.status, note: reason, at: now)
            } else if notice.code == 202, explained.requestIsDead, order.isWorking {
                // 202: IB cancelled it; the ORDER_STATUS that usually follows may not come.
                order.recordStatus(.cancelled, remaining: 0, note: order.cancelRequested ? nil : "\(explained.title): \(notice.text)", at: now)
            }
            orders[notice.requestID] = order
            changed = true
            log(explained)
            return effects
        }
        var context = quotes.messageContext(for: notice, at: now)
        context.timeZone = config.displayTimeZone
        context.request = request
        var explained = MessageCatalog.explain(notice, context: context)
        if notice.code == 326, clientIDMayMove {
            // The client connects as the next id of the range at once: a warning, not a failure.
            explained.severity = .warning
        }
        let before = quotes.connection
        quotes.apply(notice, at: eventTime.instant)
        if quotes.connection != before { connection.state = quotes.connection }
        log(explained)
        return effects
    }

    /// What the notice's id stood for: a system notice (-1), one of the dashboard's orders or
    /// quotes, else what the client said (a detail view's history, book or trades, a search, a
    /// what-if), else an unknown request.
    func requestContext(for notice: Notice) -> RequestContext {
        if notice.isSessionWide { return .system }
        if let order = orders[notice.requestID] { return order.requestContext }
        if let symbol = quotes.symbol(forRequestID: notice.requestID) {
            return RequestContext(kind: .quote, requestID: notice.requestID, symbol: symbol)
        }
        return notice.context ?? RequestContext(kind: .unknown, requestID: notice.requestID)
    }

    /// Whether a 326 moves the connection to another client id: the range holds an id past
    /// the one in use (with `--client-id` the range is that one id).
    var clientIDMayMove: Bool {
        let first = config.clientID
        let last = first + config.clientIDRange - 1
        guard let current = connection.clientID else { return config.clientIDRange > 1 }
        return current < last
    }

    /// A contract lookup answered: keep the details, or drop an unknown symbol from the list.
    mutating func resolveContract(_ symbol: String, _ contract: ContractSummary?) -> [DashboardEffect] {
        let symbol = Watchlist.normalize(symbol)
        changed = true
        if let contract {
            contracts[symbol] = contract
            return []
        }
        guard watchlist.contains(symbol) else { return [] }
        note(.symbolRejected, "\(symbol) not found",
             "IB knows no contract for \(symbol), so it was taken off the watchlist.",
             action: "Check the spelling; ibterm looks up stocks and ETFs on SMART in USD.")
        return removeFromWatchlist(symbol)
    }

    /// Adds `text` as a symbol: validated, then subscribed and looked up.
    mutating func addToWatchlist(_ text: String) -> [DashboardEffect] {
        let symbol = Watchlist.normalize(text)
        guard Watchlist.isValidSymbol(symbol) else {
            note(.symbolRejected, "Not a symbol",
                 "'\(text)' is not a valid symbol: use letters, digits, '.', '-' or '/', starting with a letter.")
            return []
        }
        guard watchlist.add(symbol) else {
            note(.symbolRejected, "\(symbol) already listed", "\(symbol) is already on the watchlist.")
            return []
        }
        select(watchlistOrder.firstIndex(of: symbol) ?? watchlist.count - 1, in: .watchlist)
        if ticketOnlySymbol == symbol {
            ticketOnlySymbol = nil
            note(.symbolAdded, "\(symbol) added", "\(symbol) was added to the watchlist; its quote is already requested.")
            return []
        }
        note(.symbolAdded, "\(symbol) added", "\(symbol) was added to the watchlist; its quote is requested.")
        return [.requestContractDetails(symbol: symbol), subscribeEffect(for: symbol)]
    }

    /// Removes `symbol` and cancels its quotes.
    mutating func removeFromWatchlist(_ symbol: String) -> [DashboardEffect] {
        let symbol = Watchlist.normalize(symbol)
        let selected = selectedIndex(in: .watchlist) ?? 0
        guard watchlist.remove(symbol) else {
            note(.nothingToDo, "\(symbol) not listed", "\(symbol) is not on the watchlist.")
            return []
        }
        let effect = releaseQuote(symbol)
        select(selected, in: .watchlist)
        note(.symbolRemoved, "\(symbol) removed", "\(symbol) was taken off the watchlist and its quote cancelled.")
        return [effect]
    }
}
