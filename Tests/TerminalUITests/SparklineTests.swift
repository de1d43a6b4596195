import Testing
import TerminalUI

@Suite struct SparklineTests {
    @Test func scalesValuesBetweenTheShownMinimumAndMaximum() {
        let line = Sparkline(values: [1, 2, 3, 4, 5, 6, 7, 8])
        #expect(String(line.glyphs(width: 8)) == "▁▂▃▄▅▆▇█")
        #expect(String(line.glyphs(width: 4)) == "▁▃▆█")
    }

    @Test func fallsBackToASCIILevels() {
        let line = Sparkline(values: [1, 2, 3, 4, 5, 6, 7, 8], glyphs: .ascii)
        #expect(String(line.glyphs(width: 8)) == "_.-~=+*#")
    }

    @Test func drawsAFlatSeriesOnTheMiddleLevelAndGapsForNonFiniteValues() {
        #expect(String(Sparkline(values: [3, 3, 3]).glyphs(width: 5)) == "▄▄▄")
        #expect(String(Sparkline(values: [1, .nan, 2]).glyphs(width: 3)) == "▁ █")
        #expect(Sparkline(values: []).glyphs(width: 3).isEmpty)
    }

    @Test func rendersRightAlignedSoTheNewestValueIsAtTheEdge() {
        var canvas = sentinelCanvas(width: 6, height: 2)
        Sparkline(values: [3, 3, 3], role: .up).render(in: canvas.bounds, on: &canvas, theme: .builtinDefault)
        #expect(canvas.lines == ["xxx▄▄▄", "xxxxxx"])
        #expect(canvas.roleLines[0] == "...+++")
    }
}
