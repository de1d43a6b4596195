/// A one-row bar of segments: left segments packed from the left, right segments from the
/// right, separated by the glyph set's separator. When space runs out, left segments win: a
/// right segment that would overlap is dropped, and the last left segment that fits partly is
/// truncated with an ellipsis.
public struct StatusBar: Hashable, Sendable {
    /// The segments, in order for each edge.
    public var segments: [StatusSegment]
    /// The glyphs for the separator and ellipsis.
    public var glyphs: GlyphSet

    /// Creates a status bar.
    public init(segments: [StatusSegment], glyphs: GlyphSet = .unicode) {
        self.segments = segments
        self.glyphs = glyphs
    }

    /// Draws the bar on the first row of `area`.
    public func render(in area: Rect, on canvas: inout Canvas, theme: Theme) {
        let area = area.intersection(canvas.bounds)
        guard !area.isEmpty else { return }
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        canvas.fill(row, style: theme[.statusBar], role: .statusBar)
        let separatorWidth = DisplayWidth.of(glyphs.separator)
        var x = row.x
        for (index, segment) in segments.filter({ $0.edge == .left }).enumerated() {
            if index > 0 {
                guard x + separatorWidth < row.maxX else { break }
                x = canvas.write(glyphs.separator, at: Point(x: x, y: row.y), style: theme[.statusBar],
                                 role: .statusBar, clip: row)
            }
            let room = row.maxX - x
            guard room > 0 else { break }
            let text = DisplayWidth.truncate(segment.text, to: room, ellipsis: glyphs.ellipsis)
            x = canvas.write(text, at: Point(x: x, y: row.y), style: theme[segment.role], role: segment.role, clip: row)
        }
        let leftEnd = x
        var right = row.maxX
        for (index, segment) in segments.filter({ $0.edge == .right }).enumerated() {
            let gap = index > 0 ? separatorWidth : 0
            let width = DisplayWidth.of(segment.text)
            let start = right - gap - width
            guard start >= leftEnd + (leftEnd > row.x ? 1 : 0) else { break }
            canvas.write(segment.text, at: Point(x: start, y: row.y), style: theme[segment.role], role: segment.role,
                         clip: row)
            if gap > 0 {
                canvas.write(glyphs.separator, at: Point(x: start + width, y: row.y), style: theme[.statusBar],
                             role: .statusBar, clip: row)
            }
            right = start
        }
    }
}
