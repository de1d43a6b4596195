/// A price chart several rows tall: the values resampled to one per column, each drawn as a
/// column of full blocks topped by a partial one (`▁`…`█`, or `#` and the ASCII levels), between
/// the lowest and highest value.
public struct BlockChart: Hashable, Sendable {
    /// The values, oldest first.
    public var values: [Double]

    /// Creates a chart.
    public init(values: [Double]) {
        self.values = values
    }

    /// The chart's rows, top first, each `width` characters (`height` rows), with the lowest and
    /// highest value it spans; `nil` without values.
    public func rows(width: Int, height: Int, glyphs: GlyphSet) -> (rows: [String], low: Double, high: Double)? {
        let finite = values.filter(\.isFinite)
        guard width > 0, height > 0, !finite.isEmpty, let low = finite.min(), let high = finite.max() else { return nil }
        let levels = glyphs.sparkLevels
        let full = levels[levels.count - 1]
        // One value per column across the whole width: the last value of each slice (a close),
        // so the right edge is now; fewer values than columns are stretched.
        let columns = (0..<width).map { column -> Double in
            let end = (column + 1) * finite.count / width
            return finite[min(finite.count - 1, max(0, end - 1))]
        }
        let steps = Double(height * levels.count)
        var rows = [String](repeating: "", count: height)
        for value in columns {
            let fraction = high > low ? (value - low) / (high - low) : 0.5
            // At least one step, so the lowest value still shows.
            let filled = max(1, Int((fraction * (steps - 1)).rounded()) + 1)
            for row in 0..<height {
                let fromBottom = height - 1 - row
                let below = fromBottom * levels.count
                if filled >= below + levels.count {
                    rows[row].append(full)
                } else if filled > below {
                    rows[row].append(levels[filled - below - 1])
                } else {
                    rows[row].append(" ")
                }
            }
        }
        return (rows, low, high)
    }
}
