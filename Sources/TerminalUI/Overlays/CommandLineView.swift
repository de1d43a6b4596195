/// The `:` command line on one row: the prompt, the text with the cursor cell drawn reversed
/// (the selection role), and a message from the last command right-aligned when it fits.
/// Long text scrolls so the cursor stays visible.
public struct CommandLineView: Hashable, Sendable {
    /// The text typed after the prompt.
    public var text: String
    /// The cursor, a character index into `text` (clamped).
    public var cursor: Int
    /// A message from the last command (an error or a hint).
    public var message: String?
    /// The prompt before the text: `:` for commands, `add symbol: ` for the add-symbol prompt.
    public var prompt: String

    /// Creates the view.
    public init(text: String, cursor: Int, message: String? = nil, prompt: String = ":") {
        self.text = text
        self.cursor = cursor
        self.message = message
        self.prompt = prompt
    }

    /// Draws the command line on the first row of `area`.
    public func render(in area: Rect, on canvas: inout Canvas, theme: Theme, glyphs: GlyphSet) {
        let area = area.intersection(canvas.bounds)
        guard !area.isEmpty else { return }
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        canvas.fill(row, role: .text, theme: theme)
        var x = canvas.write(glyphs.shown(prompt), at: row.origin, role: .title, theme: theme, clip: row)
        var characters = Array(glyphs.shown(text))
        let position = min(max(0, cursor), characters.count)
        var cursorIndex = position
        let room = row.maxX - x
        if room > 0, cursorIndex >= room {
            let drop = cursorIndex - room + 1
            characters.removeFirst(min(drop, characters.count))
            cursorIndex -= drop
        }
        for (index, character) in characters.enumerated() where x < row.maxX {
            let role: ThemeRole = index == cursorIndex ? .selection : .text
            var style = theme[role]
            if index == cursorIndex { style.reverse = true }
            x = canvas.write(String(character), at: Point(x: x, y: row.y), style: style, role: role, clip: row)
        }
        if cursorIndex >= characters.count, x < row.maxX {
            var style = theme[.selection]
            style.reverse = true
            x = canvas.write(" ", at: Point(x: x, y: row.y), style: style, role: .selection, clip: row)
        }
        if let message, !message.isEmpty {
            let shown = glyphs.shown(message)
            let width = DisplayWidth.of(shown)
            if x + 2 + width <= row.maxX {
                canvas.write(shown, at: Point(x: row.maxX - width, y: row.y), role: .warning, theme: theme, clip: row)
            }
        }
    }
}
