import Vocabulary

/// Delayed data as the trader's choice: `D` on a symbol without a live entitlement (354 and
/// kin) subscribes it again for delayed data, or every such symbol at once with
/// `market_data = "delayed-fallback"`. Delayed quotes show as DELAYED and the ticket treats
/// them as not live.
extension DashboardState {
    /// The effect that subscribes `symbol`'s quotes: delayed when the trader chose delayed data
    /// for it, else live.
    func subscribeEffect(for symbol: String) -> DashboardEffect {
        delayedSymbols.contains(symbol) ? .subscribeDelayedQuotes(symbol: symbol) : .subscribeQuotes(symbol: symbol)
    }

    /// `D` in the watchlist: the selected symbol's quotes, refused for lack of a live
    /// entitlement, come delayed instead.
    mutating func switchSelectedToDelayed() -> [DashboardEffect] {
        guard interface.focusedPane == .watchlist, let index = selectedIndex(in: .watchlist) else {
            note(.nothingToDo, "No symbol selected", "Select a symbol in the watchlist to switch it to delayed data.")
            return []
        }
        return switchToDelayed(watchlistOrder[index], automatically: false)
    }

    /// Subscribes `symbol` again for delayed data, when its live data is refused.
    mutating func switchToDelayed(_ symbol: String, automatically: Bool) -> [DashboardEffect] {
        if delayedSymbols.contains(symbol) {
            note(.nothingToDo, "\(symbol) is on delayed data already", "\(symbol)'s quotes come delayed, as chosen; they show as DELAYED.")
            return []
        }
        let state = quotes.freshness(of: symbol, at: instant)?.state
        guard state == .noEntitlement else {
            let shown = state.map { $0.badge } ?? "not subscribed"
            note(.nothingToDo, "\(symbol) needs no delayed data",
                 "\(symbol) is \(shown); delayed data is for a symbol whose live data IB refuses (NO ENTITLEMENT).")
            return []
        }
        delayedSymbols.insert(symbol)
        changed = true
        quotes.unsubscribe(symbol)
        let why = automatically ? " (market_data = \"delayed-fallback\" in the config)" : ""
        note(.symbolAdded, "\(symbol) switched to delayed data",
             "IB refused live data for \(symbol); its quotes now come delayed\(why) and show as DELAYED. The ticket treats them as not live.")
        return [.unsubscribeQuotes(symbol: symbol), .subscribeDelayedQuotes(symbol: symbol)]
    }

    /// With `market_data = "delayed-fallback"`, a symbol whose live data was just refused
    /// switches to delayed data at once.
    mutating func fallBackToDelayedIfConfigured(after notice: Notice) -> [DashboardEffect] {
        guard config.marketData == .delayedFallback, FreshnessTracker.noEntitlementCodes.contains(notice.code),
              let symbol = quotes.symbol(forRequestID: notice.requestID), !delayedSymbols.contains(symbol) else { return [] }
        return switchToDelayed(symbol, automatically: true)
    }
}

/// Which market data the dashboard asks for (`market_data` in the config).
public enum MarketDataChoice: String, Sendable, Hashable {
    /// Live data; a symbol without a live entitlement shows NO ENTITLEMENT and offers `D`.
    case live
    /// Live data, and delayed data at once for a symbol whose live data IB refuses.
    case delayedFallback = "delayed-fallback"
}
