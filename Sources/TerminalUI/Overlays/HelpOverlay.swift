/// Every binding of a keymap with its keys and what it does, in one column or, when the area
/// is too short, in two.
public struct HelpOverlay: Hashable, Sendable {
    /// The keymap shown.
    public var keymap: Keymap

    /// Creates the overlay.
    public init(keymap: Keymap) {
        self.keymap = keymap
    }

    /// The keys no binding changes (see `DashboardKeyInput.command`).
    static let fixedKeys = "ctrl-c quit, ctrl-l redraw, ctrl-z suspend"
    /// Where bindings change.
    static let configHint = "Bindings can be changed in the [keys] table of the config file. Esc closes."

    /// Width of one entry (keys and description).
    static let entryWidth = 46

    /// The entries as text: keys (`k, up`) and description. Unbound actions say `unbound`.
    func entries(glyphs: GlyphSet) -> [(keys: String, text: String)] {
        keymap.entries.map { entry in
            (glyphs.shown(Self.keyNames(entry.keys)), glyphs.shown(entry.action.helpText))
        }
    }

    /// The keys as the overlay names them: `k, up`; a run of three or more consecutive digits
    /// as a range (`1-9`); `unbound` for none.
    static func keyNames(_ keys: [KeyEvent]) -> String {
        guard !keys.isEmpty else { return "unbound" }
        let digits = keys.compactMap { key -> Int? in
            if case let .character(character) = key { return character.wholeNumberValue }
            return nil
        }
        if digits.count == keys.count, digits.count >= 3, let first = digits.first, let last = digits.last,
           digits == Array(first...last) {
            return "\(first)-\(last)"
        }
        return keys.map(\.name).joined(separator: ", ")
    }

    /// Draws the overlay centred in `area`.
    public func render(in area: Rect, on canvas: inout Canvas, theme: Theme, glyphs: GlyphSet) {
        let items = entries(glyphs: glyphs)
        let keysWidth = min(16, (items.map { DisplayWidth.of($0.keys) }.max() ?? 0) + 2)
        let footer = 3
        let oneColumnHeight = items.count + footer + 2
        let columns = oneColumnHeight <= area.height ? 1 : 2
        let perColumn = (items.count + columns - 1) / columns
        let columnWidth = columns == 1 ? Self.entryWidth : max(0, min(Self.entryWidth, (area.width - 5) / 2))
        let box = OverlayBox.centred(width: columns * columnWidth + (columns - 1) + 4,
                                     height: perColumn + footer + 2, in: area)
        let inner = OverlayBox.frame("Keys", box: box, on: &canvas, theme: theme, glyphs: glyphs)
        guard !inner.isEmpty else { return }
        for (index, item) in items.enumerated() {
            let column = index / max(1, perColumn)
            let x = inner.x + column * (columnWidth + 1)
            let y = inner.y + index % max(1, perColumn)
            let cell = Rect(x: x, y: y, width: columnWidth, height: 1).intersection(inner)
            let keys = DisplayWidth.truncate(item.keys, to: keysWidth - 1, ellipsis: glyphs.ellipsis)
            canvas.write(keys, at: Point(x: x, y: y), role: .header, theme: theme, clip: cell)
            let text = DisplayWidth.truncate(item.text, to: max(0, columnWidth - keysWidth), ellipsis: glyphs.ellipsis)
            canvas.write(text, at: Point(x: x + keysWidth, y: y), role: .text, theme: theme, clip: cell)
        }
        let y = inner.y + perColumn + 1
        for (row, hint) in [Self.fixedKeys, Self.configHint].enumerated() {
            canvas.write(DisplayWidth.truncate(hint, to: inner.width, ellipsis: glyphs.ellipsis),
                         at: Point(x: inner.x, y: y + row), role: .dim, theme: theme, clip: inner)
        }
    }
}
