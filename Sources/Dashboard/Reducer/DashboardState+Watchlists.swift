import Vocabulary

/// The watchlist's tabs, sort order and session sparklines.
extension DashboardState {
    // MARK: Sort

    /// Recomputes `watchlistOrder` from the active list and the sort: values missing sort last
    /// both ways, ties keep the list's own order.
    mutating func reorderWatchlist() {
        let symbols = watchlists.active.symbols
        guard let sort = watchlistSort else {
            if watchlistOrder != symbols { watchlistOrder = symbols }
            return
        }
        let keyed = symbols.enumerated().map { (index: $0.offset, symbol: $0.element, key: sortKey(of: $0.element, by: sort.column)) }
        let sorted = keyed.sorted { Self.precedes($0, $1, descending: sort.descending) }.map(\.symbol)
        if sorted != watchlistOrder { watchlistOrder = sorted }
    }

    /// After `symbol`'s values changed: re-sorts only when it no longer sits between its
    /// neighbours (most ticks leave the order as it was, and cost two comparisons).
    mutating func keepSorted(after symbol: String) {
        guard let sort = watchlistSort, sort.column != .symbol,
              let index = watchlistOrder.firstIndex(of: symbol) else { return }
        func entry(_ at: Int) -> (index: Int, symbol: String, key: SortKey) {
            let name = watchlistOrder[at]
            return (watchlist.symbols.firstIndex(of: name) ?? at, name, sortKey(of: name, by: sort.column))
        }
        let current = entry(index)
        let before = index > 0 ? entry(index - 1) : nil
        let after = index + 1 < watchlistOrder.count ? entry(index + 1) : nil
        let inPlace = (before.map { Self.precedes($0, current, descending: sort.descending) } ?? true)
            && (after.map { Self.precedes(current, $0, descending: sort.descending) } ?? true)
        guard !inPlace else { return }
        reorderWatchlist()
        changed = true
    }

    /// A value to sort a row by.
    enum SortKey: Equatable {
        case text(String)
        case number(Double)
        case missing
    }

    /// What `symbol` is sorted by in `column`.
    func sortKey(of symbol: String, by column: WatchlistColumn) -> SortKey {
        if column == .symbol { return .text(symbol) }
        let number: Double?
        let values = quotes.tracked(symbol)?.quote.values ?? QuoteValues()
        switch column {
        case .symbol: number = nil
        case .bidSize: number = values.bidSize.map(\.doubleValue)
        case .bid: number = values.bid
        case .ask: number = values.ask
        case .askSize: number = values.askSize.map(\.doubleValue)
        case .last: number = values.last
        case .change, .changePercent:
            let row = WatchlistRow(symbol: symbol, quote: quotes.tracked(symbol)?.quote ?? WatchedQuote(symbol: symbol),
                                   freshness: QuoteFreshness(state: .noData))
            number = column == .change ? row.change : row.changePercent
        case .open: number = values.open
        case .high: number = values.high
        case .low: number = values.low
        case .volume: number = values.volume.map(\.doubleValue)
        case .spark: number = trails[symbol]?.movePercent
        case .position: number = positions[symbol]?.holding.quantity.doubleValue
        }
        guard let number, number.isFinite else { return .missing }
        return .number(number)
    }

    /// Whether `lhs` is shown above `rhs`: by key in the direction asked, missing values last,
    /// ties by the list's own order.
    static func precedes(
        _ lhs: (index: Int, symbol: String, key: SortKey), _ rhs: (index: Int, symbol: String, key: SortKey),
        descending: Bool
    ) -> Bool {
        switch (lhs.key, rhs.key) {
        case let (.number(a), .number(b)) where a != b: return descending ? a > b : a < b
        case let (.text(a), .text(b)) where a != b: return descending ? a > b : a < b
        case (.missing, .number), (.missing, .text): return false
        case (.number, .missing), (.text, .missing): return true
        default: return lhs.index < rhs.index
        }
    }

