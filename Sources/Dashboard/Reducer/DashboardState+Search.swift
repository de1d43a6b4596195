/// Symbol search (`/`): the gateway's matcher asked as the trader types, a chosen match
/// qualified by the app before it joins the watchlist.
extension DashboardState {
    /// `/`: opens the search.
    mutating func beginSearch() -> [DashboardEffect] {
        setOverlay(.search(SymbolSearch()))
        return []
    }

    /// The search's query changed to `query`: asks the matcher (the app paces the requests, and
    /// an answer for an older query is dropped).
    mutating func searchQueryChanged(_ search: SymbolSearch) -> [DashboardEffect] {
        setOverlay(.search(search))
        let query = search.query.trimmingCharacters(in: .whitespaces)
        guard !query.isEmpty else { return [] }
        return [.searchSymbols(query: query)]
    }

    /// The matcher's answer for `query`; kept only while it is what the search shows.
    mutating func receiveSearchResults(_ results: [SymbolSearchResult], query: String, failure: String?) -> [DashboardEffect] {
        guard case .search(var search) = interface.overlay,
              search.query.trimmingCharacters(in: .whitespaces) == query else { return [] }
        search.results = results
        search.answeredQuery = search.query
        search.selected = 0
        search.message = failure ?? (results.isEmpty ? "No symbol matches '\(query)'." : nil)
        setOverlay(.search(search))
        return []
    }

    /// Up/Down in the results.
    mutating func moveSearchSelection(_ move: SelectionMove) {
        guard case .search(var search) = interface.overlay, !search.results.isEmpty else { return }
        switch move {
        case .up: search.selected = max(0, search.selected - 1)
        case .down: search.selected = min(search.results.count - 1, search.selected + 1)
        case .top: search.selected = 0
        case .bottom: search.selected = search.results.count - 1
        }
        setOverlay(.search(search))
    }

    /// Enter: the selected result is qualified by the app (a future's front month, a currency
    /// pair), which then adds it to the watchlist; a search without results says so.
    mutating func chooseSearchResult(_ search: SymbolSearch) -> [DashboardEffect] {
        guard search.isCurrent, search.results.indices.contains(search.selected) else {
            note(.nothingToDo, "Nothing chosen", search.query.isEmpty
                ? "Type part of a symbol or a company name."
                : "Wait for the matches of '\(search.query)', then choose one with ↑↓ and Enter.")
            return []
        }
        let result = search.results[search.selected]
        closeOverlay()
        if watchlist.contains(result.symbol) {
            note(.symbolRejected, "\(result.symbol) is already on the watchlist", "\(result.line).")
            return []
        }
        note(.symbolAdded, "Qualifying \(result.symbol)", "\(result.line): looking its contract up before it joins the watchlist.")
        return [.qualifyInstrument(result)]
    }

    /// The app could not qualify a chosen result.
    mutating func receiveQualificationFailure(symbol: String, reason: String) -> [DashboardEffect] {
        note(.symbolRejected, "\(symbol) not added", reason)
        return []
    }
}
