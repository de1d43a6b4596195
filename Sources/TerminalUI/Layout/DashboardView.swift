/// Draws a whole dashboard frame: the panes of the layout for the size, the status bar, the
/// ticket overlay in the compact layout (at the bottom right, so the watchlist's selected row
/// and freshness column stay visible), and the open overlay; or the "terminal too small"
/// screen below 80x24. Pure: the same screen, size, theme and glyphs give the same canvas.
public enum DashboardView {
    /// The frame for `screen` at `size`. Never traps, down to 0x0.
    public static func render(_ screen: DashboardScreen, size: Size, theme: Theme, glyphs: GlyphSet) -> Canvas {
        var canvas = Canvas(size: size, fill: Cell(" ", style: theme[.text], role: .text))
        let ticket = TicketPane(ticket: screen.ticket, isFocused: screen.focus == .ticket, openKeys: screen.openTicketKeys)
        let layout = self.layout(of: screen, size: size, glyphs: glyphs)
        guard layout.mode != .tooSmall else {
            TooSmallView(minimum: DashboardLayout.minimumSize, accountBadge: screen.status.accountBadge,
                         quitKeys: screen.quitKeys, isAskingToQuit: screen.isAskingToQuit)
                .render(on: &canvas, theme: theme, glyphs: glyphs)
            return canvas
        }
        for (pane, area) in layout.panes.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            renderPane(pane, screen: screen, in: area, on: &canvas, theme: theme, glyphs: glyphs)
        }
        StatusBarView(model: screen.status).render(in: layout.statusBar, on: &canvas, theme: theme, glyphs: glyphs)
        FooterView(line: screen.footer).render(in: layout.footer, on: &canvas, theme: theme, glyphs: glyphs)
        if layout.mode == .compact, screen.ticket != nil || screen.focus == .ticket {
            let width = min(layout.content.width - 4, 56)
            let height = ticket.contentHeight(width: width - 2, glyphs: glyphs) + 2
            let box = Rect(x: layout.content.maxX - width, y: layout.content.maxY - min(height, layout.content.height),
                           width: width, height: min(height, layout.content.height))
            ticket.render(in: box, on: &canvas, theme: theme, glyphs: glyphs)
        }
        switch screen.overlay {
        case let .help(keymap)?:
            HelpOverlay(keymap: keymap).render(in: layout.content, on: &canvas, theme: theme, glyphs: glyphs)
        case let .confirmation(confirmation)?:
            ConfirmationOverlay(confirmation: confirmation)
                .render(in: layout.content, on: &canvas, theme: theme, glyphs: glyphs)
        case let .commandLine(text, cursor, message)?:
            CommandLineView(text: text, cursor: cursor, message: message)
                .render(in: layout.commandLine, on: &canvas, theme: theme, glyphs: glyphs)
        case let .prompt(label, text, cursor)?:
            CommandLineView(text: text, cursor: cursor, prompt: "\(label): ")
                .render(in: layout.commandLine, on: &canvas, theme: theme, glyphs: glyphs)
        case let .explanation(explanation)?:
            ExplanationOverlay(explanation: explanation)
                .render(in: layout.content, on: &canvas, theme: theme, glyphs: glyphs)
        case let .search(view)?:
            SearchOverlay(view: view).render(in: layout.content, on: &canvas, theme: theme, glyphs: glyphs)
        case let .detail(view)?:
            canvas.fill(layout.content, role: .text, theme: theme)
            DetailOverlay(view: view).render(in: layout.content, on: &canvas, theme: theme, glyphs: glyphs)
        case nil:
            break
        }
        return canvas
    }

    /// The layout `render` uses for `screen` at `size`: it depends on the focus and, in the
    /// full layout, on the height the open ticket needs.
    public static func layout(of screen: DashboardScreen, size: Size, glyphs: GlyphSet) -> DashboardLayout {
        layout(size: size, focus: screen.focus, ticket: screen.ticket, glyphs: glyphs)
    }

    /// The layout for a `size` terminal with `focus` and `ticket` open (or not).
    public static func layout(size: Size, focus: PaneID, ticket: TicketView?, glyphs: GlyphSet) -> DashboardLayout {
        let pane = TicketPane(ticket: ticket, isFocused: focus == .ticket)
        let rightWidth = DashboardLayout.rightColumnWidth(for: size.width)
        return DashboardLayout(size: size, focus: focus,
                               ticketHeight: pane.contentHeight(width: rightWidth - 2, glyphs: glyphs))
    }

    /// Draws one pane from the screen's model.
    static func renderPane(
        _ pane: PaneID, screen: DashboardScreen, in area: Rect, on canvas: inout Canvas, theme: Theme,
        glyphs: GlyphSet
    ) {
        PaneView(pane, screen: screen).render(in: area, on: &canvas, theme: theme, glyphs: glyphs)
    }
}

