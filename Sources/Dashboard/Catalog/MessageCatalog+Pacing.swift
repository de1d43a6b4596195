extension MessageCatalog {
    /// Rate and capacity limits.
    static let pacingEntries: [CatalogEntry] = [
        CatalogEntry(100, .error, .pacing, dead: true,
            "Too many requests per second",
            "ibterm sent requests faster than IB allows (about market-data lines ÷ 2 per second). The offending request was refused; after three such violations IB closes the session.",
            "Slow down: ibterm throttles itself, so if this repeats, report it."),
        CatalogEntry(101, .error, .pacing, dead: true,
            "Market-data line limit reached",
            "All your market-data lines are in use (TWS and API together; 100 by default), so {symbol} got no quote.",
            "Remove symbols from the watchlist or close quotes elsewhere in TWS, or buy more lines (quote booster)."),
        CatalogEntry(420, .error, .pacing, dead: true,
            "Real-time request refused",
            "IB refused a real-time bars or ticks request, usually because too many were sent too often.",
            "Wait a minute and try again with fewer requests."),
        CatalogEntry(322, .error, .pacing, dead: true,
            "Request refused by the server",
            "TWS could not process a request. IB's text gives the reason, for example a duplicate ticker id or too many simultaneous history or tick-by-tick requests.",
            "Read IB's reason below and reduce or correct the request."),
        CatalogEntry(10190, .error, .pacing, dead: true,
            "Tick-by-tick limit reached",
            "Too many tick-by-tick streams are open at once (often only 5 are allowed).",
            "Close another tick-by-tick stream; ordinary quotes still work."),
    ]
}
