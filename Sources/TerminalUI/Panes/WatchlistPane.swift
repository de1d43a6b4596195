import Dashboard

/// The watchlist: one row per symbol with the chosen columns (sizes, bid, ask, last, change,
/// change %, open, high, low, volume, the session's sparkline, the position) and the quote's
/// freshness (mark, word and age), under a title naming the lists and the sort. A row that is not live draws its prices and changes
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
    /// The columns shown between the mark and the data column, in order.
    public var columns: [WatchlistColumn]
    /// The watchlists' names, in tab order (empty: one list, not named in the title).
    public var tabs: [String]
    /// The index of the list shown among `tabs`.
    public var activeTab: Int
    /// The sort, in words (`chg_pct desc`), nil when the list is in its own order.
    public var sortLabel: String?

    /// Creates the pane. `rows` may be a window of the list (from `firstRow`, of `totalRows`)
    /// holding every row that can be on screen; `selectedRow` indexes the whole list.
    public init(
        rows: [WatchlistLine], selectedRow: Int? = nil, isFocused: Bool = false, firstRow: Int = 0,
        totalRows: Int? = nil, labelWidth: Int? = nil, columns: [WatchlistColumn] = WatchlistColumn.standard,
        tabs: [String] = [], activeTab: Int = 0, sortLabel: String? = nil
    ) {
        self.rows = rows
        self.selectedRow = selectedRow
        self.isFocused = isFocused
        self.firstRow = firstRow
        self.totalRows = totalRows
        self.labelWidth = labelWidth
        self.columns = columns
        self.tabs = tabs
        self.activeTab = activeTab
        self.sortLabel = sortLabel
    }

    /// The pane's title: `Watchlist`, the lists as tabs with the shown one in brackets and
    /// numbered for `1`–`9` (`Watchlist 1 main [2 tech]`), and the sort (`sorted chg_pct desc`).
    public var title: String {
        var title = PaneID.watchlist.title
        if !tabs.isEmpty {
            for (index, name) in tabs.enumerated() {
                let label = index < 9 ? "\(index + 1) \(name)" : name
                title += index == activeTab ? " [\(label)]" : " \(label)"
            }
        }
        if let sortLabel { title += " · sorted \(sortLabel)" }
        return title
    }

    /// Whether the whole list is empty.
    var isEmptyList: Bool { (totalRows ?? rows.count) == 0 }

    /// The sparkline's cells.
    public static let sparkWidth = 10

    /// The symbol column's width for `rows`: 6, or as wide as the longest symbol shown up to 10
    /// (`EUR.USD`, `BRK B`), so a symbol is never cut.
    public static func symbolWidth(for rows: [WatchlistLine]) -> Int {
        var longest = 6
        for row in rows where row.symbol.count > longest { longest = row.symbol.count }
        return min(10, longest)
    }

    /// The columns, widest layout first: the mark, `columns`, and the data column (state word
    /// and age), so the mark, the state word and its age always show.
    static func candidates(_ columns: [WatchlistColumn], dataWidth: Int, symbolWidth: Int = 6) -> [FittedColumns.Candidate] {
        var candidates: [FittedColumns.Candidate] = []
        candidates.reserveCapacity(columns.count + 2)
        candidates.append(FittedColumns.Candidate(TableColumn("", width: 1), priority: 0))
        for column in columns {
            candidates.append(column == .symbol ? .init(TableColumn("Symbol", width: symbolWidth), priority: 0) : column.candidate)
        }
        candidates.append(.init(TableColumn("Data", width: dataWidth), priority: 0, flexible: true))
        return candidates
    }


    /// The width the data column asks for: the longest state label, between 14 columns (so
    /// `no entitlement` always fits) and 24.
    static func dataWidth(for rows: [WatchlistLine], glyphs: GlyphSet) -> Int {
        let longest = rows.map { DisplayWidth.of(glyphs.shown($0.state.label(age: $0.age))) }.max() ?? 0
        return min(24, max(14, longest))
    }

    /// Draws the pane into `area`.
    public func render(in area: Rect, on canvas: inout Canvas, theme: Theme, glyphs: GlyphSet) {
        let inner = PaneChrome.frame(title, focused: isFocused, in: area, on: &canvas,
                                     theme: theme, glyphs: glyphs)
        guard !inner.isEmpty else { return }
        guard !isEmptyList else {
            PaneChrome.note("No symbols. Press a to add one.", in: inner, on: &canvas, theme: theme, glyphs: glyphs)
            return
        }
        let fitted = FittedColumns(Self.candidates(columns, dataWidth: labelWidth.map { min(24, max(14, $0)) } ?? Self.dataWidth(for: rows, glyphs: glyphs),
                                                   symbolWidth: Self.symbolWidth(for: rows)),
                                   width: inner.width)
        let cells = rows.map { fitted.cells(Self.cells(for: $0, columns: columns, glyphs: glyphs)) }
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
              previous.rows.count == rows.count, previous.columns == columns, previous.title == title,
              Self.symbolWidth(for: previous.rows) == Self.symbolWidth(for: rows), !isEmptyList else {
            render(in: area, on: &canvas, theme: theme, glyphs: glyphs)
            return
        }
        PaneChrome.redrawChangedRows(
            rows, previous: previous.rows, in: area, on: &canvas, theme: theme, glyphs: glyphs,
            candidates: Self.candidates(columns, dataWidth: min(24, max(14, labelWidth)), symbolWidth: Self.symbolWidth(for: rows)),
            selectedRow: selectedRow, firstRow: firstRow, totalRows: totalRows) {
                Self.cells(for: $0, columns: columns, glyphs: glyphs)
            }
    }

    /// Every candidate cell of one row: the mark, one per column, the state word with its age.
    static func cells(for row: WatchlistLine, columns: [WatchlistColumn], glyphs: GlyphSet) -> [TableCell] {
        let state = row.state
        let price = state.priceRole
        let change: ThemeRole? = state == .live ? nil : state.role
        let keep = state != .live
        var cells: [TableCell] = []
        cells.reserveCapacity(columns.count + 2)
        cells.append(TableCell(String(glyphs.marks.mark(state)), role: state.role, keepsRoleWhenSelected: true))
        for column in columns {
            var cell: TableCell
            switch column {
            case .symbol: cell = PaneChrome.cell(row.symbol, price, glyphs: glyphs)
            case .bidSize: cell = PaneChrome.cell(row.bidSize, price == .text ? .dim : price, glyphs: glyphs)
            case .bid: cell = PaneChrome.cell(row.bid, price, glyphs: glyphs)
            case .ask: cell = PaneChrome.cell(row.ask, price, glyphs: glyphs)
            case .askSize: cell = PaneChrome.cell(row.askSize, price == .text ? .dim : price, glyphs: glyphs)
            case .last: cell = PaneChrome.cell(row.last, price, glyphs: glyphs)
            case .change: cell = PaneChrome.cell(row.change, override: change, glyphs: glyphs)
            case .changePercent: cell = PaneChrome.cell(row.changePercent, override: change, glyphs: glyphs)
            case .open: cell = PaneChrome.cell(row.open, price, glyphs: glyphs)
            case .high: cell = PaneChrome.cell(row.high, price, glyphs: glyphs)
            case .low: cell = PaneChrome.cell(row.low, price, glyphs: glyphs)
            case .volume: cell = PaneChrome.cell(row.volume, price == .text ? .dim : price, glyphs: glyphs)
            case .spark: cell = sparkCell(row, role: change ?? row.trendDirection.role, glyphs: glyphs)
            case .position: cell = PaneChrome.cell(row.position ?? "", .text, glyphs: glyphs)
            }
            cell.keepsRoleWhenSelected = keep
            cells.append(cell)
        }
        cells.append(TableCell(glyphs.shown(state.label(age: row.age)), role: state.role, keepsRoleWhenSelected: true))
        return PaneChrome.flash(cells, if: row.isFlashing)
    }

    /// The sparkline cell: the session's closes as level glyphs, the newest at the right edge.
    static func sparkCell(_ row: WatchlistLine, role: ThemeRole, glyphs: GlyphSet) -> TableCell {
        guard !row.trend.isEmpty else { return PaneChrome.cell(nil, .dim, glyphs: glyphs) }
        return TableCell(Sparkline(values: row.trend, glyphs: glyphs).text(width: sparkWidth), role: role)
    }
}

