import Testing
import TerminalUI

@Suite struct TableTests {
    let columns = [TableColumn("Symbol", width: 6), .numeric("Last", width: 8), .numeric("Chg%", width: 6)]
    let rows: [[TableCell]] = [
        ["AAPL", "231.20", TableCell("+1.25%", role: .up)],
        ["MICROSOFT", "415.10", TableCell("-0.40%", role: .down)],
        ["NVDA", "1210.55", "+3.10%"],
    ]

    @Test func alignsNumbersRightAndTruncatesTextWithAnEllipsis() {
        var canvas = sentinelCanvas(width: 24, height: 4)
        Table(columns: columns, rows: rows, selectedRow: 1).render(in: canvas.bounds, on: &canvas, theme: .builtinDefault)
        #expect(canvas.lines == [
            "  Symbol     Last   Chg%",
            "  AAPL     231.20 +1.25%",
            "▶ MICRO…   415.10 -0.40%",
            "  NVDA    1210.55 +3.10%",
        ])
        #expect(canvas.roleLines == [
            String(repeating: "h", count: 24),
            String(repeating: "t", count: 18) + "++++++",
            String(repeating: "v", count: 24),
            String(repeating: "t", count: 24),
        ])
    }

    @Test func cellsThatKeepTheirRoleAreNotRestyledWhenSelected() {
        var canvas = sentinelCanvas(width: 24, height: 2)
        let rows: [[TableCell]] = [["AAPL", "231.20", TableCell("stale", role: .stale, keepsRoleWhenSelected: true)]]
        Table(columns: columns, rows: rows, selectedRow: 0).render(in: canvas.bounds, on: &canvas, theme: .builtinDefault)
        #expect(canvas.roleLines[1] == String(repeating: "v", count: 19) + "sssss")
    }

    @Test func marksTheSelectionInASCII() {
        var canvas = sentinelCanvas(width: 24, height: 3)
        Table(columns: columns, rows: rows, selectedRow: 1, glyphs: .ascii)
            .render(in: canvas.bounds, on: &canvas, theme: .builtinDefault)
        #expect(canvas.lines[2] == "> MICRO~   415.10 -0.40%")
    }

    @Test func scrollsSoTheSelectedRowStaysVisible() {
        var canvas = sentinelCanvas(width: 24, height: 2)
        let table = Table(columns: columns, rows: rows, selectedRow: 2)
        table.render(in: canvas.bounds, on: &canvas, theme: .builtinDefault)
        #expect(canvas.lines[1] == "▶ NVDA    1210.55 +3.10%")
        #expect(table.firstVisibleRow(visibleRows: 2) == 1)
        #expect(table.firstVisibleRow(visibleRows: 5) == 0)
    }

    @Test func narrowsTheLastColumnThatPartlyFitsAndDropsTheRest() {
        var canvas = sentinelCanvas(width: 12, height: 2)
        Table(columns: columns, rows: rows).render(in: canvas.bounds, on: &canvas, theme: .builtinDefault)
        #expect(canvas.lines == [
            "  Symbol La…",
            "  AAPL   23…",
        ])
    }

    @Test(arguments: [Size(width: 0, height: 0), Size(width: 1, height: 1), Size(width: 3, height: 1)])
    func neverTrapsInTinyAreas(_ size: Size) {
        var canvas = sentinelCanvas(width: size.width, height: size.height)
        Table(columns: columns, rows: rows, selectedRow: 2).render(in: canvas.bounds, on: &canvas, theme: .builtinDefault)
        #expect(canvas.lines.count == size.height)
    }
}
