/// Draws the footer row, one blank in from either edge as the status bar's badge: the note first (its level's mark and role; cut with `…` when longer
/// than the row), then as many whole key hints as fit after it, each the key in the title role
/// and its label dimmed, two blanks apart.
public struct FooterView: Hashable, Sendable {
    /// The model.
    public var line: FooterLine

    /// Creates the view.
    public init(line: FooterLine) {
        self.line = line
    }

    /// Blanks between the note and the hints, and between two hints.
    static let gap = "  "

    /// The text drawn in a row `width` cells wide, without the blanks around it (for tests).
    public func text(width: Int, glyphs: GlyphSet) -> String {
        var canvas = Canvas(size: Size(width: max(0, width), height: 1))
        render(in: Rect(x: 0, y: 0, width: max(0, width), height: 1), on: &canvas, theme: .builtinDefault, glyphs: glyphs)
        let line = canvas.lines.first ?? ""
        return String(line.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }

    /// Draws the footer on the first row of `area`.
    public func render(in area: Rect, on canvas: inout Canvas, theme: Theme, glyphs: GlyphSet) {
        let area = area.intersection(canvas.bounds)
        guard !area.isEmpty else { return }
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        canvas.fill(row, role: .text, theme: theme)
        var x = row.x + 1
        if let note = line.note, !note.isEmpty {
            let mark = String(glyphs.marks.mark(line.noteLevel))
            x = canvas.write(mark + " ", at: Point(x: x, y: row.y), role: line.noteLevel.role, theme: theme, clip: row)
            let shown = glyphs.shown(note)
            let room = row.maxX - 1 - x
            let text = DisplayWidth.of(shown) <= room ? shown : DisplayWidth.truncate(shown, to: room, ellipsis: glyphs.shown("…"))
            let role: ThemeRole = line.noteLevel == .info ? .text : line.noteLevel.role
            x = canvas.write(text, at: Point(x: x, y: row.y), role: role, theme: theme, clip: row)
            x += DisplayWidth.of(Self.gap)
        }
        for hint in line.hints {
            let keys = glyphs.shown(hint.keys)
            let label = glyphs.shown(hint.label)
            let width = DisplayWidth.of(keys) + 1 + DisplayWidth.of(label)
            guard x + width <= row.maxX - 1 else { break }
            x = canvas.write(keys, at: Point(x: x, y: row.y), role: .title, theme: theme, clip: row)
            x = canvas.write(" " + label, at: Point(x: x, y: row.y), role: .dim, theme: theme, clip: row)
            x += DisplayWidth.of(Self.gap)
        }
    }
}