    /// `S`: the next sort among the configured columns (see `WatchlistSort.next`).
    mutating func cycleSort() -> [DashboardEffect] {
        setSort(WatchlistSort.next(after: watchlistSort, columns: config.watchlistColumns))
        return []
    }

    /// Sorts the watchlist by `sort` (nil: the trader's order), keeping the selected symbol
    /// selected.
    mutating func setSort(_ sort: WatchlistSort?) {
        let selected = selectedIndex(in: .watchlist).map { watchlistOrder[$0] }
        watchlistSort = sort
        reorderWatchlist()
        if let selected, let index = watchlistOrder.firstIndex(of: selected) { select(index, in: .watchlist) }
        showInFooter(sort.map { "Watchlist sorted by \($0.label)." } ?? "Watchlist in its own order.")
        changed = true
    }

    // MARK: Sparklines

    /// A quote of a listed symbol arrived: its trade joins the session's trail, and the row
    /// moves if the sort asks.
    mutating func trackWatchlistQuote(_ update: QuoteUpdate) {
        if let last = update.last {
            trails[update.symbol, default: SessionTrail()].record(last, at: eventTime.instant)
        }
        if watchlistSort != nil { keepSorted(after: update.symbol) }
    }

    /// The session's closes of `symbol` (historical bars, oldest first) seed its sparkline.
    mutating func loadSessionBars(symbol: String, closes: [Double]) -> [DashboardEffect] {
        let symbol = Watchlist.normalize(symbol)
        guard quotes.tracked(symbol) != nil || watchlist.contains(symbol) else { return [] }
        trails[symbol, default: SessionTrail()].seed(closes)
        if watchlistSort?.column == .spark { reorderWatchlist() }
        changed = true
        return []
    }

    /// Cancels `symbol`'s quote line and forgets its sparkline.
    mutating func releaseQuote(_ symbol: String) -> DashboardEffect {
        quotes.unsubscribe(symbol)
        trails[symbol] = nil
        return .unsubscribeQuotes(symbol: symbol)
    }

    // MARK: Tabs

    /// The lists saved by an earlier run, read at start: they replace the config's list. After
    /// start (a late read), the subscriptions follow as for a switch.
    mutating func loadWatchlists(_ saved: SavedWatchlists) -> [DashboardEffect] {
        guard let restored = WatchlistTabs(saved) else { return [] }
        let before = Set(watchlist.symbols)
        watchlists = restored
        reorderWatchlist()
        select(0, in: .watchlist)
        changed = true
        return resubscribe(leaving: before)
    }

    /// `]` / `[`: the next or previous list, wrapping around.
    mutating func stepWatchlist(by offset: Int) -> [DashboardEffect] {
        let count = watchlists.tabs.count
        guard count > 1 else {
            showInFooter("Only one watchlist: ':wl new NAME' makes another.")
            return []
        }
        return switchWatchlist(to: ((watchlists.activeIndex + offset) % count + count) % count)
    }

    /// `1`–`9` or `:wl NAME`: makes list `index` active; its symbols are subscribed, and the
    /// previous list's symbols that are on neither it, a position nor the open ticket cancelled.
    mutating func switchWatchlist(to index: Int) -> [DashboardEffect] {
        guard watchlists.tabs.indices.contains(index) else {
            showInFooter("No watchlist \(index + 1) (there \(watchlists.tabs.count == 1 ? "is 1" : "are \(watchlists.tabs.count)")).")
            return []
        }
        let before = Set(watchlist.symbols)
        guard watchlists.select(index) else { return [] }
        return afterSwitch(leaving: before)
    }

    private mutating func afterSwitch(leaving before: Set<String>) -> [DashboardEffect] {
        reorderWatchlist()
        select(0, in: .watchlist)
        showInFooter("Watchlist \(watchlists.activeName) (\(watchlist.count) symbol\(watchlist.count == 1 ? "" : "s")).")
        changed = true
        return resubscribe(leaving: before)
    }

