/// Chooses which of a pane's table columns fit a width: columns are dropped highest priority
/// number first (the later of equal ones first, with the others of its group) until the rest fit, and one column may be flexible (it takes the width left over, at
/// least its minimum).
struct FittedColumns {
    /// A candidate column.
    struct Candidate {
        /// The column at its preferred width (for the flexible one: its minimum).
        var column: TableColumn
        /// Higher numbers are dropped first; 0 is never dropped.
        var priority: Int
        /// Whether this column takes the leftover width.
        var isFlexible: Bool
        /// Columns of one group (a nonzero number) go together: a day's high without its low
        /// says little.
        var group: Int

        init(_ column: TableColumn, priority: Int, flexible: Bool = false, group: Int = 0) {
            self.column = column
            self.priority = priority
            self.isFlexible = flexible
            self.group = group
        }
    }

    /// The columns kept, in display order, with widths set.
    let columns: [TableColumn]
    /// The index into the candidates of each kept column.
    let kept: [Int]

    /// Fits `candidates` into a table `width` cells wide (including the table's gutter).
    init(_ candidates: [Candidate], width: Int) {
        var keep = Array(candidates.indices)
        func needed(_ indices: [Int]) -> Int {
            Table.gutter + indices.reduce(0) { $0 + candidates[$1].column.width }
                + max(0, indices.count - 1) * Table.columnGap
        }
        while needed(keep) > width, keep.count > 1 {
            let droppable = keep.filter { candidates[$0].priority > 0 }
            guard let victim = droppable.max(by: { (candidates[$0].priority, $0) < (candidates[$1].priority, $1) })
            else { break }
            let group = candidates[victim].group
            keep.removeAll { $0 == victim || (group != 0 && candidates[$0].group == group) }
        }
        let spare = max(0, width - needed(keep))
        columns = keep.map { index in
            var column = candidates[index].column
            if candidates[index].isFlexible { column.width += spare }
            return column
        }
        kept = keep
    }

    /// Picks the kept cells out of a full row of cells (one per candidate).
    func cells(_ row: [TableCell]) -> [TableCell] {
        kept.map { $0 < row.count ? row[$0] : TableCell("") }
    }
}

/// Drawing helpers every pane shares.
enum PaneChrome {
    /// Draws, inside the frame already drawn in `area`, only the rows of `rows` that differ
    /// from `previous` (same count, same window and selection): a list pane that ticks redraws
    /// its changed rows and leaves the rest of its cells as the previous frame drew them.
    static func redrawChangedRows<Row: Equatable>(
        _ rows: [Row], previous: [Row], in area: Rect, on canvas: inout Canvas, theme: Theme, glyphs: GlyphSet,
        candidates: [FittedColumns.Candidate], selectedRow: Int?, firstRow: Int, totalRows: Int?,
        cells: (Row) -> [TableCell]
    ) {
        let inner = Panel.innerArea(of: area).intersection(canvas.bounds)
        guard !inner.isEmpty else { return }
        let changed = Set(rows.indices.filter { rows[$0] != previous[$0] })
        guard !changed.isEmpty else { return }
        let fitted = FittedColumns(candidates, width: inner.width)
        let drawn = rows.indices.map { changed.contains($0) ? fitted.cells(cells(rows[$0])) : [] }
        Table(columns: fitted.columns, rows: drawn, selectedRow: selectedRow, glyphs: glyphs,
              firstRow: firstRow, totalRows: totalRows)
            .render(in: inner, on: &canvas, theme: theme, onlyRows: changed)
    }

    /// A pane's title with where its data comes from when that is not the socket link:
    /// `Positions · REST 4s`.
    static func title(_ title: String, source: String?) -> String {
        guard let source, !source.isEmpty else { return title }
        return "\(title) · \(source)"
    }

    /// Draws the pane's border and title (ASCII-safe) and returns the inner area.
    static func frame(
        _ title: String, focused: Bool, in area: Rect, on canvas: inout Canvas, theme: Theme, glyphs: GlyphSet
    ) -> Rect {
        Panel(title: glyphs.shown(title), isFocused: focused, glyphs: glyphs).render(in: area, on: &canvas, theme: theme)
    }

    /// Writes a dimmed one-line note (an empty pane's hint) at the top of `area`.
    static func note(_ text: String, in area: Rect, on canvas: inout Canvas, theme: Theme, glyphs: GlyphSet) {
        guard !area.isEmpty else { return }
        let shown = DisplayWidth.truncate(glyphs.shown(text), to: area.width - 1, ellipsis: glyphs.ellipsis)
        canvas.write(shown, at: Point(x: area.x + 1, y: area.y), role: .dim, theme: theme, clip: area)
    }

    /// A table cell with ASCII-safe text; a nil text shows the missing-value dash.
    static func cell(_ text: String?, _ role: ThemeRole = .text, glyphs: GlyphSet) -> TableCell {
        TableCell(glyphs.shown(text ?? glyphs.marks.missingValue), role: role)
    }

    /// A cell for a signed figure: its direction's role, or `override` (a non-live price state).
    static func cell(_ figure: Figure, override: ThemeRole? = nil, glyphs: GlyphSet) -> TableCell {
        cell(figure.text, override ?? figure.direction.role, glyphs: glyphs)
    }
}
