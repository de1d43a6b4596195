/// Orders, newest first: id, the client that placed it (`this` or `cl 7`), side (labelled and
/// coloured), quantity, symbol, type and price,
/// TIF, status, and the lifecycle with timestamps, or for a rejected order the reason in words.
public struct OrdersPane: Hashable, Sendable {
    /// The rows.
    public var rows: [OrderLine]
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
    /// The width of the longest type-and-price text of the whole list, when `rows` holds only
    /// part of it (nil: measured from `rows`): the type column is as wide as it (11 to 24).
    public var typeWidth: Int?

    /// Creates the pane. `rows` may be a window of the list (from `firstRow`, of `totalRows`)
    /// holding every row that can be on screen; `selectedRow` indexes the whole list.
    public init(
        rows: [OrderLine], selectedRow: Int? = nil, isFocused: Bool = false, firstRow: Int = 0,
        totalRows: Int? = nil, typeWidth: Int? = nil
    ) {
        self.rows = rows
        self.selectedRow = selectedRow
        self.isFocused = isFocused
        self.firstRow = firstRow
        self.totalRows = totalRows
        self.typeWidth = typeWidth
    }

    /// The type column's width for type-and-price texts of the widths given: the widest, from
    /// 11 (`LMT 231.20`) to 24 (`TRAIL LIMIT 1.50 470.00`), so a stop-limit's two prices show.
    public static func typeColumnWidth(_ widths: some Sequence<Int>) -> Int {
        min(24, max(11, widths.max() ?? 0))
    }

    /// Whether the whole list is empty.
    var isEmptyList: Bool { (totalRows ?? rows.count) == 0 }

    /// The columns; the lifecycle (or reject reason) takes what is left.
    static func candidates(typeWidth: Int) -> [FittedColumns.Candidate] { [
        .init(.numeric("Id", width: 5), priority: 3),
        .init(TableColumn("Client", width: 6), priority: 2),
        .init(TableColumn("Side", width: 4), priority: 0),
        .init(.numeric("Qty", width: 5), priority: 0),
        .init(TableColumn("Symbol", width: 6), priority: 0),
        .init(TableColumn("Type", width: typeWidth), priority: 2),
        .init(TableColumn("TIF", width: 3), priority: 4),
        .init(TableColumn("Status", width: 14), priority: 0),
        .init(TableColumn("Lifecycle", width: 12), priority: 1, flexible: true),
    ] }

    /// The columns of a narrow pane (below `narrowWidth`): the status column also carries the
    /// reject reason, so a rejection is explained at any width.
    static let narrowCandidates: [FittedColumns.Candidate] = [
        .init(TableColumn("Side", width: 4), priority: 0),
        .init(.numeric("Qty", width: 5), priority: 1),
        .init(TableColumn("Symbol", width: 6), priority: 0),
        .init(TableColumn("Status", width: 10), priority: 0, flexible: true),
    ]

    /// The columns for an inner width: the type column as wide as the longest type and price
    /// when that costs no other column (a 160-column terminal shows `STP LMT 420.00 420.10`
    /// whole), else at its least width, cut with an ellipsis, so the id and TIF stay.
    static func columns(typeWidth: Int, width: Int) -> FittedColumns {
        let least = FittedColumns(candidates(typeWidth: typeColumnWidth([])), width: width)
        guard typeWidth > typeColumnWidth([]) else { return least }
        let wide = FittedColumns(candidates(typeWidth: typeWidth), width: width)
        return wide.columns.count < least.columns.count ? least : wide
    }

    /// Inner widths below this use `narrowCandidates`.
    static let narrowWidth = 60

    /// The lifecycle text: `10:31:02 submitted › 10:31:05 filled 100`, or the reject reason.
    static func lifecycle(of row: OrderLine, glyphs: GlyphSet) -> TableCell {
        if let reason = row.rejectReason {
            return PaneChrome.cell(reason, .error, glyphs: glyphs)
        }
        let arrow = glyphs.marks.asciiOnly ? " > " : " › "
        let text = row.steps.map { "\($0.time) \($0.event)" }.joined(separator: arrow)
        return PaneChrome.cell(text, .dim, glyphs: glyphs)
    }

