/// Breaks text into lines of at most a given display width, at spaces where possible.
enum WordWrap {
    /// `text` wrapped to `width` columns: words are kept whole unless a single word is wider
    /// than a line, in which case it is cut. Returns no lines for a width below 1.
    static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            var word = word
            var wordWidth = DisplayWidth.of(word)
            if currentWidth > 0, currentWidth + 1 + wordWidth <= width {
                current += " " + word
                currentWidth += 1 + wordWidth
                continue
            }
            if currentWidth > 0 { lines.append(current) }
            while wordWidth > width {
                let head = DisplayWidth.prefix(of: word, fitting: width)
                guard !head.text.isEmpty else { return lines }
                lines.append(head.text)
                word = String(word.dropFirst(head.text.count))
                wordWidth = DisplayWidth.of(word)
            }
            current = word
            currentWidth = wordWidth
        }
        if currentWidth > 0 { lines.append(current) }
        return lines
    }
}
