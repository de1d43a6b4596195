/// A bordered pane with a title. Focus shows three ways, so it survives monochrome and ASCII:
/// the focus-border role, the focus glyphs (heavy lines or `#=`), and a bracketed title.
public struct Panel: Hashable, Sendable {
    /// The title drawn into the top border (truncated to fit).
    public var title: String
    /// Whether this pane has keyboard focus.
    public var isFocused: Bool
    /// The glyphs to draw with.
    public var glyphs: GlyphSet

    /// Creates a panel.
    public init(title: String, isFocused: Bool = false, glyphs: GlyphSet = .unicode) {
        self.title = title
        self.isFocused = isFocused
        self.glyphs = glyphs
    }

    /// The area inside the border of a panel drawn in `area`.
    public static func innerArea(of area: Rect) -> Rect {
        area.inset(by: 1)
    }

    /// Clears `area`, draws the border and title, and returns the inner area for content.
    @discardableResult
    public func render(in area: Rect, on canvas: inout Canvas, theme: Theme) -> Rect {
        let area = area.intersection(canvas.bounds)
        guard !area.isEmpty else { return Rect(origin: area.origin, size: .zero) }
        canvas.fill(area, style: theme[.text], role: .text)
        let borderRole: ThemeRole = isFocused ? .focusBorder : .border
        canvas.drawBox(area, glyphs: isFocused ? glyphs.focusBox : glyphs.box, style: theme[borderRole], role: borderRole)
        let label = isFocused ? "[\(title)]" : " \(title) "
        let room = area.width - 4
        if !title.isEmpty, room > 0 {
            let shown = DisplayWidth.truncate(label, to: room, ellipsis: glyphs.ellipsis)
            canvas.write(shown, at: Point(x: area.x + 2, y: area.y), style: theme[.title], role: .title, clip: area)
        }
        return Panel.innerArea(of: area)
    }
}
