import Testing
import TerminalUI

@Suite struct StatusBarTests {
    let segments = [
        StatusSegment("127.0.0.1:4002"),
        StatusSegment("DU123456"),
        StatusSegment("PAPER", role: .paper, edge: .right),
        StatusSegment("12:00:00", edge: .right),
    ]

    @Test func packsLeftAndRightSegmentsWithSeparators() {
        var canvas = sentinelCanvas(width: 50, height: 1)
        StatusBar(segments: segments).render(in: canvas.bounds, on: &canvas, theme: .builtinDefault)
        #expect(canvas.lines == ["127.0.0.1:4002 │ DU123456         12:00:00 │ PAPER"])
        #expect(canvas.roleLines == [String(repeating: "_", count: 45) + "PPPPP"])
    }

    @Test func dropsRightSegmentsThatWouldOverlapTheLeftOnes() {
        var canvas = sentinelCanvas(width: 32, height: 1)
        StatusBar(segments: segments, glyphs: .ascii).render(in: canvas.bounds, on: &canvas, theme: .builtinDefault)
        #expect(canvas.lines == ["127.0.0.1:4002 | DU123456  PAPER"])
    }

    @Test func truncatesTheLeftSegmentThatRunsOutOfRoom() {
        var canvas = sentinelCanvas(width: 10, height: 1)
        StatusBar(segments: segments).render(in: canvas.bounds, on: &canvas, theme: .builtinDefault)
        #expect(canvas.lines == ["127.0.0.1…"])
    }
}
