import Testing
import TerminalUI

@Suite struct CanvasDiffTests {
    @Test func reportsNothingForIdenticalCanvases() {
        var canvas = Canvas(size: Size(width: 10, height: 3))
        canvas.write("AAPL 231.20", at: .zero)
        #expect(CanvasDiff(from: canvas, to: canvas).isEmpty)
    }

    @Test func groupsAdjacentChangesIntoRunsPerRow() {
        var old = Canvas(size: Size(width: 10, height: 2))
        old.write("AAPL 231.20", at: .zero)
        var new = old
        new.write("35", at: Point(x: 8, y: 0))
        new.write("Z", at: Point(x: 0, y: 1))
        new.write("Z", at: Point(x: 3, y: 1))
        let diff = CanvasDiff(from: old, to: new)
        #expect(!diff.isFullRedraw)
        #expect(diff.runs.map(\.origin) == [Point(x: 8, y: 0), Point(x: 0, y: 1), Point(x: 3, y: 1)])
        #expect(diff.runs.map(\.text) == ["35", "Z", "Z"])
        #expect(diff.cellCount == 4)
    }

    @Test func treatsAStyleOnlyChangeAsAChange() {
        var old = Canvas(size: Size(width: 3, height: 1))
        old.write("abc", at: .zero)
        var new = old
        new.restyle(Rect(x: 1, y: 0, width: 1, height: 1), style: Style(foreground: .named(.red)))
        #expect(CanvasDiff(from: old, to: new).runs == [CanvasDiff.Run(origin: Point(x: 1, y: 0), cells: [new[1, 0]])])
    }

    @Test func includesBothHalvesOfAChangedWideCharacter() {
        var old = Canvas(size: Size(width: 6, height: 1))
        old.write("ab株cd", at: .zero)
        var new = old
        new.write("式", at: Point(x: 2, y: 0))
        let diff = CanvasDiff(from: old, to: new)
        #expect(diff.runs.count == 1)
        #expect(diff.runs[0].origin == Point(x: 2, y: 0))
        #expect(diff.runs[0].cells.count == 2)
        #expect(diff.runs[0].text == "式")
    }

    @Test func pullsTheLeadingCellInWhenAWideCharacterIsReplacedByNarrowOnes() {
        var old = Canvas(size: Size(width: 4, height: 1))
        old.write("株", at: Point(x: 1, y: 0))
        var new = Canvas(size: Size(width: 4, height: 1))
        new.write("x", at: Point(x: 2, y: 0))
        let diff = CanvasDiff(from: old, to: new)
        #expect(diff.runs == [CanvasDiff.Run(origin: Point(x: 1, y: 0), cells: [new[1, 0], new[2, 0]])])
    }

    @Test func redrawsEverythingWithoutAnOldFrameOrAfterAResize() {
        let new = Canvas(lines: ["abc", "def"])
        let first = CanvasDiff(from: nil, to: new)
        #expect(first.isFullRedraw)
        #expect(first.runs.map(\.text) == ["abc", "def"])
        let resized = CanvasDiff(from: Canvas(size: Size(width: 2, height: 2)), to: new)
        #expect(resized.isFullRedraw)
        #expect(resized.cellCount == 6)
        #expect(CanvasDiff(from: nil, to: Canvas(size: .zero)).runs.isEmpty)
    }
}
