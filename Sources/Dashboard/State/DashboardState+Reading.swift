import Vocabulary

/// What the UI reads: rows resolved at `now`, counts and selections.
extension DashboardState {
    /// The watchlist rows as shown (sorted when `watchlistSort` says), with freshness at `now`.
    public var watchlistRows: [WatchlistRow] {
        watchlistOrder.map { symbol in
            let tracked = quotes.tracked(symbol)
            let freshness = quotes.freshness(of: symbol, at: instant) ?? QuoteFreshness(state: .noData)
            return WatchlistRow(symbol: symbol, quote: tracked?.quote ?? WatchedQuote(symbol: symbol), freshness: freshness)
        }
    }

    /// The positions, sorted by symbol, with prices and P&L resolved at the latest event.
    public var positionRows: [PositionRow] {
        positionRows(at: instant)
    }

    /// The positions, sorted by symbol, with prices and P&L resolved at `instant` (a frame's).
    public func positionRows(at instant: SessionInstant) -> [PositionRow] {
        positions.values.sorted { $0.symbol < $1.symbol }.map { record in
            PositionRow(
                record: record, quote: quotes.tracked(record.symbol)?.quote,
                freshness: quotes.freshness(of: record.symbol, at: instant)?.state)
        }
    }

    /// Unrealized P&L as the P&L pane shows it at `instant`.
    ///
    /// The Positions pane and the P&L pane show the same quantity, so they are made to agree:
    /// while there are positions and every row has an unrealized P&L, the total is the sum of
    /// the rows (each marked at its live quote, else at the gateway's price), from the gateway
    /// only when every row's is. Otherwise it is the account-level figure of `pnl`.
    public func unrealizedPnL(at instant: SessionInstant) -> PnLValue {
        unrealizedPnL(of: positionRows(at: instant))
    }

    /// Unrealized P&L as `unrealizedPnL(at:)` computes it, from position rows already resolved
    /// (`positionRows(at:)` at the same instant), so a frame resolves them once.
    public func unrealizedPnL(of positionRows: [PositionRow]) -> PnLValue {
        let rows = positionRows.filter { $0.quantity != 0 }
        guard !rows.isEmpty else { return pnl.unrealized }
        var sum = 0.0
        for row in rows {
            guard let amount = row.unrealizedPnL.amount else { return pnl.unrealized }
            sum += amount
        }
        let allGateway = rows.allSatisfy { $0.unrealizedPnL.source == .gateway }
        return PnLValue(amount: sum, source: allGateway ? .gateway : .computed)
    }

    /// Orders for the orders pane: working orders first, then the rest, newest id first.
    public var orderList: [TrackedOrder] {
        // Children (a bracket's take-profit and stop-loss) follow their parent, oldest first;
        // an order whose parent is not known stands on its own.
        let isChild: (TrackedOrder) -> Bool = { order in order.parentID.map { orders[$0] != nil } ?? false }
        let roots = orders.values.filter { !isChild($0) }.sorted { lhs, rhs in
            if lhs.isWorking != rhs.isWorking { return lhs.isWorking }
            return lhs.orderID > rhs.orderID
        }
        var children: [Int: [TrackedOrder]] = [:]
        for order in orders.values where isChild(order) { children[order.parentID!, default: []].append(order) }
        guard !children.isEmpty else { return roots }
        var result: [TrackedOrder] = []
        result.reserveCapacity(orders.count)
        func append(_ order: TrackedOrder) {
            result.append(order)
            for child in (children[order.orderID] ?? []).sorted(by: { $0.orderID < $1.orderID }) { append(child) }
        }
        for root in roots { append(root) }
        return result
    }

    /// Executions for the executions pane: newest first (the order `selectedIndex(in:
    /// .executions)` counts in).
    public var executionList: [ExecutionRecord] {
        executions.reversed()
    }

    /// The orders still working.
    public var workingOrders: [TrackedOrder] {
        orderList.filter(\.isWorking)
    }

    /// Quotes per freshness state at `now`, for the status bar.
    public var freshnessCounts: FreshnessCounts {
        quotes.counts(at: instant)
    }

    /// The freshness of `symbol` at `now`, if subscribed.
    public func freshness(of symbol: String) -> QuoteFreshness? {
        quotes.freshness(of: symbol, at: instant)
    }

    /// Time left until the next reconnect attempt, while waiting for one.
    public var reconnectCountdown: Duration? {
        connection.reconnectCountdown(at: instant)
    }

    /// How many rows `pane` has.
    public func rowCount(in pane: Pane) -> Int {
        switch pane {
        case .watchlist: watchlist.count
        case .positions: positions.count
        case .orders: orders.count
        case .executions: executions.count
        case .messages: messages.entries.count
        }
    }

    /// The selected row of `pane` (`nil` when the pane is empty): the row of the anchored
    /// symbol or order while it is still listed, else the remembered index clamped to the rows.
    /// The Messages pane (oldest first) follows the newest message, its last row, until the
    /// trader moves off it.
    public func selectedIndex(in pane: Pane) -> Int? {
        let count = rowCount(in: pane)
        guard count > 0 else { return nil }
        if let anchor = interface.anchors[pane], let index = rowKeys(in: pane).firstIndex(of: anchor) {
            return index
        }
        if pane == .messages, isFollowingMessages { return count - 1 }
        return min(max(0, interface.selectedRow(in: pane)), count - 1)
    }

    /// Whether the Messages pane follows the newest message (the trader did not scroll it).
    public var isFollowingMessages: Bool {
        interface.messagesScrolledAt == nil
    }

    /// How many messages arrived (or repeated) below the selection since the trader scrolled
    /// the Messages pane; 0 while it follows.
    public var newMessagesBelow: Int {
        interface.messagesScrolledAt.map(messages.count(after:)) ?? 0
    }

    /// The identity of each row of `pane`, in display order.
    func rowKeys(in pane: Pane) -> [String] {
        switch pane {
        case .watchlist: watchlistOrder
        case .positions: positions.keys.sorted()
        case .orders: orderList.map { String($0.orderID) }
        case .executions: executionList.map(\.executionID)
        case .messages: messages.entries.map { String($0.id) }
        }
    }

    /// The symbol under the selection: the watchlist row, position or order of the focused
    /// pane (the watchlist's for other panes).
    public var selectedSymbol: String? {
        switch interface.focusedPane {
        case .positions:
            selectedIndex(in: .positions).map { positionRows[$0].symbol }
        case .orders:
            selectedOrder?.symbol
        default:
            selectedIndex(in: .watchlist).map { watchlistOrder[$0] }
        }
    }

    /// The order selected in the orders pane.
    public var selectedOrder: TrackedOrder? {
        selectedIndex(in: .orders).map { orderList[$0] }
    }

    /// Selects row `index` of `pane` (clamped), anchoring the selection to that row's identity.
    /// In the Messages pane the newest (last) row is not anchored: selecting it follows new
    /// messages again; any other row stops following.
    mutating func select(_ index: Int, in pane: Pane) {
        let keys = rowKeys(in: pane)
        let clamped = keys.isEmpty ? 0 : min(max(0, index), keys.count - 1)
        interface.selection[pane] = clamped
        interface.anchors[pane] = keys.isEmpty ? nil : keys[clamped]
        if pane == .messages {
            if keys.isEmpty || clamped == keys.count - 1 {
                interface.anchors[pane] = nil
                interface.messagesScrolledAt = nil
            } else if interface.messagesScrolledAt == nil {
                interface.messagesScrolledAt = messages.serial
            }
        }
        changed = true
    }
}