    /// The footer line: the whole lifecycle of the selected order, or else of the newest
    /// rejected one with its reason, as the table's columns may cut them.
    func footer(glyphs: GlyphSet) -> TableCell? {
        let selected = selectedRow.flatMap { $0 < (totalRows ?? rows.count) ? $0 - firstRow : nil }
        let index = selected ?? rows.firstIndex { $0.rejectReason != nil }
        guard let index, index >= 0, index < rows.count else { return nil }
        let row = rows[index]
        var cell = Self.lifecycle(of: row, glyphs: glyphs)
        let arrow = glyphs.marks.asciiOnly ? " > " : " › "
        let steps = row.steps.map { "\($0.time) \($0.event)" }.joined(separator: arrow)
        if let reason = row.rejectReason {
            cell.text = glyphs.shown("#\(row.orderID) \(row.statusText.lowercased()): \(reason)")
        } else {
            cell.text = glyphs.shown("#\(row.orderID) \(steps)")
        }
        return cell
    }

    /// Draws the pane into `area`; with four rows or more inside, the last one (two from seven
    /// rows, when the footer needs them) show `footer`.
    public func render(in area: Rect, on canvas: inout Canvas, theme: Theme, glyphs: GlyphSet) {
        var inner = PaneChrome.frame(PaneChrome.title(PaneID.orders.title, source: source), focused: isFocused, in: area, on: &canvas,
                                     theme: theme, glyphs: glyphs)
        guard !inner.isEmpty else { return }
        if inner.height >= 4, let footer = footer(glyphs: glyphs) {
            var lines = WordWrap.lines(footer.text, width: inner.width - 2)
            let room = inner.height >= 7 ? 2 : 1
            if lines.count > room {
                lines = Array(lines.prefix(room - 1)) + [lines.dropFirst(room - 1).joined(separator: " ")]
            }
            let (rest, area) = inner.splitBottom(lines.count)
            inner = rest
            for (row, line) in lines.enumerated() {
                let text = DisplayWidth.truncate(line, to: area.width - 2, ellipsis: glyphs.ellipsis)
                canvas.write(text, at: Point(x: area.x + 2, y: area.y + row), role: footer.role, theme: theme, clip: area)
            }
        }
        guard !isEmptyList else {
            PaneChrome.note("No orders this session.", in: inner, on: &canvas, theme: theme, glyphs: glyphs)
            return
        }
        let narrow = inner.width < Self.narrowWidth
        let fitted = narrow ? FittedColumns(Self.narrowCandidates, width: inner.width) : Self.columns(
            typeWidth: typeWidth ?? Self.typeColumnWidth(rows.map { DisplayWidth.of($0.typeAndPrice) }), width: inner.width)
        let cells = rows.map { row in
            let side = PaneChrome.cell(row.isChild && narrow ? "└ " + row.side.label : row.side.label, row.side.role, glyphs: glyphs)
            let quantity = PaneChrome.cell(row.quantity, glyphs: glyphs)
            let symbol = PaneChrome.cell(row.symbol, glyphs: glyphs)
            if narrow {
                var status = row.rejectReason.map { "\(row.statusText): \($0)" } ?? row.statusText
                if row.isOtherClient { status = "\(row.owner): " + status }
                return fitted.cells([side, quantity, symbol, PaneChrome.cell(status, row.status.role, glyphs: glyphs)])
            }
            return fitted.cells([
                PaneChrome.cell(row.isChild ? "└ " + row.orderID : row.orderID, .dim, glyphs: glyphs),
                PaneChrome.cell(row.owner, row.isOtherClient ? .warning : .dim, glyphs: glyphs),
                side, quantity, symbol,
                PaneChrome.cell(row.typeAndPrice, glyphs: glyphs),
                PaneChrome.cell(row.timeInForce, .dim, glyphs: glyphs),
                PaneChrome.cell(row.statusText, row.status.role, glyphs: glyphs),
                Self.lifecycle(of: row, glyphs: glyphs),
            ])
        }
        let flashed = zip(rows, cells).map { PaneChrome.flash($1, if: $0.isFlashing) }
        Table(columns: fitted.columns, rows: flashed, selectedRow: selectedRow, glyphs: glyphs,
              firstRow: firstRow, totalRows: totalRows)
            .render(in: inner, on: &canvas, theme: theme)
    }
}
