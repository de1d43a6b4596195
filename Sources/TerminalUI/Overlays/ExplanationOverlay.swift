/// A catalog entry in a centred box: the code and title in the frame, the severity mark and
/// word, what happened, and what to do, wrapped; the last row says how to close it.
public struct ExplanationOverlay: Hashable, Sendable {
    /// The entry shown.
    public var explanation: Explanation

    /// Creates the overlay.
    public init(explanation: Explanation) {
        self.explanation = explanation
    }

    /// Draws the overlay centred in `area`. Lines that do not fit are dropped from the end of
    /// the action text; the closing hint always stays.
    public func render(in area: Rect, on canvas: inout Canvas, theme: Theme, glyphs: GlyphSet) {
        let width = min(area.width, 72)
        let textWidth = max(1, width - 4)
        let level = explanation.level
        var lines: [(String, ThemeRole)] = [("\(glyphs.marks.mark(level)) \(level.word)", level.role)]
        lines += WordWrap.lines(glyphs.shown(explanation.explanation), width: textWidth).map { ($0, .text) }
        lines.append(("", .text))
        lines += WordWrap.lines(glyphs.shown("What to do: " + explanation.action), width: textWidth)
            .map { ($0, .text) }
        let height = min(area.height, lines.count + 4)
        let box = OverlayBox.centred(width: width, height: height, in: area)
        let title = "\(explanation.code) \(glyphs.shown("·")) \(explanation.title)"
        let inner = OverlayBox.frame(title, box: box, on: &canvas, theme: theme, glyphs: glyphs)
        guard !inner.isEmpty else { return }
        for (row, line) in lines.enumerated() where row < inner.height - 2 {
            canvas.write(line.0, at: Point(x: inner.x, y: inner.y + row), role: line.1, theme: theme, clip: inner)
        }
        canvas.write("Esc closes", at: Point(x: inner.x, y: inner.maxY - 1), role: .dim, theme: theme, clip: inner)
    }
}
