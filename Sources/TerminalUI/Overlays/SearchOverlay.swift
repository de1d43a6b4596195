/// The symbol search: the query being typed, and the gateway's matches with the selected one
/// marked, in a centred box.
public struct SearchOverlay: Hashable, Sendable {
    /// What the box shows.
    public var view: SearchView

    /// Creates the overlay.
    public init(view: SearchView) {
        self.view = view
    }

    /// Draws the box in `area`.
    public func render(in area: Rect, on canvas: inout Canvas, theme: Theme, glyphs: GlyphSet) {
        let width = min(area.width, 76)
        let shown = min(view.results.count, max(1, area.height - 7))
        let box = OverlayBox.centred(width: width, height: shown + 6, in: area)
        let inner = OverlayBox.frame("Search symbols", box: box, on: &canvas, theme: theme, glyphs: glyphs)
        guard !inner.isEmpty else { return }
        let textWidth = inner.width
        canvas.write(glyphs.shown("/ " + view.query + "_"), at: Point(x: inner.x, y: inner.y), role: .title, theme: theme, clip: inner)
        var row = inner.y + 2
        if view.results.isEmpty {
            let text = view.message ?? (view.query.isEmpty ? "Type part of a symbol or a company name." : "Searching…")
            canvas.write(DisplayWidth.truncate(glyphs.shown(text), to: textWidth, ellipsis: glyphs.ellipsis),
                         at: Point(x: inner.x, y: row), role: .dim, theme: theme, clip: inner)
        } else {
            let first = max(0, min(view.selected - shown + 1, view.results.count - shown))
            for index in first..<min(view.results.count, first + shown) {
                let selected = index == view.selected
                let mark = selected ? String(glyphs.selectionMark) + " " : "  "
                let text = DisplayWidth.truncate(glyphs.shown(mark + view.results[index]), to: textWidth, ellipsis: glyphs.ellipsis)
                canvas.write(text, at: Point(x: inner.x, y: row), role: selected ? .selection : .text, theme: theme, clip: inner)
                row += 1
            }
        }
        let keys = view.isCurrent ? "↑↓ choose   Enter add   Esc close" : "↑↓ choose   Enter add   Esc close   (asking…)"
        canvas.write(glyphs.shown(keys), at: Point(x: inner.x, y: inner.maxY - 1), role: .dim, theme: theme, clip: inner)
    }
}

/// What the search box shows.
public struct SearchView: Hashable, Sendable {
    /// The query as typed.
    public var query: String
    /// The matches, one line each (`AAPL  STK  NASDAQ  USD  APPLE INC`).
    public var results: [String]
    /// The selected match.
    public var selected: Int
    /// Why there are no matches, if the gateway said.
    public var message: String?
    /// Whether the matches answer what is typed now.
    public var isCurrent: Bool

    /// Creates the view.
    public init(query: String, results: [String] = [], selected: Int = 0, message: String? = nil, isCurrent: Bool = true) {
        self.query = query
        self.results = results
        self.selected = selected
        self.message = message
        self.isCurrent = isCurrent
    }
}
