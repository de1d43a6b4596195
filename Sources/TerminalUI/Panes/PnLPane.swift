/// Account P&L: daily, unrealized, realized, net liquidation and buying power, each with its
/// source, and a sparkline of the session's P&L on the last row.
public struct PnLPane: Hashable, Sendable {
    /// The values.
    public var summary: PnLSummary
    /// Whether the pane has focus.
    public var isFocused: Bool

    /// Creates the pane.
    public init(summary: PnLSummary, isFocused: Bool = false) {
        self.summary = summary
        self.isFocused = isFocused
    }

    /// Rows the pane needs inside its border: five values and the sparkline.
    public static let contentHeight = 6

    /// Draws the pane into `area`.
    public func render(in area: Rect, on canvas: inout Canvas, theme: Theme, glyphs: GlyphSet) {
        let inner = PaneChrome.frame(PaneID.pnl.title, focused: isFocused, in: area, on: &canvas,
                                     theme: theme, glyphs: glyphs).inset(left: 1, right: 1)
        guard !inner.isEmpty else { return }
        let labelWidth = 13
        var y = inner.y
        for (label, line) in summary.lines where y < inner.maxY {
            canvas.write(label, at: Point(x: inner.x, y: y), role: .dim, theme: theme, clip: inner)
            let source = line.source.map { " \(glyphs.shown($0))" } ?? ""
            let value = glyphs.shown(line.value.text ?? glyphs.marks.missingValue)
            let room = inner.width - labelWidth
            let sourceShown = DisplayWidth.of(value) + DisplayWidth.of(source) <= room ? source : ""
            let valueEnd = inner.maxX - DisplayWidth.of(sourceShown)
            let valueX = max(inner.x + min(labelWidth, inner.width), valueEnd - DisplayWidth.of(value))
            let role = line.value.text == nil ? ThemeRole.dim : line.value.direction.role
            canvas.write(value, at: Point(x: valueX, y: y), role: role, theme: theme, clip: inner)
            canvas.write(sourceShown, at: Point(x: valueEnd, y: y), role: .dim, theme: theme, clip: inner)
            y += 1
        }
        guard y < inner.maxY else { return }
        let row = Rect(x: inner.x, y: y, width: inner.width, height: 1)
        let label = "Session "
        let x = canvas.write(label, at: row.origin, role: .dim, theme: theme, clip: row)
        let chart = Rect(x: x, y: y, width: max(0, row.maxX - x), height: 1)
        if summary.history.isEmpty {
            canvas.write(glyphs.marks.missingValue, at: chart.origin, role: .dim, theme: theme, clip: chart)
        } else {
            let trend = (summary.history.last ?? 0) >= (summary.history.first ?? 0) ? ThemeRole.up : .down
            Sparkline(values: summary.history, role: trend, glyphs: glyphs).render(in: chart, on: &canvas, theme: theme)
        }
    }
}
