extension KeyAction {
    /// What the action does, as the help overlay says it (at most 26 columns, so two columns of
    /// help fit an 80-column terminal). Actions without a built-in
    /// description show their config name with spaces (`cancel_all` → `cancel all`).
    public var helpText: String {
        switch self {
        case .moveUp: "Move the selection up"
        case .moveDown: "Move the selection down"
        case .moveLeft: "Focus the previous pane"
        case .moveRight: "Focus the next pane"
        case .pageUp: "Scroll a page up"
        case .pageDown: "Scroll a page down"
        case .moveTop: "Jump to the first row"
        case .moveBottom: "Jump to the last row"
        case .nextPane: "Focus the next pane"
        case .previousPane: "Focus the previous pane"
        case .confirm: "Ticket's next step; accept"
        case .back: "Back out, close, cancel"
        case .buy: "Buy the selected symbol"
        case .sell: "Sell the selected symbol"
        case .cancelOrder: "Cancel the selected order"
        case .cancelAll: "Cancel all (asks first)"
        case .addSymbol: "Add a watchlist symbol"
        case .removeSymbol: "Remove selected symbol"
        case .help: "Show or hide this help"
        case .command: "Open the command line"
        case .quit: "Quit (asks if orders work)"
        case .retryConnection: "Retry the connection now"
        case .acknowledgeAlerts: "Acknowledge fired alerts"
        case .search: "Search symbols to add"
        case .delayedData: "Watchlist: delayed data"
        case .modifyOrder: "Orders: modify the order"
        case .closePosition: "Positions: close (flatten)"
        case .reversePosition: "Positions: reverse"
        case .sortWatchlist: "Watchlist: next sort"
        case .nextWatchlist: "Watchlist: next list"
        case .previousWatchlist: "Watchlist: previous list"
        case .showWatchlist: "Watchlist: list 1-9"
        case .replayPause: "Replay: pause / play on"
        case .replayStep: "Replay: step one second"
        case .replayBack: "Replay: a minute back"
        case .replayForward: "Replay: a minute on"
        default: rawValue.split(separator: "_").joined(separator: " ")
        }
    }
}
