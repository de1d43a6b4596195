/// A table of aligned columns with a header row and an optional selected row.
///
/// Columns keep their widths left to right while they fit; the last one that partly fits is
/// narrowed and the rest are dropped. Rows scroll so the selected row is always visible. The
/// selected row is drawn in the selection role (except cells that keep their role) and marked
/// in the gutter, so it shows without colour.
public struct Table: Hashable, Sendable {
    /// The columns, left to right.
    public var columns: [TableColumn]
    /// The rows, each with one cell per column (missing cells are blank, extra ones ignored).
    public var rows: [[TableCell]]
    /// The index of the selected row, if any (in the whole list, see `firstRow`).
    public var selectedRow: Int?
    /// The glyphs for the ellipsis and the selection mark.
    public var glyphs: GlyphSet
    /// The index in the whole list of `rows[0]`, when `rows` hold only a window of it (0: all).
    public var firstRow: Int
    /// How many rows the whole list has (at least `firstRow + rows.count`).
    public var totalRows: Int

    /// Creates a table. `rows` may be a window of a longer list: `firstRow` is the index of
    /// its first row in that list and `totalRows` the list's length (nil: `rows` is the list).
    /// Scrolling follows the whole list; rows outside the window are not drawn, so the window
    /// must hold every row that fits (the selected one and the area's height around it).
    public init(
        columns: [TableColumn], rows: [[TableCell]], selectedRow: Int? = nil, glyphs: GlyphSet = .unicode,
        firstRow: Int = 0, totalRows: Int? = nil
    ) {
        self.columns = columns
        self.rows = rows
        self.selectedRow = selectedRow
        self.glyphs = glyphs
        self.firstRow = firstRow
        self.totalRows = max(totalRows ?? 0, firstRow + rows.count)
    }

    /// Cells between columns.
    static let columnGap = 1
    /// Cells reserved at the left for the selection mark.
    static let gutter = 2

    /// The columns' x offsets and widths within `width` cells (after the gutter).
    func layout(width: Int) -> [(column: Int, x: Int, width: Int)] {
        var result: [(column: Int, x: Int, width: Int)] = []
        var x = Table.gutter
        for (index, column) in columns.enumerated() {
            let room = width - x
            guard room > 0 else { break }
            let shown = min(column.width, room)
            result.append((index, x, shown))
            x += shown + Table.columnGap
        }
        return result
    }

    /// The first row shown when `visibleRows` rows fit: 0 unless the selected row would
    /// otherwise fall below the visible window.
    public func firstVisibleRow(visibleRows: Int) -> Int {
        Self.firstVisibleRow(selectedRow: selectedRow, totalRows: totalRows, visibleRows: visibleRows)
    }

    /// The first row a table of `totalRows` with `selectedRow` shows when `visibleRows` fit
    /// (what a click's row is counted from).
    public static func firstVisibleRow(selectedRow: Int?, totalRows: Int, visibleRows: Int) -> Int {
        guard let selected = selectedRow, visibleRows > 0, selected >= visibleRows else { return 0 }
        return min(selected - visibleRows + 1, max(0, totalRows - visibleRows))
    }

    /// Draws the header and as many rows as fit into `area`.
    public func render(in area: Rect, on canvas: inout Canvas, theme: Theme) {
        render(in: area, on: &canvas, theme: theme, onlyRows: nil)
    }

    /// Draws only the held rows `onlyRows` (indices into `rows`), leaving the header and every
    /// other line as the canvas has them: for a frame whose table differs from the one already
    /// drawn only in those rows. `nil` draws everything.
    public func render(in area: Rect, on canvas: inout Canvas, theme: Theme, onlyRows: Set<Int>?) {
        let area = area.intersection(canvas.bounds)
        guard !area.isEmpty else { return }
        let layout = layout(width: area.width)
        let (headerArea, body) = area.splitTop(1)
        if onlyRows == nil {
            canvas.fill(headerArea, style: theme[.header], role: .header)
            for slot in layout {
                let column = columns[slot.column]
                draw(TableCell(column.title, role: .header), in: slot, alignment: column.alignment,
                     y: headerArea.y, area: area, canvas: &canvas, theme: theme)
            }
        }
        let first = firstVisibleRow(visibleRows: body.height)
        for line in 0..<body.height {
            let index = first + line
            guard index < totalRows else { break }
            let held = index - firstRow
            guard held >= 0, held < rows.count, onlyRows?.contains(held) ?? true else { continue }
            let y = body.y + line
            let isSelected = index == selectedRow
            let rowArea = Rect(x: area.x, y: y, width: area.width, height: 1)
            canvas.fill(rowArea, style: theme[isSelected ? .selection : .text], role: isSelected ? .selection : .text)
            if isSelected {
                canvas.write(String(glyphs.selectionMark), at: Point(x: area.x, y: y),
                             style: theme[.selection], role: .selection, clip: area)
            }
            for slot in layout where slot.column < rows[held].count {
                var cell = rows[held][slot.column]
                if isSelected, !cell.keepsRoleWhenSelected { cell.role = .selection }
                draw(cell, in: slot, alignment: columns[slot.column].alignment, y: y, area: area,
                     canvas: &canvas, theme: theme)
            }
        }
    }

    /// Writes one cell's text truncated and aligned within its column slot.
    private func draw(
        _ cell: TableCell, in slot: (column: Int, x: Int, width: Int), alignment: TableColumn.Alignment,
        y: Int, area: Rect, canvas: inout Canvas, theme: Theme
    ) {
        let text = DisplayWidth.truncate(cell.text, to: slot.width, ellipsis: glyphs.ellipsis)
        let padding = alignment == .right ? slot.width - DisplayWidth.of(text) : 0
        let slotRect = Rect(x: area.x + slot.x, y: y, width: slot.width, height: 1).intersection(area)
        canvas.write(text, at: Point(x: area.x + slot.x + padding, y: y), style: theme[cell.role], role: cell.role,
                     clip: slotRect)
    }
}
