extension Canvas {
    /// Writes `text` in `theme`'s style for `role`, recording the role for role dumps.
    /// Returns the column after the text as far as it was laid out (see `write(_:at:style:role:clip:)`).
    @discardableResult
    public mutating func write(_ text: String, at point: Point, role: ThemeRole, theme: Theme, clip: Rect? = nil) -> Int {
        write(text, at: point, style: theme[role], role: role, clip: clip)
    }

    /// Fills `rect` with spaces in `theme`'s style for `role`.
    public mutating func fill(_ rect: Rect, role: ThemeRole, theme: Theme) {
        fill(rect, style: theme[role], role: role)
    }
}
