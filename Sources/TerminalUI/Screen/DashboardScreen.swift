import Dashboard

/// Everything one frame of the dashboard shows, already formatted: the pure input of
/// `DashboardView.render`. A later step maps the dashboard state onto it.
public struct DashboardScreen: Hashable, Sendable {
    /// Watchlist rows, in the order shown (sorted when the trader asked).
    public var watchlist: [WatchlistLine]
    /// The watchlist's columns, tabs and sort.
    public var watchlistHeader = WatchlistHeader()
    /// Positions.
    public var positions: [PositionLine]
    /// P&L and balances.
    public var pnl: PnLSummary
    /// The order ticket, when one is open.
    public var ticket: TicketView?
    /// Orders, newest first.
    public var orders: [OrderLine]
    /// Executions, newest first.
    public var executions: [ExecutionLine]
    /// Messages, oldest first (the newest at the bottom, as a log reads).
    public var messages: [MessageLine]
    /// The status bar.
    public var status: StatusBarModel
    /// The pane with keyboard focus.
    public var focus: PaneID
    /// The selected row of each list pane (row index into that pane's rows).
    public var selection: [PaneID: Int]
    /// What is drawn over the panes, if anything.
    public var overlay: OverlayView?
    /// The names of the keys that quit (`q`, `ctrl-c`), which the "terminal too small" screen
    /// names: they are the only keys that act there.
    public var quitKeys: [String]
    /// The keys the empty ticket names for buying and selling.
    public var openTicketKeys = TicketPane.OpenKeys()
    /// Whether the quit question (orders still working) is open, so the "terminal too small"
    /// screen can say that pressing a quit key again quits.
    public var isAskingToQuit: Bool
    /// The list panes whose rows hold only part of the pane's list (a `DashboardFrameRenderer`
    /// builds only the rows that can be on screen); a pane not named holds all its rows.
    public var windows: [PaneID: RowWindow] = [:]
    /// The display width of the longest freshness label (`stale 1 min 05 s`) of all watchlist
    /// rows, when `watchlist` holds only some of them: the watchlist sizes its data column by
    /// it. Nil: measured from the rows.
    public var watchlistLabelWidth: Int?
    /// The width of the Orders pane's type column for the whole list, when `orders` holds only
    /// some of its rows (nil: measured from the rows).
    public var ordersTypeWidth: Int?
    /// The footer: the last action's result and the keys of the current pane or mode.
    public var footer = FooterLine()
    /// How many messages arrived below the Messages pane's selection since the trader scrolled
    /// it (0 while it follows the newest).
    public var messagesNewBelow = 0
    /// Where a pane's data comes from when it is not the socket link: `REST 4s` on the
    /// positions, P&L and orders panes while the Client Portal stands in for it.
    public var sources: [PaneID: String] = [:]

    /// What the watchlist pane shows besides its rows: the chosen columns, the lists' names as
    /// tabs with the shown one, and the sort.
    public struct WatchlistHeader: Hashable, Sendable {
        /// The columns, in order.
        public var columns: [WatchlistColumn]
        /// The lists' names (empty: one list under the default name, no tabs shown).
        public var tabs: [String]
        /// The index of the list shown.
        public var activeTab: Int
        /// The sort in words, nil when unsorted.
        public var sortLabel: String?

        /// Creates a header.
        public init(columns: [WatchlistColumn] = WatchlistColumn.standard, tabs: [String] = [],
                    activeTab: Int = 0, sortLabel: String? = nil) {
            self.columns = columns
            self.tabs = tabs
            self.activeTab = activeTab
            self.sortLabel = sortLabel
        }
    }

    /// Where a pane's rows sit in the pane's whole list.
    public struct RowWindow: Hashable, Sendable {
        /// The index in the whole list of the first row held.
        public var first: Int
        /// The number of rows of the whole list.
        public var total: Int

        /// Creates a window.
        public init(first: Int, total: Int) {
            self.first = first
            self.total = total
        }
    }

    /// Creates a screen.
    public init(
        watchlist: [WatchlistLine] = [], positions: [PositionLine] = [], pnl: PnLSummary = .empty,
        ticket: TicketView? = nil, orders: [OrderLine] = [], executions: [ExecutionLine] = [],
        messages: [MessageLine] = [], status: StatusBarModel, focus: PaneID = .watchlist,
        selection: [PaneID: Int] = [:], overlay: OverlayView? = nil, quitKeys: [String] = ["q", "ctrl-c"],
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

    /// The window of `pane`'s rows: where `rows[0]` sits and how many rows the whole list has.
    public func window(of pane: PaneID, count: Int) -> RowWindow {
        windows[pane] ?? RowWindow(first: 0, total: count)
    }

    /// The selected row of `pane` (an index into the pane's whole list), if it is within that
    /// pane's rows.
    public func selectedRow(of pane: PaneID) -> Int? {
        guard let row = selection[pane], row >= 0 else { return nil }
        if let window = windows[pane] { return row < window.total ? row : nil }
        guard let count = heldRows(of: pane) else { return nil }
        return row < count ? row : nil
    }

    /// How many rows of `pane` this screen holds (a window of the list, or all of it); nil for
    /// the P&L and the ticket, which hold no rows.
    public func heldRows(of pane: PaneID) -> Int? {
        switch pane {
        case .watchlist: watchlist.count
        case .positions: positions.count
        case .orders: orders.count
        case .executions: executions.count
        case .messages: messages.count
        case .pnl, .ticket: nil
        }
    }
}
