import Testing
@testable import TerminalUI

/// Issue #14 item 2: the braille line chart.
@Suite struct BrailleChartTests {
    @Test func aRisingLineGoesFromTheBottomLeftDotToTheTopRightDot() throws {
        let chart = try #require(BrailleChart(values: [1, 2, 3, 4]).rows(width: 2, height: 1))
        #expect(chart.low == 1 && chart.high == 4)
        // Four dot columns, four dot rows: one point per column, bottom to top, joined.
        let cells = chart.rows[0].unicodeScalars.map { $0.value - 0x2800 }
        #expect(cells.count == 2)
        // Left cell: column 0 at the bottom (0x40), column 1 one up and joined (0x04 and 0x40 from the run… see below).
        #expect(cells[0] & 0x40 != 0, "the first point is the lowest dot of the left column")
        #expect(cells[1] & 0x08 != 0, "the last point is the top dot of the right column")
    }

    @Test func aFlatLineSitsInTheMiddleAndEveryCellIsBraille() throws {
        let chart = try #require(BrailleChart(values: [5, 5, 5]).rows(width: 6, height: 2))
        #expect(chart.rows.count == 2)
        for row in chart.rows {
            #expect(row.unicodeScalars.count == 6)
            #expect(row.unicodeScalars.allSatisfy { (0x2800...0x28FF).contains($0.value) })
        }
        // Every column has exactly one dot: no gaps, no runs.
        let dots = chart.rows.flatMap { $0.unicodeScalars.map { ($0.value - 0x2800).nonzeroBitCount } }.reduce(0, +)
        #expect(dots == 12)
    }

    @Test func aJumpIsJoinedByAVerticalRun() throws {
        let chart = try #require(BrailleChart(values: [0, 0, 10, 10]).rows(width: 2, height: 2))
        // 8 dot rows; the jump between dot columns 1 and 2 fills every row of column 2.
        let right = chart.rows.map { $0.unicodeScalars.map { $0.value - 0x2800 }[1] }
        let leftColumnOfRightCell: UInt32 = 0x01 | 0x02 | 0x04 | 0x40
        #expect(right.allSatisfy { $0 & leftColumnOfRightCell == leftColumnOfRightCell })
    }

    @Test func noValuesNoChart() {
        #expect(BrailleChart(values: []).rows(width: 4, height: 2) == nil)
        #expect(BrailleChart(values: [.nan]).rows(width: 4, height: 2) == nil)
    }
}
