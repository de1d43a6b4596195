/// Where a centred overlay box goes, and its frame.
enum OverlayBox {
    /// A `width` x `height` box centred in `area`, shrunk to fit it.
    static func centred(width: Int, height: Int, in area: Rect) -> Rect {
        let w = min(max(0, width), area.width)
        let h = min(max(0, height), area.height)
        return Rect(x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h)
    }

    /// Draws a focused frame titled `title` over whatever is under `box` and returns the inner
    /// area with one column of padding each side.
    static func frame(_ title: String, box: Rect, on canvas: inout Canvas, theme: Theme, glyphs: GlyphSet) -> Rect {
        Panel(title: glyphs.shown(title), isFocused: true, glyphs: glyphs)
            .render(in: box, on: &canvas, theme: theme)
            .inset(left: 1, right: 1)
    }
}
