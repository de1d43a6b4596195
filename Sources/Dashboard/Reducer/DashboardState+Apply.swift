import Vocabulary

/// The reducer: one event in, the state changed, the effects out.
extension DashboardState {
    /// Applies `event`, observed at `time`, and returns what the app must do.
    ///
    /// `version` increases by one when the event changed anything that is drawn. A clock tick
    /// changes what is drawn when it enters a new second (ages are shown in whole seconds).
    /// Events may come from several streams slightly out of order: `instant` keeps the latest
    /// instant seen, while each event's own instant decides what it proves (see
    /// `FreshnessTracker`).
    public mutating func apply(_ event: DashboardEvent, at time: EventTime) -> [DashboardEffect] {
        let previousSecond = instant.offset.components.seconds
        self.now = time.wall
        self.instant = max(instant, time.instant)
        self.eventTime = time
        changed = false
        outbox = []
        let listsBefore = watchlists
        var effects: [DashboardEffect]
        switch event {
        case .started:
            effects = start()
        case .connecting(let gateway):
            effects = connecting(to: gateway)
        case .connected(let serverVersion, let accounts, let nextOrderID):
            effects = connected(serverVersion: serverVersion, accounts: accounts, nextOrderID: nextOrderID)
        case .connectionLost(let reason):
            effects = connectionLost(reason: reason)
        case .reconnectScheduled(let attempt, let delay):
            connection.reconnectAttempt = attempt
            connection.nextReconnectAt = time.instant + delay
            changed = true
            effects = []
        case .nextValidOrderID(let id):
            receiveNextOrderID(id)
            effects = []
        case .clientID(let id):
            useClientID(id)
            effects = []
        case let .clientIDMoved(refused, next):
            clientIDMoved(from: refused, to: next)
            effects = []
        case .quoteRequested(let symbol, let requestID, let instrumentClass):
            quotes.subscribe(symbol, requestID: requestID, instrumentClass: instrumentClass, at: time.instant)
            changed = true
            effects = []
        case .quote(let update):
            effects = receiveQuote(update)
        case .marketDataType(let requestID, let type):
            effects = receiveMarketDataType(type, requestID: requestID)
        case .notice(let notice):
            effects = receiveNotice(notice) + fallBackToDelayedIfConfigured(after: notice)
        case .contractResolved(let symbol, let contract):
            effects = resolveContract(symbol, contract)
        case .position(let update):
            effects = receivePosition(update)
            if watchlistSort?.column == .position { reorderWatchlist() }
        case .accountValue(let key, let value, let currency, let account):
            accountValues.set(key: key, value: value, currency: currency, account: account)
            changed = true
            effects = []
        case .accountPnL(let value):
            accountPnL = value
            refreshPnL()
            effects = []
        case .positionPnL(let symbol, let value):
            effects = receivePositionPnL(value, symbol: symbol)
        case .whatIf(let serial, let status):
            effects = receiveWhatIf(status, serial: serial)
        case .openOrder(let report):
            effects = receiveOpenOrder(report)
        case .orderStatus(let report):
            effects = receiveOrderStatus(report)
        case .execution(let report):
            effects = receiveExecution(report)
        case .commission(let executionID, let commission, let realizedPnL):
            effects = receiveCommission(executionID: executionID, commission: commission, realizedPnL: realizedPnL)
        case .completedOrder(let report):
            effects = receiveCompletedOrder(report)
        case .cancelRefused(let orderID, let reason):
            effects = receiveCancelRefused(orderID: orderID, reason: reason)
        case .ordersRenumbered(let from, let to):
            effects = renumberOrders(from: from, to: to)
        case .deskCommandRefused(let orderIDs, let placement, let what, let reason):
            effects = deskRefused(orderIDs: orderIDs, placement: placement, what: what, reason: reason)
        case .deskCommandUnanswered(let orderIDs, let what, let seconds):
            effects = deskUnanswered(orderIDs: orderIDs, what: what, seconds: seconds)
        case .clockTick:
            if instant.offset.components.seconds != previousSecond { changed = true }
            if !positions.isEmpty || accountPnL != nil { refreshPnL() }
            effects = []
        case .user(let intent):
            effects = handle(intent)
        case .commandHistoryLoaded(let lines):
            loadCommandHistory(lines)
            effects = []
        case .configWarnings(let warnings):
            receiveConfigWarnings(warnings)
            effects = []
        case let .traceDumped(path, records, failure):
            if let failure {
                note(.commandFailed, "Trace not written", failure)
            } else {
                note(.traceDumped, "Trace written", "\(records) records to \(path ?? "?"); read it with 'ibterm trace FILE'.")
            }
            effects = []
        case let .detailBars(symbol, range, closes, failure):
            receiveDetailBars(symbol: symbol, range: range, closes: closes, failure: failure)
            effects = []
        case let .detailDepth(symbol, bids, asks, failure):
            receiveDetailDepth(symbol: symbol, bids: bids, asks: asks, failure: failure)
            effects = []
        case let .detailTrade(symbol, time, price, size, failure):
            receiveDetailTrade(symbol: symbol, time: time, price: price, size: size, failure: failure)
            effects = []
        case let .symbolSearchResults(query, results, failure):
            effects = receiveSearchResults(results, query: query, failure: failure)
        case let .instrumentNotQualified(symbol, reason):
            effects = receiveQualificationFailure(symbol: symbol, reason: reason)
        case .replayProgress(let progress):
            receiveReplayProgress(progress)
            effects = []
        case .portalConfigured(let portal):
            self.portal = PortalFailover(portal: portal)
            changed = true
            effects = []
        case .portalEngaged(let engaged):
            portalEngaged(engaged)
            effects = []
        case .portalPositions(let updates):
            effects = receivePortalPositions(updates)
        case .portalQuote(let update):
            quotes.applyPolled(update, at: time)
            changed = true
            effects = []
        case .portalRead(let kind):
            portal?.readAt[kind] = time.instant
            portal?.failure = nil
            changed = true
            effects = []
        case .portalFailed(let reason):
            portalFailed(reason)
            effects = []
        case .portalQuestion(let question):
            askPortalQuestion(question)
            effects = []
        case let .portalOrderPlaced(orderID, portalOrderID, status):
            effects = portalOrderPlaced(orderID: orderID, portalOrderID: portalOrderID, status: status)
        case let .portalOrderRefused(orderID, reason):
            effects = deskRefused(orderIDs: [orderID], placement: true, what: "Order \(orderID)", reason: reason, by: "the Client Portal")
        case .alertsLoaded(let records):
            loadAlerts(records)
            effects = []
        case .watchlistsLoaded(let saved):
            effects = loadWatchlists(saved)
        case .sessionBarsLoaded(let symbol, let closes):
            effects = loadSessionBars(symbol: symbol, closes: closes)
        }
        // Every change to the lists (a symbol added, removed or moved, a list made, renamed,
        // deleted or switched to) is saved at once; what was just read is not written back.
        if watchlists != listsBefore, !isWatchlistsLoad(event) {
            effects.append(.saveWatchlists(watchlists.saved))
        }
        if !alerts.isEmpty { evaluateAlerts(after: event) }
        if changed { version &+= 1 }
        defer { outbox = [] }
        return effects + outbox
    }

