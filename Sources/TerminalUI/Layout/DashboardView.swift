/// Draws a whole dashboard frame: the panes of the layout for the size, the status bar, the
/// ticket overlay in the compact layout (at the bottom right, so the watchlist's selected row
/// and freshness column stay visible), and the open overlay; or the "terminal too small"
/// screen below 80x24. Pure: the same screen, size, theme and glyphs give the same canvas.
public enum DashboardView {
    /// The frame for `screen` at `size`. Never traps, down to 0x0.
    public static func render(_ screen: DashboardScreen, size: Size, theme: Theme, glyphs: GlyphSet) -> Canvas {
        var canvas = Canvas(size: size, fill: Cell(" ", style: theme[.text], role: .text))
        let ticket = TicketPane(ticket: screen.ticket, isFocused: screen.focus == .ticket)
        let rightWidth = DashboardLayout.rightColumnWidth(for: size.width)
        let layout = DashboardLayout(size: size, focus: screen.focus,
                                     ticketHeight: ticket.contentHeight(width: rightWidth - 2, glyphs: glyphs))
        guard layout.mode != .tooSmall else {
            TooSmallView(minimum: DashboardLayout.minimumSize, accountKind: screen.status.accountKind,
                         quitKeys: screen.quitKeys, isAskingToQuit: screen.isAskingToQuit)
                .render(on: &canvas, theme: theme, glyphs: glyphs)
            return canvas
        }
        for (pane, area) in layout.panes.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            renderPane(pane, screen: screen, in: area, on: &canvas, theme: theme, glyphs: glyphs)
        }
        StatusBarView(model: screen.status).render(in: layout.statusBar, on: &canvas, theme: theme, glyphs: glyphs)
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
        case nil:
            break
        }
        return canvas
    }

    /// Draws one pane from the screen's model.
    static func renderPane(
        _ pane: PaneID, screen: DashboardScreen, in area: Rect, on canvas: inout Canvas, theme: Theme,
        glyphs: GlyphSet
    ) {
        let focused = screen.focus == pane
        let selected = screen.selectedRow(of: pane)
        switch pane {
        case .watchlist:
            WatchlistPane(rows: screen.watchlist, selectedRow: selected, isFocused: focused)
                .render(in: area, on: &canvas, theme: theme, glyphs: glyphs)
        case .positions:
            PositionsPane(rows: screen.positions, selectedRow: selected, isFocused: focused)
                .render(in: area, on: &canvas, theme: theme, glyphs: glyphs)
        case .pnl:
            PnLPane(summary: screen.pnl, isFocused: focused).render(in: area, on: &canvas, theme: theme, glyphs: glyphs)
        case .ticket:
            TicketPane(ticket: screen.ticket, isFocused: focused).render(in: area, on: &canvas, theme: theme, glyphs: glyphs)
        case .orders:
            OrdersPane(rows: screen.orders, selectedRow: selected, isFocused: focused)
                .render(in: area, on: &canvas, theme: theme, glyphs: glyphs)
        case .executions:
            ExecutionsPane(rows: screen.executions, selectedRow: selected, isFocused: focused)
                .render(in: area, on: &canvas, theme: theme, glyphs: glyphs)
        case .messages:
            MessagesPane(rows: screen.messages, selectedRow: selected, isFocused: focused)
                .render(in: area, on: &canvas, theme: theme, glyphs: glyphs)
        }
    }
}
