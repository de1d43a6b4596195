/// Account P&L: daily, unrealized, realized, net liquidation and buying power, each with its
/// source, and a sparkline of the session's P&L on the last row.
public struct PnLPane: Hashable, Sendable {
    /// The values.
    public var summary: PnLSummary
    /// Whether the pane has focus.
    public var isFocused: Bool
    /// Where its data comes from when not the socket link (`REST 4s`), shown in its title.
    public var source: String?

    /// Creates the pane.
    public init(summary: PnLSummary, isFocused: Bool = false) {
        self.summary = summary
        self.isFocused = isFocused
    }

    /// Rows the pane needs inside its border: five values and the sparkline.
    public static let contentHeight = 6

    /// Draws the pane into `area`.
    public func render(in area: Rect, on canvas: inout Canvas, theme: Theme, glyphs: GlyphSet) {
        let inner = PaneChrome.frame(PaneChrome.title(PaneID.pnl.title, source: source), focused: isFocused, in: area, on: &canvas,
                                     theme: theme, glyphs: glyphs).inset(left: 1, right: 1)
        guard !inner.isEmpty else { return }
        let labelWidth = 13
        let lines = summary.lines.map { entry in
            (label: entry.label, value: glyphs.shown(entry.line.value.text ?? glyphs.marks.missingValue),
             source: entry.line.source.map(glyphs.shown) ?? "",
             role: entry.line.value.text == nil ? ThemeRole.dim : entry.line.value.direction.role)
        }
        let valueWidth = lines.map { DisplayWidth.of($0.value) }.max() ?? 0
        let sourceWidth = lines.map { DisplayWidth.of($0.source) }.max() ?? 0
        let showSources = sourceWidth > 0 && labelWidth + valueWidth + 1 + sourceWidth <= inner.width
        let valueEnd = inner.maxX - (showSources ? sourceWidth + 1 : 0)
        var y = inner.y
        for line in lines where y < inner.maxY {
            canvas.write(line.label, at: Point(x: inner.x, y: y), role: .dim, theme: theme, clip: inner)
            let valueX = max(inner.x + min(labelWidth, inner.width), valueEnd - DisplayWidth.of(line.value))
            canvas.write(line.value, at: Point(x: valueX, y: y), role: line.role, theme: theme, clip: inner)
            if showSources {
                canvas.write(line.source, at: Point(x: valueEnd + 1, y: y), role: .dim, theme: theme, clip: inner)
            }
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
