/// A yes/no question in a centred box, with the keys that answer it.
public struct ConfirmationOverlay: Hashable, Sendable {
    /// The question.
    public var confirmation: ConfirmationPrompt

    /// Creates the overlay.
    public init(confirmation: ConfirmationPrompt) {
        self.confirmation = confirmation
    }

    /// Draws the overlay centred in `area`.
    public func render(in area: Rect, on canvas: inout Canvas, theme: Theme, glyphs: GlyphSet) {
        let width = min(area.width, 60)
        let textWidth = max(1, width - 4)
        var lines: [(String, ThemeRole)] = WordWrap.lines(glyphs.shown(confirmation.question), width: textWidth)
            .map { ($0, .title) }
        lines += confirmation.details.map { (DisplayWidth.truncate(glyphs.shown($0), to: textWidth, ellipsis: glyphs.ellipsis), .text) }
        let keys = "\(confirmation.confirmKey) yes   \(confirmation.cancelKey) no"
        let box = OverlayBox.centred(width: width, height: lines.count + 4, in: area)
        let inner = OverlayBox.frame(confirmation.title, box: box, on: &canvas, theme: theme, glyphs: glyphs)
        guard !inner.isEmpty else { return }
        for (row, line) in lines.enumerated() where row < inner.height - 2 {
            canvas.write(line.0, at: Point(x: inner.x, y: inner.y + row), role: line.1, theme: theme, clip: inner)
        }
        let keysRole: ThemeRole = confirmation.isDestructive ? .error : .header
        canvas.write(glyphs.shown(keys), at: Point(x: inner.x, y: inner.maxY - 1), role: keysRole, theme: theme, clip: inner)
    }
}
