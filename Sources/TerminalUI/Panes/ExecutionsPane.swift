/// Fills, newest first: time, side, quantity, symbol, price, commission, order and exchange.
public struct ExecutionsPane: Hashable, Sendable {
    /// The rows.
    public var rows: [ExecutionLine]
    /// The selected row.
    public var selectedRow: Int?
    /// Whether the pane has focus.
    public var isFocused: Bool
    /// The index in the whole list of `rows[0]` (0 when `rows` is the whole list).
    public var firstRow: Int
    /// The length of the whole list (nil: `rows` is the whole list).
    public var totalRows: Int?

    /// Creates the pane. `rows` may be a window of the list (from `firstRow`, of `totalRows`)
    /// holding every row that can be on screen; `selectedRow` indexes the whole list.
    public init(
        rows: [ExecutionLine], selectedRow: Int? = nil, isFocused: Bool = false, firstRow: Int = 0,
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

    /// The columns; narrower panes drop exchange, order, commission and time.
    static let candidates: [FittedColumns.Candidate] = [
        .init(TableColumn("Time", width: 8), priority: 1),
        .init(TableColumn("Side", width: 4), priority: 0),
        .init(.numeric("Qty", width: 5), priority: 0),
        .init(TableColumn("Symbol", width: 6), priority: 0),
        .init(.numeric("Price", width: 9), priority: 0),
        .init(.numeric("Comm", width: 6), priority: 2),
        .init(.numeric("Order", width: 5), priority: 3),
        .init(TableColumn("Exch", width: 6), priority: 4),
    ]

    /// Draws the pane into `area`.
    public func render(in area: Rect, on canvas: inout Canvas, theme: Theme, glyphs: GlyphSet) {
        let inner = PaneChrome.frame(PaneID.executions.title, focused: isFocused, in: area, on: &canvas,
                                     theme: theme, glyphs: glyphs)
        guard !inner.isEmpty else { return }
        guard !isEmptyList else {
            PaneChrome.note("No fills yet.", in: inner, on: &canvas, theme: theme, glyphs: glyphs)
            return
        }
        let fitted = FittedColumns(Self.candidates, width: inner.width)
        let cells = rows.map { row in
            PaneChrome.flash(fitted.cells([
                PaneChrome.cell(row.time, .dim, glyphs: glyphs),
                PaneChrome.cell(row.side.label, row.side.role, glyphs: glyphs),
                PaneChrome.cell(row.quantity, glyphs: glyphs),
                PaneChrome.cell(row.symbol, glyphs: glyphs),
                PaneChrome.cell(row.price, glyphs: glyphs),
                PaneChrome.cell(row.commission, .dim, glyphs: glyphs),
                PaneChrome.cell(row.orderID, .dim, glyphs: glyphs),
                PaneChrome.cell(row.exchange, .dim, glyphs: glyphs),
            ]), if: row.isFlashing)
        }
        Table(columns: fitted.columns, rows: cells, selectedRow: selectedRow, glyphs: glyphs,
              firstRow: firstRow, totalRows: totalRows)
            .render(in: inner, on: &canvas, theme: theme)
    }
}
