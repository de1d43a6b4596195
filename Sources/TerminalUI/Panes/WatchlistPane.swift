/// The watchlist: one row per symbol with bid, ask, last, change, change %, volume and the
/// quote's freshness (mark, word and age). A row that is not live draws its prices and changes
/// in its state's role, never in the live style, and keeps them on the selected row too.
public struct WatchlistPane: Hashable, Sendable {
    /// The rows.
    public var rows: [WatchlistLine]
    /// The selected row.
    public var selectedRow: Int?
    /// Whether the pane has focus.
    public var isFocused: Bool
    /// The index in the whole list of `rows[0]` (0 when `rows` is the whole list).
    public var firstRow: Int
    /// The length of the whole list (nil: `rows` is the whole list).
    public var totalRows: Int?
    /// The display width of the longest freshness label of the whole list, when `rows` is a
    /// window of it (nil: measured from `rows`).
    public var labelWidth: Int?

    /// Creates the pane. `rows` may be a window of the list (from `firstRow`, of `totalRows`)
    /// holding every row that can be on screen; `selectedRow` indexes the whole list.
    public init(
        rows: [WatchlistLine], selectedRow: Int? = nil, isFocused: Bool = false, firstRow: Int = 0,
        totalRows: Int? = nil, labelWidth: Int? = nil
    ) {
        self.rows = rows
        self.selectedRow = selectedRow
        self.isFocused = isFocused
        self.firstRow = firstRow
        self.totalRows = totalRows
        self.labelWidth = labelWidth
    }

    /// Whether the whole list is empty.
    var isEmptyList: Bool { (totalRows ?? rows.count) == 0 }

    /// The columns, widest layout first; narrower panes drop change, volume, bid and ask,
    /// so the mark, the state word and its age always show.
    static func candidates(dataWidth: Int) -> [FittedColumns.Candidate] { [
        .init(TableColumn("", width: 1), priority: 0),
        .init(TableColumn("Symbol", width: 6), priority: 0),
        .init(.numeric("Bid", width: 9), priority: 3),
        .init(.numeric("Ask", width: 9), priority: 3),
        .init(.numeric("Last", width: 9), priority: 0),
        .init(.numeric("Chg", width: 8), priority: 5),
        .init(.numeric("Chg%", width: 7), priority: 2),
        .init(.numeric("Volume", width: 8), priority: 4),
        .init(TableColumn("Data", width: dataWidth), priority: 0, flexible: true),
    ] }

    /// The width the data column asks for: the longest state label, between 14 columns (so
    /// `no entitlement` always fits) and 24.
    static func dataWidth(for rows: [WatchlistLine], glyphs: GlyphSet) -> Int {
        let longest = rows.map { DisplayWidth.of(glyphs.shown($0.state.label(age: $0.age))) }.max() ?? 0
        return min(24, max(14, longest))
    }

    /// Draws the pane into `area`.
    public func render(in area: Rect, on canvas: inout Canvas, theme: Theme, glyphs: GlyphSet) {
        let inner = PaneChrome.frame(PaneID.watchlist.title, focused: isFocused, in: area, on: &canvas,
                                     theme: theme, glyphs: glyphs)
        guard !inner.isEmpty else { return }
        guard !isEmptyList else {
            PaneChrome.note("No symbols. Press a to add one.", in: inner, on: &canvas, theme: theme, glyphs: glyphs)
            return
        }
        let fitted = FittedColumns(Self.candidates(dataWidth: labelWidth.map { min(24, max(14, $0)) } ?? Self.dataWidth(for: rows, glyphs: glyphs)),
                                   width: inner.width)
        let cells = rows.map { fitted.cells(Self.cells(for: $0, glyphs: glyphs)) }
        Table(columns: fitted.columns, rows: cells, selectedRow: selectedRow, glyphs: glyphs,
              firstRow: firstRow, totalRows: totalRows)
            .render(in: inner, on: &canvas, theme: theme)
    }

    /// Draws the pane into `area` over the canvas on which `previous` is already drawn in the
    /// same area: when only rows changed (same focus, selection, window and column widths), only
    /// those rows are formatted and drawn; otherwise the whole pane.
    public func render(in area: Rect, on canvas: inout Canvas, theme: Theme, glyphs: GlyphSet, over previous: WatchlistPane) {
        guard let labelWidth, previous.labelWidth == labelWidth, previous.isFocused == isFocused,
              previous.selectedRow == selectedRow, previous.firstRow == firstRow, previous.totalRows == totalRows,
              previous.rows.count == rows.count, !isEmptyList else {
            render(in: area, on: &canvas, theme: theme, glyphs: glyphs)
            return
        }
        PaneChrome.redrawChangedRows(
            rows, previous: previous.rows, in: area, on: &canvas, theme: theme, glyphs: glyphs,
            candidates: Self.candidates(dataWidth: min(24, max(14, labelWidth))),
            selectedRow: selectedRow, firstRow: firstRow, totalRows: totalRows) { Self.cells(for: $0, glyphs: glyphs) }
    }

    /// Every candidate cell of one row.
    static func cells(for row: WatchlistLine, glyphs: GlyphSet) -> [TableCell] {
        let state = row.state
        let price = state.priceRole
        let change: ThemeRole? = state == .live ? nil : state.role
        let keep = state != .live
        var cells = [
            TableCell(String(glyphs.marks.mark(state)), role: state.role, keepsRoleWhenSelected: true),
            PaneChrome.cell(row.symbol, price, glyphs: glyphs),
            PaneChrome.cell(row.bid, price, glyphs: glyphs),
            PaneChrome.cell(row.ask, price, glyphs: glyphs),
            PaneChrome.cell(row.last, price, glyphs: glyphs),
            PaneChrome.cell(row.change, override: change, glyphs: glyphs),
            PaneChrome.cell(row.changePercent, override: change, glyphs: glyphs),
            PaneChrome.cell(row.volume, price == .text ? .dim : price, glyphs: glyphs),
            PaneChrome.cell(state.label(age: row.age), state.role, glyphs: glyphs),
        ]
        for index in cells.indices where keep || index == cells.count - 1 {
            cells[index].keepsRoleWhenSelected = true
        }
        return cells
    }
}
