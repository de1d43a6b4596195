import Dashboard

/// Every non-letter glyph the UI draws, in a Unicode and an ASCII (`--ascii`) variant, so
/// widgets never hard-code box-drawing or block characters.
public struct GlyphSet: Hashable, Sendable {
    /// Outline of an unfocused pane.
    public var box: BoxGlyphs
    /// Outline of the focused pane (differs in shape too, so focus shows without colour).
    public var focusBox: BoxGlyphs
    /// Marks truncated text.
    public var ellipsis: String
    /// Sparkline levels from lowest to highest.
    public var sparkLevels: [Character]
    /// Separates status-bar segments.
    public var separator: String
    /// Marks the selected row of a table.
    public var selectionMark: Character
    /// Price went up.
    public var upArrow: Character
    /// Price went down.
    public var downArrow: Character
    /// Freshness and severity marks, the missing-value dash, and whether text must be ASCII.
    public var marks: MarkGlyphs

    /// Creates a glyph set.
    public init(
        box: BoxGlyphs, focusBox: BoxGlyphs, ellipsis: String, sparkLevels: [Character],
        separator: String, selectionMark: Character, upArrow: Character, downArrow: Character,
        marks: MarkGlyphs = .unicode
    ) {
        self.box = box
        self.focusBox = focusBox
        self.ellipsis = ellipsis
        self.sparkLevels = sparkLevels
        self.separator = separator
        self.selectionMark = selectionMark
        self.upArrow = upArrow
        self.downArrow = downArrow
        self.marks = marks
    }

    /// Unicode box drawing, block elements and arrows.
    public static let unicode = GlyphSet(
        box: .rounded, focusBox: .heavy, ellipsis: "…",
        sparkLevels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        separator: " │ ", selectionMark: "▶", upArrow: "▲", downArrow: "▼")

    /// Seven-bit ASCII only, for terminals without Unicode (`--ascii`).
    public static let ascii = GlyphSet(
        box: .ascii, focusBox: .asciiFocus, ellipsis: "~",
        sparkLevels: ["_", ".", "-", "~", "=", "+", "*", "#"],
        separator: " | ", selectionMark: ">", upArrow: "^", downArrow: "v", marks: .ascii)

    /// `text` as this glyph set may show it: unchanged for Unicode, transliterated to seven-bit
    /// ASCII when `marks.asciiOnly` (`≈` → `~`, `→` → `->`, anything unknown → `?`).
    public func shown(_ text: String) -> String {
        marks.asciiOnly ? ASCIIFallback.transliterate(text) : text
    }

    /// `.ascii` when `ascii` is true, else `.unicode`.
    public static func forASCII(_ ascii: Bool) -> GlyphSet {
        ascii ? .ascii : .unicode
    }
}
