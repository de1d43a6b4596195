/// A price line drawn with braille characters: each character cell holds 2×4 dots, so a chart
/// `width` × `height` cells plots `2·width` points on `4·height` levels between the lowest and
/// highest value, consecutive points joined by a vertical run of dots so the line has no gaps.
public struct BrailleChart: Hashable, Sendable {
    /// The values, oldest first.
    public var values: [Double]

    /// Creates a chart.
    public init(values: [Double]) {
        self.values = values
    }

    /// The bit of Unicode's braille pattern (U+2800 + bits) for the dot at column `x` (0, 1) and
    /// row `y` (0 top … 3 bottom) of a cell.
    static func bit(x: Int, y: Int) -> UInt32 {
        let left: [UInt32] = [0x01, 0x02, 0x04, 0x40]
        let right: [UInt32] = [0x08, 0x10, 0x20, 0x80]
        return x == 0 ? left[y] : right[y]
    }

    /// The chart's rows, top first, each `width` characters (`height` rows), with the lowest and
    /// highest value it spans; `nil` without values.
    public func rows(width: Int, height: Int) -> (rows: [String], low: Double, high: Double)? {
        let finite = values.filter(\.isFinite)
        guard width > 0, height > 0, !finite.isEmpty, let low = finite.min(), let high = finite.max() else { return nil }
        let pointsAcross = width * 2
        let levels = height * 4
        // One value per dot column: the last value of each slice (a close), so the right edge is now.
        let points = (0..<pointsAcross).map { column -> Int in
            let end = (column + 1) * finite.count / pointsAcross
            let value = finite[min(finite.count - 1, max(0, end - 1))]
            let fraction = high > low ? (value - low) / (high - low) : 0.5
            // Dot rows count from the top.
            return levels - 1 - Int((fraction * Double(levels - 1)).rounded())
        }
        var cells = [[UInt32]](repeating: [UInt32](repeating: 0, count: width), count: height)
        for (column, y) in points.enumerated() {
            let previous = column > 0 ? points[column - 1] : y
            for dotRow in min(previous, y)...max(previous, y) {
                cells[dotRow / 4][column / 2] |= Self.bit(x: column % 2, y: dotRow % 4)
            }
        }
        let rows = cells.map { row in
            String(String.UnicodeScalarView(row.map { Unicode.Scalar(0x2800 + $0)! }))
        }
        return (rows, low, high)
    }
}