    /// Subscribes the active list's symbols not yet subscribed and cancels those of `before`
    /// that nothing shows any more (IB counts every market-data line, 100 on a default account).
    /// A symbol held in a position keeps its line (the P&L marks it); the open ticket's keeps
    /// it until the ticket closes.
    mutating func resubscribe(leaving before: Set<String>) -> [DashboardEffect] {
        guard hasStarted else { return [] }
        let now = Set(watchlist.symbols)
        var effects: [DashboardEffect] = []
        for symbol in before.sorted() where !now.contains(symbol) && quotes.tracked(symbol) != nil {
            if positions[symbol].map({ $0.holding.quantity != 0 }) == true { continue }
            if ticket?.ticket.symbol == symbol {
                // The open ticket keeps it; closing the ticket cancels it.
                ticketOnlySymbol = symbol
                continue
            }
            effects.append(releaseQuote(symbol))
        }
        for symbol in watchlist.symbols where quotes.tracked(symbol) == nil && ticketOnlySymbol != symbol {
            effects += [.requestContractDetails(symbol: symbol), subscribeEffect(for: symbol)]
        }
        if ticketOnlySymbol.map(now.contains) == true { ticketOnlySymbol = nil }
        return effects
    }

    /// `:wl new NAME`, `:wl rename NAME`, `:wl delete` (asks first), `:wl NAME` (switch).
    mutating func runWatchlistCommand(_ command: WatchlistCommand) -> [DashboardEffect] {
        switch command {
        case .create(let name):
            let before = Set(watchlist.symbols)
            switch watchlists.create(name) {
            case .failure(let error):
                note(.commandFailed, "Watchlist not made", error.message)
                return []
            case .success:
                let effects = afterSwitch(leaving: before)
                showInFooter("Watchlist \(watchlists.activeName) made: press a to add symbols.")
                return effects
            }
        case .rename(let name):
            let old = watchlists.activeName
            if case .failure(let error) = watchlists.renameActive(to: name) {
                note(.commandFailed, "Watchlist not renamed", error.message)
                return []
            }
            showInFooter("Watchlist \(old) is now \(watchlists.activeName).")
            changed = true
            return []
        case .delete:
            guard watchlists.tabs.count > 1 else {
                note(.nothingToDo, "Last watchlist kept", "The only watchlist cannot be deleted; remove its symbols with d instead.")
                return []
            }
            setOverlay(.confirm(.deleteWatchlist(name: watchlists.activeName, symbolCount: watchlist.count)))
            return []
        case .show(let name):
            guard let index = watchlists.index(named: name) else {
                note(.commandFailed, "No watchlist \(name)",
                     "There is no watchlist called '\(name)'; the lists are \(watchlists.names.joined(separator: ", ")).")
                return []
            }
            return switchWatchlist(to: index)
        }
    }

    /// The confirmed `:wl delete`: the active list goes (if it is still the one asked about).
    mutating func deleteWatchlist(named name: String) -> [DashboardEffect] {
        guard watchlists.activeName == name else { return [] }
        let before = Set(watchlist.symbols)
        guard watchlists.deleteActive() else { return [] }
        let effects = afterSwitch(leaving: before)
        note(.symbolRemoved, "Watchlist \(name) deleted", "The watchlist \(name) was deleted; \(watchlists.activeName) is shown.")
        return effects
    }
}

/// A `:wl` command.
public enum WatchlistCommand: Sendable, Hashable {
    /// `:wl new NAME`: a new empty list, made active.
    case create(String)
    /// `:wl rename NAME`: renames the active list.
    case rename(String)
    /// `:wl delete`: deletes the active list, after confirmation.
    case delete
    /// `:wl NAME`: shows the list called NAME.
    case show(String)
}
