/// Turns text into seven-bit ASCII for `--ascii` terminals, keeping the meaning of the
/// typographic characters the dashboard's texts use.
public enum ASCIIFallback {
    /// Replacements for characters that have a readable ASCII spelling.
    static let replacements: [Character: String] = [
        "≈": "~", "→": "->", "←": "<-", "↑": "^", "↓": "v", "—": "-", "–": "-", "−": "-",
        "…": "...", "×": "x", "·": ".", "•": "*", "±": "+/-", "‘": "'", "’": "'", "“": "\"",
        "”": "\"", "€": "EUR", "£": "GBP", "¥": "JPY", "µ": "u", "\u{00A0}": " ", "≤": "<=",
        "≥": ">=", "≠": "!=", "▲": "^", "▼": "v", "✓": "ok", "└": "`-",
    ]

    /// `text` with every character outside printable ASCII replaced: by its spelling in
    /// `replacements`, else by `?`. Control characters become `?` too.
    public static func transliterate(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F {
                result.append(character)
            } else if let replacement = replacements[character] {
                result += replacement
            } else {
                result.append("?")
            }
        }
        return result
    }
}