/// One pane's view with everything it draws: two equal values draw the same cells into the
/// same area, which is what lets `DashboardFrameRenderer` keep a pane drawn in the previous
/// frame.
enum PaneView: Hashable, Sendable {
    case watchlist(WatchlistPane)
    case positions(PositionsPane)
    case pnl(PnLPane)
    case ticket(TicketPane)
    case orders(OrdersPane)
    case executions(ExecutionsPane)
    case messages(MessagesPane)

    /// The view of `pane` in `screen`.
    init(_ pane: PaneID, screen: DashboardScreen) {
        let focused = screen.focus == pane
        let selected = screen.selectedRow(of: pane)
        switch pane {
        case .watchlist:
            let window = screen.window(of: pane, count: screen.watchlist.count)
            self = .watchlist(WatchlistPane(
                rows: screen.watchlist, selectedRow: selected, isFocused: focused, firstRow: window.first,
                totalRows: window.total, labelWidth: screen.watchlistLabelWidth,
                columns: screen.watchlistHeader.columns, tabs: screen.watchlistHeader.tabs,
                activeTab: screen.watchlistHeader.activeTab, sortLabel: screen.watchlistHeader.sortLabel))
        case .positions:
            let window = screen.window(of: pane, count: screen.positions.count)
            var view = PositionsPane(
                rows: screen.positions, selectedRow: selected, isFocused: focused, firstRow: window.first,
                totalRows: window.total)
            view.source = screen.sources[.positions]
            self = .positions(view)
        case .pnl:
            var view = PnLPane(summary: screen.pnl, isFocused: focused)
            view.source = screen.sources[.pnl]
            self = .pnl(view)
        case .ticket:
            self = .ticket(TicketPane(ticket: screen.ticket, isFocused: focused, openKeys: screen.openTicketKeys))
        case .orders:
            let window = screen.window(of: pane, count: screen.orders.count)
            var view = OrdersPane(
                rows: screen.orders, selectedRow: selected, isFocused: focused, firstRow: window.first,
                totalRows: window.total, typeWidth: screen.ordersTypeWidth)
            view.source = screen.sources[.orders]
            self = .orders(view)
        case .executions:
            let window = screen.window(of: pane, count: screen.executions.count)
            self = .executions(ExecutionsPane(
                rows: screen.executions, selectedRow: selected, isFocused: focused, firstRow: window.first,
                totalRows: window.total))
        case .messages:
            let window = screen.window(of: pane, count: screen.messages.count)
            self = .messages(MessagesPane(
                rows: screen.messages, selectedRow: selected, isFocused: focused, firstRow: window.first,
                totalRows: window.total, newBelow: screen.messagesNewBelow))
        }
    }

    /// Draws the pane into `area`.
    func render(in area: Rect, on canvas: inout Canvas, theme: Theme, glyphs: GlyphSet) {
        switch self {
        case let .watchlist(view): view.render(in: area, on: &canvas, theme: theme, glyphs: glyphs)
        case let .positions(view): view.render(in: area, on: &canvas, theme: theme, glyphs: glyphs)
        case let .pnl(view): view.render(in: area, on: &canvas, theme: theme, glyphs: glyphs)
        case let .ticket(view): view.render(in: area, on: &canvas, theme: theme, glyphs: glyphs)
        case let .orders(view): view.render(in: area, on: &canvas, theme: theme, glyphs: glyphs)
        case let .executions(view): view.render(in: area, on: &canvas, theme: theme, glyphs: glyphs)
        case let .messages(view): view.render(in: area, on: &canvas, theme: theme, glyphs: glyphs)
        }
    }
}
