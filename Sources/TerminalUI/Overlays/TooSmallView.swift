/// The screen shown when the terminal is below the compact layout's minimum: what is needed
/// and what there is, centred, then which keys still work (only the quit keys do: nothing of
/// the dashboard is visible, so no other key may act on it), with the account badge on the
/// last row so PAPER or LIVE stays visible at any size.
public struct TooSmallView: Hashable, Sendable {
    /// The size needed.
    public var minimum: Size
    /// The account badge.
    public var accountBadge: StatusBarModel.AccountBadge
    /// The names of the keys that quit; none hides the key line.
    public var quitKeys: [String]
    /// Whether the quit question is open (orders working): a quit key again quits.
    public var isAskingToQuit: Bool

    /// Creates the view.
    public init(minimum: Size, accountBadge: StatusBarModel.AccountBadge, quitKeys: [String] = [], isAskingToQuit: Bool = false) {
        self.minimum = minimum
        self.accountBadge = accountBadge
        self.quitKeys = quitKeys
        self.isAskingToQuit = isAskingToQuit
    }

    /// The message lines for `size`: one line when it fits, else two, else shorter forms.
    static func lines(minimum: Size, size: Size) -> [String] {
        let need = "need \(minimum), have \(size)"
        let whole = "terminal too small (\(need))"
        if DisplayWidth.of(whole) <= size.width { return [whole] }
        if size.height >= 2 { return ["terminal too small", need] }
        return ["too small: \(size)"]
    }

    /// The key line: `other keys ignored; q or ctrl-c quits`, or while the quit question is
    /// open `orders working: q or ctrl-c again quits`; nil without quit keys.
    var keyLine: String? {
        guard !quitKeys.isEmpty else { return nil }
        let keys = quitKeys.joined(separator: " or ")
        return isAskingToQuit ? "orders working: \(keys) again quits" : "other keys ignored; \(keys) quits"
    }

    /// Draws the screen over all of `canvas`.
    public func render(on canvas: inout Canvas, theme: Theme, glyphs: GlyphSet) {
        let area = canvas.bounds
        guard !area.isEmpty else { return }
        canvas.fill(area, role: .text, theme: theme)
        let badgeRows = area.height >= 3 ? 1 : 0
        let rows = area.height - badgeRows
        var text = Self.lines(minimum: minimum, size: area.size).map { (line: $0, role: ThemeRole.warning) }
        if let keyLine, text.count < rows {
            let role: ThemeRole = isAskingToQuit ? .error : .dim
            if text.count + 2 <= rows { text.append(("", .text)) }
            text.append((keyLine, role))
        }
        let top = area.y + max(0, (rows - text.count) / 2)
        for (index, line) in text.enumerated() where !line.line.isEmpty {
            let shown = DisplayWidth.truncate(line.line, to: area.width, ellipsis: glyphs.ellipsis)
            let x = area.x + max(0, (area.width - DisplayWidth.of(shown)) / 2)
            canvas.write(shown, at: Point(x: x, y: top + index), role: line.role, theme: theme)
        }
        if badgeRows == 1 {
            canvas.write(accountBadge.badge, at: Point(x: area.x, y: area.maxY - 1), role: accountBadge.role, theme: theme)
        }
    }
}
