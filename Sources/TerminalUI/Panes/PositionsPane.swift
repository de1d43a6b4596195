/// Open positions: quantity, average cost, market price and value (in the price state's role
/// and mark unless live), unrealized and realized P&L.
public struct PositionsPane: Hashable, Sendable {
    /// The rows.
    public var rows: [PositionLine]
    /// The selected row.
    public var selectedRow: Int?
    /// Whether the pane has focus.
    public var isFocused: Bool
    /// Where its data comes from when not the socket link (`REST 4s`), shown in its title.
    public var source: String?
    /// The index in the whole list of `rows[0]` (0 when `rows` is the whole list).
    public var firstRow: Int
    /// The length of the whole list (nil: `rows` is the whole list).
    public var totalRows: Int?

    /// Creates the pane. `rows` may be a window of the list (from `firstRow`, of `totalRows`)
    /// holding every row that can be on screen; `selectedRow` indexes the whole list.
    public init(
        rows: [PositionLine], selectedRow: Int? = nil, isFocused: Bool = false, firstRow: Int = 0,
        totalRows: Int? = nil
    ) {
        self.rows = rows
        self.selectedRow = selectedRow
        self.isFocused = isFocused
        self.firstRow = firstRow
        self.totalRows = totalRows
    }

    /// Whether the whole list is empty.
    var isEmptyList: Bool { (totalRows ?? rows.count) == 0 }

    /// The columns; narrower panes drop realized P&L, average cost and market value first.
    static let candidates: [FittedColumns.Candidate] = [
        .init(TableColumn("", width: 1), priority: 0),
        .init(TableColumn("Symbol", width: 6), priority: 0),
        .init(.numeric("Qty", width: 6), priority: 0),
        .init(.numeric("Avg cost", width: 9), priority: 1),
        .init(.numeric("Mkt price", width: 9), priority: 3),
        .init(.numeric("Mkt value", width: 11), priority: 1),
        .init(.numeric("Unrealized", width: 10), priority: 0),
        .init(.numeric("Daily", width: 10), priority: 1),
        .init(.numeric("Realized", width: 10), priority: 4),
    ]

    /// Draws the pane into `area`.
    public func render(in area: Rect, on canvas: inout Canvas, theme: Theme, glyphs: GlyphSet) {
        let inner = PaneChrome.frame(PaneChrome.title(PaneID.positions.title, source: source), focused: isFocused, in: area, on: &canvas,
                                     theme: theme, glyphs: glyphs)
        guard !inner.isEmpty else { return }
        guard !isEmptyList else {
            PaneChrome.note("No open positions.", in: inner, on: &canvas, theme: theme, glyphs: glyphs)
            return
        }
        let fitted = FittedColumns(Self.candidates, width: inner.width)
        let cells = rows.map { fitted.cells(Self.cells(for: $0, glyphs: glyphs)) }
        Table(columns: fitted.columns, rows: cells, selectedRow: selectedRow, glyphs: glyphs,
              firstRow: firstRow, totalRows: totalRows)
            .render(in: inner, on: &canvas, theme: theme)
    }

    /// Draws the pane into `area` over the canvas on which `previous` is already drawn in the
    /// same area: when only rows changed (same focus, selection and window), only those rows
    /// are formatted and drawn; otherwise the whole pane.
    public func render(in area: Rect, on canvas: inout Canvas, theme: Theme, glyphs: GlyphSet, over previous: PositionsPane) {
        guard previous.isFocused == isFocused, previous.source == source, previous.selectedRow == selectedRow, previous.firstRow == firstRow,
              previous.totalRows == totalRows, previous.rows.count == rows.count, !isEmptyList, !previous.isEmptyList else {
            render(in: area, on: &canvas, theme: theme, glyphs: glyphs)
            return
        }
        PaneChrome.redrawChangedRows(
            rows, previous: previous.rows, in: area, on: &canvas, theme: theme, glyphs: glyphs, candidates: Self.candidates,
            selectedRow: selectedRow, firstRow: firstRow, totalRows: totalRows) { Self.cells(for: $0, glyphs: glyphs) }
    }

    /// Every candidate cell of one row.
    static func cells(for row: PositionLine, glyphs: GlyphSet) -> [TableCell] {
        let price = row.priceState.priceRole
        let keep = row.priceState != .live
        var cells = [
            TableCell(String(glyphs.marks.mark(row.priceState)), role: row.priceState.role,
                      keepsRoleWhenSelected: true),
            PaneChrome.cell(row.symbol, glyphs: glyphs),
            PaneChrome.cell(row.quantity, glyphs: glyphs),
            PaneChrome.cell(row.averageCost, glyphs: glyphs),
            PaneChrome.cell(row.marketPrice, price, glyphs: glyphs),
            PaneChrome.cell(row.marketValue, price, glyphs: glyphs),
            PaneChrome.cell(row.unrealizedPnL, override: row.priceState == .live ? nil : price, glyphs: glyphs),
            PaneChrome.cell(row.dailyPnL, glyphs: glyphs),
            PaneChrome.cell(row.realizedPnL, glyphs: glyphs),
        ]
        for index in [4, 5, 6] { cells[index].keepsRoleWhenSelected = keep }
        return cells
    }
}
