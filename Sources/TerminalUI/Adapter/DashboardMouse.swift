import Dashboard

/// What a click or a turn of the wheel means on the frame on screen: a press on a pane focuses
/// it and selects the row under the pointer (or, on the header or border, only focuses); the
/// wheel over a pane focuses it and moves its selection three rows (the list scrolls with the
/// selection, as with the arrow keys). While an overlay, the ticket, the command line or the
/// "too small" screen shows, the mouse does nothing: those take keys only. Pure: the same
/// screen and size give the same intents.
public enum DashboardMouse {
    /// The rows one notch of the wheel moves.
    public static let wheelRows = 3

    /// The intents for `event` on `screen` drawn at `size`.
    public static func intents(for event: MouseEvent, screen: DashboardScreen, size: Size, glyphs: GlyphSet) -> [UserIntent] {
        guard screen.overlay == nil, screen.ticket == nil else { return [] }
        let layout = DashboardView.layout(of: screen, size: size, glyphs: glyphs)
        guard layout.mode != .tooSmall,
              let (paneID, area) = layout.panes.first(where: { $0.value.contains(event.point) }),
              let pane = pane(paneID) else { return [] }
        switch event.kind {
        case .wheelUp:
            return [.focus(pane)] + Array(repeating: .moveSelection(.up), count: wheelRows)
        case .wheelDown:
            return [.focus(pane)] + Array(repeating: .moveSelection(.down), count: wheelRows)
        case .press:
            guard let row = row(at: event.point, of: paneID, in: area, screen: screen) else { return [.focus(pane)] }
            return [.selectRow(pane, row)]
        }
    }

    /// The index (into the pane's whole list) of the row drawn at `point`, or nil on the border,
    /// the header or below the last row. Panes draw a border, then a header row, then the rows
    /// from the one `Table.firstVisibleRow` picks.
    static func row(at point: Point, of pane: PaneID, in area: Rect, screen: DashboardScreen) -> Int? {
        let inner = Rect(x: area.x + 1, y: area.y + 1, width: max(0, area.width - 2), height: max(0, area.height - 2))
        let body = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: max(0, inner.height - 1))
        guard body.contains(point) else { return nil }
        let total = screen.window(of: pane, count: screen.heldRows(of: pane) ?? 0).total
        let first = Table.firstVisibleRow(selectedRow: screen.selectedRow(of: pane), totalRows: total, visibleRows: body.height)
        let index = first + (point.y - body.y)
        return index < total ? index : nil
    }

    /// The dashboard's pane for a view pane (the same names); nil for the P&L and the ticket,
    /// which hold no rows.
    static func pane(_ pane: PaneID) -> Pane? {
        Pane(rawValue: pane.rawValue)
    }
}
