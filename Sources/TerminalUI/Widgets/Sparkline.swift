/// A one-row chart of the most recent values, one cell per value, scaled between the shown
/// values' minimum and maximum (block elements, or ASCII `_.-~=+*#` with `--ascii`).
public struct Sparkline: Hashable, Sendable {
    /// The series, oldest first; only the last `width` values are drawn.
    public var values: [Double]
    /// The role to draw in.
    public var role: ThemeRole
    /// The glyphs, whose `sparkLevels` give the bar heights.
    public var glyphs: GlyphSet

    /// Creates a sparkline.
    public init(values: [Double], role: ThemeRole = .text, glyphs: GlyphSet = .unicode) {
        self.values = values
        self.role = role
        self.glyphs = glyphs
    }

    /// `values` reduced to at most `count` (evenly spaced groups, each its last value), so a
    /// whole session fits a few cells; fewer values are returned as they are.
    public static func sampled(_ values: [Double], to count: Int) -> [Double] {
        guard count > 0 else { return [] }
        guard values.count > count else { return values }
        return (1...count).map { cell in values[cell * values.count / count - 1] }
    }

    /// The level glyph for each of the last `width` values (non-finite values become gaps).
    /// A flat series sits on the middle level.
    public func glyphs(width: Int) -> [Character] {
        let levels = glyphs.sparkLevels
        guard width > 0, !levels.isEmpty else { return [] }
        let shown = values.suffix(width)
        let finite = shown.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return shown.map { _ in " " } }
        return shown.map { value in
            guard value.isFinite else { return " " }
            guard high > low else { return levels[(levels.count - 1) / 2] }
            let fraction = (value - low) / (high - low)
            let index = Int((fraction * Double(levels.count - 1)).rounded())
            return levels[min(levels.count - 1, max(0, index))]
        }
    }

    /// The glyphs of `glyphs(width:)` as one string, right-aligned in `width` cells (spaces
    /// before a series shorter than the width): built in one pass into one string, for a table
    /// cell drawn on every change of its row.
    public func text(width: Int) -> String {
        let levels = glyphs.sparkLevels
        guard width > 0, !levels.isEmpty else { return "" }
        let shown = values.suffix(width)
        var low = Double.infinity, high = -Double.infinity
        for value in shown where value.isFinite {
            low = min(low, value)
            high = max(high, value)
        }
        var text = String(repeating: " ", count: width - shown.count)
        text.reserveCapacity(width * 3)
        for value in shown {
            guard value.isFinite, low <= high else {
                text.append(" ")
                continue
            }
            guard high > low else {
                text.append(levels[(levels.count - 1) / 2])
                continue
            }
            let index = Int(((value - low) / (high - low) * Double(levels.count - 1)).rounded())
            text.append(levels[min(levels.count - 1, max(0, index))])
        }
        return text
    }

    /// Draws the sparkline on the first row of `area`, right-aligned so the newest value sits
    /// at the right edge.
    public func render(in area: Rect, on canvas: inout Canvas, theme: Theme) {
        let area = area.intersection(canvas.bounds)
        guard !area.isEmpty else { return }
        let bars = glyphs(width: area.width)
        let x = area.maxX - bars.count
        canvas.write(String(bars), at: Point(x: x, y: area.y), style: theme[role], role: role, clip: area)
    }
}
