/// The message log, oldest first with the newest at the bottom: a severity mark, the time, IB's
/// code, how many times it arrived (`×3`), and the plain-language text. While the trader has
/// scrolled off the newest line, the bottom border says how many arrived below (`3 new ↓`).
public struct MessagesPane: Hashable, Sendable {
    /// The rows, oldest first.
    public var rows: [MessageLine]
    /// The selected row.
    public var selectedRow: Int?
    /// Whether the pane has focus.
    public var isFocused: Bool
    /// The index in the whole list of `rows[0]` (0 when `rows` is the whole list).
    public var firstRow: Int
    /// The length of the whole list (nil: `rows` is the whole list).
    public var totalRows: Int?
    /// How many messages arrived below the selection since the trader scrolled (0: following).
    public var newBelow: Int

    /// Creates the pane. `rows` may be a window of the list (from `firstRow`, of `totalRows`)
    /// holding every row that can be on screen; `selectedRow` indexes the whole list.
    public init(
        rows: [MessageLine], selectedRow: Int? = nil, isFocused: Bool = false, firstRow: Int = 0,
        totalRows: Int? = nil, newBelow: Int = 0
    ) {
        self.newBelow = newBelow
        self.rows = rows
        self.selectedRow = selectedRow
        self.isFocused = isFocused
        self.firstRow = firstRow
        self.totalRows = totalRows
    }

    /// Whether the whole list is empty.
    var isEmptyList: Bool { (totalRows ?? rows.count) == 0 }

    /// The columns; the text takes what is left.
    static let candidates: [FittedColumns.Candidate] = [
        .init(TableColumn("", width: 1), priority: 0),
        .init(TableColumn("Time", width: 8), priority: 2),
        .init(.numeric("Code", width: 5), priority: 1),
        .init(.numeric("", width: 4), priority: 0),
        .init(TableColumn("Message", width: 12), priority: 0, flexible: true),
    ]

    /// Draws the pane into `area`.
    public func render(in area: Rect, on canvas: inout Canvas, theme: Theme, glyphs: GlyphSet) {
        let inner = PaneChrome.frame(PaneID.messages.title, focused: isFocused, in: area, on: &canvas,
                                     theme: theme, glyphs: glyphs)
        guard !inner.isEmpty else { return }
        guard !isEmptyList else {
            PaneChrome.note("No messages.", in: inner, on: &canvas, theme: theme, glyphs: glyphs)
            return
        }
        let fitted = FittedColumns(Self.candidates, width: inner.width)
        let times = glyphs.marks.asciiOnly ? "x" : "×"
        let cells = rows.map { row in
            fitted.cells([
                TableCell(String(glyphs.marks.mark(row.level)), role: row.level.role),
                PaneChrome.cell(row.time, .dim, glyphs: glyphs),
                PaneChrome.cell(row.code ?? "", .dim, glyphs: glyphs),
                PaneChrome.cell(row.count > 1 ? "\(times)\(row.count)" : "", row.level.role, glyphs: glyphs),
                PaneChrome.cell(row.text, row.level == .info ? .text : row.level.role, glyphs: glyphs),
            ])
        }
        Table(columns: fitted.columns, rows: cells, selectedRow: selectedRow, glyphs: glyphs,
              firstRow: firstRow, totalRows: totalRows)
            .render(in: inner, on: &canvas, theme: theme)
        if newBelow > 0 {
            let marker = glyphs.shown(" \(newBelow) new ↓ ")
            let x = area.maxX - 2 - DisplayWidth.of(marker)
            if x > area.x + 1, area.height >= 2 {
                canvas.write(marker, at: Point(x: x, y: area.maxY - 1), role: .info, theme: theme, clip: area)
            }
        }
    }
}