extension WatchlistColumn {
    /// The header and width; the priority says which go first when the pane is narrow
    /// (higher first; 0 never): sizes, then open, high and low (together), position, change
    /// (change % says it too), sparkline, volume, bid and ask, change %.
    var candidate: FittedColumns.Candidate {
        switch self {
        case .symbol: .init(TableColumn("Symbol", width: 6), priority: 0)
        case .bidSize: .init(.numeric("BidSz", width: 6), priority: 10)
        case .bid: .init(.numeric("Bid", width: 9), priority: 3)
        case .ask: .init(.numeric("Ask", width: 9), priority: 3)
        case .askSize: .init(.numeric("AskSz", width: 6), priority: 10)
        case .last: .init(.numeric("Last", width: 9), priority: 0)
        case .change: .init(.numeric("Chg", width: 8), priority: 6)
        case .changePercent: .init(.numeric("Chg%", width: 7), priority: 2)
        case .open: .init(.numeric("Open", width: 9), priority: 9)
        case .high: .init(.numeric("High", width: 9), priority: 8, group: 1)
        case .low: .init(.numeric("Low", width: 9), priority: 8, group: 1)
        case .volume: .init(.numeric("Volume", width: 8), priority: 4)
        case .spark: .init(TableColumn("Session", width: WatchlistPane.sparkWidth), priority: 5)
        case .position: .init(.numeric("Pos", width: 7), priority: 7)
        }
    }
}
