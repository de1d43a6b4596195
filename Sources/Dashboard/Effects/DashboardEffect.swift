/// What the app must do for the reducer. The reducer only returns these; it never performs them.
public enum DashboardEffect: Sendable, Hashable {
    /// Request streaming quotes for `symbol` (IB `reqMktData`); the app answers with
    /// `DashboardEvent.quoteRequested` carrying the ticker id it used.
    case subscribeQuotes(symbol: String)
    /// Request delayed quotes for `symbol` (IB `reqMarketDataType(3)` for this request, then
    /// `reqMktData`): for a symbol whose live data IB refuses, as the trader chose. Answered
    /// like `subscribeQuotes`.
    case subscribeDelayedQuotes(symbol: String)
    /// Cancel the quotes for `symbol` (IB `cancelMktData`).
    case unsubscribeQuotes(symbol: String)
    /// Look up `symbol`'s contract (IB `reqContractDetails`); the app answers with
    /// `DashboardEvent.contractResolved`.
    case requestContractDetails(symbol: String)
    /// Place an order with this id (IB `placeOrder`). The id comes from the gateway's
    /// `nextValidId`, so the app must use it as given.
    case placeOrder(orderID: Int, OrderInstruction)
    /// Place a group of orders in this order (a bracket's parent then children, an OCA pair),
    /// one after the other on the same connection, so that the gateway receives the last
    /// `transmit` after the orders it releases.
    case placeOrderGroup([NumberedOrder])
    /// Ask the gateway what the order would cost without placing it (IB `placeOrder` with
    /// `whatIf`, under an order id the client takes, which the app then reports with
    /// `nextValidOrderID`); the app answers `DashboardEvent.whatIf` with the same `serial`.
    case requestWhatIf(serial: Int, OrderInstruction)
    /// Modify a working order of this client: place it again under its own id with the new
    /// quantity, prices or time in force (IB `placeOrder` with an id already used).
    case modifyOrder(orderID: Int, OrderInstruction)
    /// Cancel one order (IB `cancelOrder`).
    case cancelOrder(orderID: Int)
    /// Cancel an order another client id placed. IB lets only the owner's client id cancel it
    /// (`cancelOrder`), so the app sends the cancel over a short connection under
    /// `ownerClientID`; it answers `DashboardEvent.cancelRefused` when it cannot (the owner
    /// is connected, the gateway refuses).
    case cancelOrderAsOwner(orderID: Int, ownerClientID: Int)
    /// Cancel every open order of the account (IB `reqGlobalCancel`).
    case cancelAllOrders
    /// Send the order through the Client Portal (the socket link is down and the portal
    /// stands in); `orderID` is this screen's until the portal numbers it.
    case placeOrderOnPortal(orderID: Int, OrderInstruction)
    /// Cancel the order through the Client Portal.
    case cancelOrderOnPortal(orderID: Int)
    /// Answer the Client Portal's question about an order.
    case answerPortalQuestion(replyID: String, confirmed: Bool)
    /// Load and apply the theme called `name`.
    case loadTheme(name: String)
    /// Append this line to the journal file.
    case journal(JournalEntry)
    /// Restore the terminal and exit.
    case quit
    /// Try to connect now, cutting short the wait before the next reconnect attempt.
    case retryConnection
    /// Save the command line's history (oldest first, already bounded) for the next run.
    case saveCommandHistory([String])
    /// Save the watchlists (every list, the active one) to the state directory, replacing
    /// the file whole; the app reads them back at start (`DashboardEvent.watchlistsLoaded`).
    case saveWatchlists(SavedWatchlists)
    /// Ring the terminal bell (a fill, with `[alerts] bell_on_fill` on).
    case ringBell
    /// Save the alerts with the state (they are read back at start as
    /// `DashboardEvent.alertsLoaded`).
    case saveAlerts([AlertRecord])
    /// Run `command` with `json` (the fired alert) on its standard input, with a time limit,
    /// never blocking the screen.
    case runAlertCommand(command: String, json: String)
    /// Ask the gateway's symbol matcher (IB `reqMatchingSymbols`) for `query`; the app answers
    /// `DashboardEvent.symbolSearchResults`.
    case searchSymbols(query: String)
    /// Qualify a chosen search result (its contract; a future's front month) and add it to the
    /// watchlist (`UserIntent.addSymbol`), or answer `DashboardEvent.instrumentNotQualified`.
    case qualifyInstrument(SymbolSearchResult)
    /// Follow `symbol`'s depth book and time & sales for the detail view (IB `reqMktDepth`,
    /// `reqTickByTickData`); answered with `DashboardEvent.detailDepth` and `.detailTrade`.
    case followDetail(symbol: String)
    /// Read the bars of `range` for the detail view's chart (IB `reqHistoricalData`); answered
    /// with `DashboardEvent.detailBars`.
    case requestDetailBars(symbol: String, range: SymbolDetail.Range)
    /// Stop what `followDetail` started.
    case stopDetail(symbol: String)
    /// Write the flight recorder's ring to a file next to the log (`:dump`); the app answers
    /// `DashboardEvent.traceDumped`.
    case dumpTrace
    /// Pause, step or jump the replay (`ibterm replay` only).
    case controlReplay(ReplayControl)
}
