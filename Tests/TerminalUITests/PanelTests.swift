import Testing
import TerminalUI

@Suite struct PanelTests {
    @Test func rendersPanelTitleWithFocus() {
        var canvas = sentinelCanvas(width: 22, height: 4)
        let inner = Panel(title: "Watchlist", isFocused: true, glyphs: .ascii)
            .render(in: Rect(x: 1, y: 0, width: 20, height: 3), on: &canvas, theme: .builtinDefault)
        #expect(canvas.lines == [
            "x#=[Watchlist]======#x",
            "x|                  |x",
            "x#==================#x",
            "xxxxxxxxxxxxxxxxxxxxxx",
        ])
        #expect(canvas.roleLines[0] == ".ff" + String(repeating: "T", count: 11) + String(repeating: "f", count: 7) + ".")
        #expect(canvas.roleLines[1] == ".f" + String(repeating: "t", count: 18) + "f.")
        #expect(inner == Rect(x: 2, y: 1, width: 18, height: 1))
    }

    @Test func rendersAnUnfocusedPanelWithRoundedCorners() {
        var canvas = sentinelCanvas(width: 20, height: 3)
        Panel(title: "Watchlist").render(in: canvas.bounds, on: &canvas, theme: .builtinDefault)
        #expect(canvas.lines == [
            "╭─ Watchlist ──────╮",
            "│                  │",
            "╰──────────────────╯",
        ])
        #expect(canvas.roleLines[0] == "bb" + String(repeating: "T", count: 11) + String(repeating: "b", count: 7))
    }

    @Test func truncatesALongTitleWithAnEllipsis() {
        var canvas = sentinelCanvas(width: 12, height: 3)
        Panel(title: "Positions and P&L", isFocused: true)
            .render(in: canvas.bounds, on: &canvas, theme: .builtinDefault)
        #expect(canvas.lines[0] == "┏━[Positi…━┓")
    }

    @Test(arguments: [0, 1, 2, 3])
    func neverTrapsInTinyAreas(_ side: Int) {
        var canvas = sentinelCanvas(width: side, height: side)
        let inner = Panel(title: "Orders", isFocused: true)
            .render(in: canvas.bounds, on: &canvas, theme: .builtinDefault)
        #expect(inner.width == max(0, side - 2))
        #expect(canvas.lines.allSatisfy { !$0.contains("x") })
    }
}
