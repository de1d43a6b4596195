/// Everything one frame of the dashboard shows, already formatted: the pure input of
/// `DashboardView.render`. A later step maps the dashboard state onto it.
public struct DashboardScreen: Hashable, Sendable {
    /// Watchlist rows, in watchlist order.
    public var watchlist: [WatchlistRow]
    /// Positions.
    public var positions: [PositionRow]
    /// P&L and balances.
    public var pnl: PnLSummary
    /// The order ticket, when one is open.
    public var ticket: TicketView?
    /// Orders, newest first.
    public var orders: [OrderRow]
    /// Executions, newest first.
    public var executions: [ExecutionRow]
    /// Messages, newest first.
    public var messages: [MessageRow]
    /// The status bar.
    public var status: StatusBarModel
    /// The pane with keyboard focus.
    public var focus: PaneID
    /// The selected row of each list pane (row index into that pane's rows).
    public var selection: [PaneID: Int]
    /// What is drawn over the panes, if anything.
    public var overlay: Overlay?
    /// The names of the keys that quit (`q`, `ctrl-c`), which the "terminal too small" screen
    /// names: they are the only keys that act there.
    public var quitKeys: [String]
    /// Whether the quit question (orders still working) is open, so the "terminal too small"
    /// screen can say that pressing a quit key again quits.
    public var isAskingToQuit: Bool

    /// Creates a screen.
    public init(
        watchlist: [WatchlistRow] = [], positions: [PositionRow] = [], pnl: PnLSummary = .empty,
        ticket: TicketView? = nil, orders: [OrderRow] = [], executions: [ExecutionRow] = [],
        messages: [MessageRow] = [], status: StatusBarModel, focus: PaneID = .watchlist,
        selection: [PaneID: Int] = [:], overlay: Overlay? = nil, quitKeys: [String] = ["q", "ctrl-c"],
        isAskingToQuit: Bool = false
    ) {
        self.watchlist = watchlist
        self.positions = positions
        self.pnl = pnl
        self.ticket = ticket
        self.orders = orders
        self.executions = executions
        self.messages = messages
        self.status = status
        self.focus = focus
        self.selection = selection
        self.overlay = overlay
        self.quitKeys = quitKeys
        self.isAskingToQuit = isAskingToQuit
    }

    /// The selected row of `pane`, if it is within that pane's rows.
    public func selectedRow(of pane: PaneID) -> Int? {
        guard let row = selection[pane], row >= 0 else { return nil }
        let count: Int
        switch pane {
        case .watchlist: count = watchlist.count
        case .positions: count = positions.count
        case .orders: count = orders.count
        case .executions: count = executions.count
        case .messages: count = messages.count
        case .pnl, .ticket: return nil
        }
        return row < count ? row : nil
    }
}