    private func isWatchlistsLoad(_ event: DashboardEvent) -> Bool {
        if case .watchlistsLoaded = event { return true }
        return false
    }

    /// Applies events in order and returns all their effects, in order.
    public mutating func apply(_ events: [DashboardEvent], at time: EventTime) -> [DashboardEffect] {
        events.flatMap { apply($0, at: time) }
    }

    /// Appends a message to the log at `now`.
    mutating func log(_ message: ExplainedMessage) {
        messages.record(message, at: now)
        changed = true
    }

    /// Appends one of ibterm's own messages to the log and shows it in the footer.
    mutating func note(
        _ kind: LocalMessage, _ title: String, _ explanation: String, action: String = "",
        requestID: Int = Notice.noRequestID
    ) {
        log(kind.message(title: title, explanation: explanation, action: action, requestID: requestID))
        footer = FooterNote(LocalMessage.line(title: title, explanation: explanation), severity: kind.severity,
                            since: eventTime.instant)
        if kind.isJournaled {
            let notice = Notice(requestID: requestID, code: kind.rawValue, text: "\(title): \(explanation)")
            outbox.append(.journal(.message(notice, at: now)))
        }
    }

    /// Recomputes the P&L snapshot and records it in the history.
    mutating func refreshPnL() {
        let tracked = quotes.quotes
        let snapshot = PnLSnapshot(account: accountPnL, positions: positions.values.map(\.holding)) { tracked[$0]?.quote }
        if snapshot != pnl { changed = true }
        pnl = snapshot
        if pnlHistory.record(snapshot, at: now) { changed = true }
    }
}
