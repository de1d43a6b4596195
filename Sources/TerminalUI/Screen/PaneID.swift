/// The dashboard's panes, in Tab order.
public enum PaneID: String, CaseIterable, Hashable, Sendable {
    /// Quotes of the watched symbols.
    case watchlist
    /// Open positions.
    case positions
    /// Account P&L and balances.
    case pnl
    /// The order ticket.
    case ticket
    /// Orders and their lifecycles.
    case orders
    /// Fills.
    case executions
    /// The plain-language message log.
    case messages

    /// The pane's title.
    public var title: String {
        switch self {
        case .watchlist: "Watchlist"
        case .positions: "Positions"
        case .pnl: "P&L"
        case .ticket: "Order ticket"
        case .orders: "Orders"
        case .executions: "Executions"
        case .messages: "Messages"
        }
    }
}
