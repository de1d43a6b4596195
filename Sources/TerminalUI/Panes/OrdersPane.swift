/// Orders, newest first: id, side (labelled and coloured), quantity, symbol, type and price,
/// TIF, status, and the lifecycle with timestamps, or for a rejected order the reason in words.
public struct OrdersPane: Hashable, Sendable {
    /// The rows.
    public var rows: [OrderRow]
    /// The selected row.
    public var selectedRow: Int?
    /// Whether the pane has focus.
    public var isFocused: Bool

    /// Creates the pane.
    public init(rows: [OrderRow], selectedRow: Int? = nil, isFocused: Bool = false) {
        self.rows = rows
        self.selectedRow = selectedRow
        self.isFocused = isFocused
    }

    /// The columns; the lifecycle (or reject reason) takes what is left.
    static let candidates: [FittedColumns.Candidate] = [
        .init(.numeric("Id", width: 5), priority: 3),
        .init(TableColumn("Side", width: 4), priority: 0),
        .init(.numeric("Qty", width: 5), priority: 0),
        .init(TableColumn("Symbol", width: 6), priority: 0),
        .init(TableColumn("Type", width: 11), priority: 2),
        .init(TableColumn("TIF", width: 3), priority: 4),
        .init(TableColumn("Status", width: 14), priority: 0),
        .init(TableColumn("Lifecycle", width: 12), priority: 1, flexible: true),
    ]

    /// The lifecycle text: `10:31:02 submitted › 10:31:05 filled 100`, or the reject reason.
    static func lifecycle(of row: OrderRow, glyphs: GlyphSet) -> TableCell {
        if let reason = row.rejectReason {
            return PaneChrome.cell(reason, .error, glyphs: glyphs)
        }
        let arrow = glyphs.marks.asciiOnly ? " > " : " › "
        let text = row.steps.map { "\($0.time) \($0.event)" }.joined(separator: arrow)
        return PaneChrome.cell(text, .dim, glyphs: glyphs)
    }

    /// Draws the pane into `area`.
    public func render(in area: Rect, on canvas: inout Canvas, theme: Theme, glyphs: GlyphSet) {
        let inner = PaneChrome.frame(PaneID.orders.title, focused: isFocused, in: area, on: &canvas,
                                     theme: theme, glyphs: glyphs)
        guard !inner.isEmpty else { return }
        guard !rows.isEmpty else {
            PaneChrome.note("No orders this session.", in: inner, on: &canvas, theme: theme, glyphs: glyphs)
            return
        }
        let fitted = FittedColumns(Self.candidates, width: inner.width)
        let cells = rows.map { row in
            fitted.cells([
                PaneChrome.cell(row.orderID, .dim, glyphs: glyphs),
                PaneChrome.cell(row.side.label, row.side.role, glyphs: glyphs),
                PaneChrome.cell(row.quantity, glyphs: glyphs),
                PaneChrome.cell(row.symbol, glyphs: glyphs),
                PaneChrome.cell(row.typeAndPrice, glyphs: glyphs),
                PaneChrome.cell(row.timeInForce, .dim, glyphs: glyphs),
                PaneChrome.cell(row.statusText, row.status.role, glyphs: glyphs),
                Self.lifecycle(of: row, glyphs: glyphs),
            ])
        }
        Table(columns: fitted.columns, rows: cells, selectedRow: selectedRow, glyphs: glyphs)
            .render(in: inner, on: &canvas, theme: theme)
    }
}
