extension KeyAction {
    /// What the action does, as the help overlay says it. Actions without a built-in
    /// description show their config name with spaces (`cancel_all` → `cancel all`).
    public var helpText: String {
        switch self {
        case .moveUp: "Move the selection up"
        case .moveDown: "Move the selection down"
        case .moveLeft: "Previous field or column"
        case .moveRight: "Next field or column"
        case .pageUp: "Scroll a page up"
        case .pageDown: "Scroll a page down"
        case .moveTop: "Jump to the first row"
        case .moveBottom: "Jump to the last row"
        case .nextPane: "Focus the next pane"
        case .previousPane: "Focus the previous pane"
        case .confirm: "Ticket: edit, review, send; accept"
        case .back: "Back out, close, cancel"
        case .buy: "Buy the selected symbol"
        case .sell: "Sell the selected symbol"
        case .cancelOrder: "Cancel the selected order"
        case .cancelAll: "Cancel all orders (asks first)"
        case .addSymbol: "Add a symbol to the watchlist"
        case .removeSymbol: "Remove the selected symbol"
        case .help: "Show or hide this help"
        case .command: "Command line (:buy, :explain)"
        case .quit: "Quit (asks if orders work)"
        default: rawValue.split(separator: "_").joined(separator: " ")
        }
    }
}
