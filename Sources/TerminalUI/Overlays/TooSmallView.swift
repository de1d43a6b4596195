/// The screen shown when the terminal is below the compact layout's minimum: what is needed
/// and what there is, centred, with the account badge on the last row so PAPER or LIVE stays
/// visible at any size.
public struct TooSmallView: Hashable, Sendable {
    /// The size needed.
    public var minimum: Size
    /// The account badge.
    public var accountKind: StatusBarModel.AccountKind

    /// Creates the view.
    public init(minimum: Size, accountKind: StatusBarModel.AccountKind) {
        self.minimum = minimum
        self.accountKind = accountKind
    }

    /// The message lines for `size`: one line when it fits, else two, else shorter forms.
    static func lines(minimum: Size, size: Size) -> [String] {
        let need = "need \(minimum), have \(size)"
        let whole = "terminal too small (\(need))"
        if DisplayWidth.of(whole) <= size.width { return [whole] }
        if size.height >= 2 { return ["terminal too small", need] }
        return ["too small: \(size)"]
    }

    /// Draws the screen over all of `canvas`.
    public func render(on canvas: inout Canvas, theme: Theme, glyphs: GlyphSet) {
        let area = canvas.bounds
        guard !area.isEmpty else { return }
        canvas.fill(area, role: .text, theme: theme)
        let badgeRows = area.height >= 3 ? 1 : 0
        let text = Self.lines(minimum: minimum, size: area.size)
        let top = area.y + max(0, (area.height - badgeRows - text.count) / 2)
        for (index, line) in text.enumerated() {
            let shown = DisplayWidth.truncate(line, to: area.width, ellipsis: glyphs.ellipsis)
            let x = area.x + max(0, (area.width - DisplayWidth.of(shown)) / 2)
            canvas.write(shown, at: Point(x: x, y: top + index), role: .warning, theme: theme)
        }
        if badgeRows == 1 {
            canvas.write(accountKind.badge, at: Point(x: area.x, y: area.maxY - 1), role: accountKind.role, theme: theme)
        }
    }
}
