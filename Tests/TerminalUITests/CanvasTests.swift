import Testing
import TerminalUI

@Suite struct CanvasTests {
    @Test func writesTextClippedToTheCanvasAndTheClipRect() {
        var canvas = Canvas(size: Size(width: 8, height: 2))
        let end = canvas.write("HELLO WORLD", at: Point(x: 2, y: 0))
        #expect(end == 8)
        canvas.write("abcdef", at: Point(x: 0, y: 1), clip: Rect(x: 1, y: 1, width: 3, height: 1))
        #expect(canvas.lines == ["  HELLO ", " bcd    "])
    }

    @Test func writesNothingOnARowOutsideTheClip() {
        var canvas = Canvas(size: Size(width: 4, height: 2))
        canvas.write("xx", at: Point(x: 0, y: 1), clip: Rect(x: 0, y: 0, width: 4, height: 1))
        canvas.write("yy", at: Point(x: 0, y: -1))
        canvas.write("zz", at: Point(x: -1, y: 0))
        #expect(canvas.lines == ["z   ", "    "])
    }

    @Test func storesWideCharactersAsALeadingCellAndAContinuation() {
        var canvas = Canvas(size: Size(width: 5, height: 1))
        canvas.write("a株b", at: .zero, role: .text)
        #expect(canvas[1, 0].character == "株")
        #expect(canvas[1, 0].width == 2)
        #expect(canvas[2, 0].isContinuation)
        #expect(canvas[3, 0].character == "b")
        #expect(canvas.lines == ["a株b "])
        #expect(canvas.roleLines == ["tttt."])
    }

    @Test func showsAWideCharacterThatDoesNotFitAsASpace() {
        var canvas = Canvas(size: Size(width: 3, height: 1), fill: Cell("x"))
        canvas.write("ab株", at: .zero)
        #expect(canvas.lines == ["ab "])
        canvas.write("株", at: Point(x: -1, y: 0))
        #expect(canvas.lines == [" b "])
    }

    @Test func blanksTheOtherHalfWhenAWideCharacterIsPartlyOverwritten() {
        var canvas = Canvas(size: Size(width: 4, height: 1))
        canvas.write("株式", at: .zero)
        canvas.write("Z", at: Point(x: 1, y: 0))
        #expect(canvas.lines == [" Z式"])
        canvas.write("Y", at: Point(x: 2, y: 0))
        #expect(canvas.lines == [" ZY "])
        #expect(!canvas[3, 0].isContinuation)
    }

    @Test func replacesControlCharactersAndSkipsLoneCombiningMarks() {
        var canvas = Canvas(size: Size(width: 5, height: 1))
        canvas.write("\u{301}a\tb\u{301}\u{7}", at: .zero)
        #expect(canvas.lines == ["a?b́? "])
    }

    @Test func fillsAndRestylesOnlyInsideTheRectangle() {
        var canvas = Canvas(size: Size(width: 4, height: 3))
        canvas.fill(Rect(x: 1, y: 1, width: 10, height: 1), with: Cell("#", role: .border))
        canvas.restyle(Rect(x: 0, y: 2, width: 2, height: 1), style: Style(reverse: true), role: .selection)
        #expect(canvas.lines == ["    ", " ###", "    "])
        #expect(canvas.roleLines == ["....", ".bbb", "vv.."])
        #expect(canvas[0, 2].style.reverse)
    }

    @Test func fillingOverHalfAWideCharacterBlanksItsOtherHalf() {
        var canvas = Canvas(size: Size(width: 8, height: 2))
        canvas.write("漢ab字", at: .zero)
        canvas.write("字xy漢", at: Point(x: 0, y: 1))
        // Row 0: the fill starts on 漢's right half and ends on 字's left half.
        canvas.fill(Rect(x: 1, y: 0, width: 4, height: 1), with: Cell("#"))
        // Row 1: the fill covers 字 whole and stops before 漢.
        canvas.fill(Rect(x: 0, y: 1, width: 4, height: 1), with: Cell("-"))
        #expect(canvas.lines == [" ####   ", "----漢  "])
        #expect(canvas[5, 0].width == 1 && canvas[0, 0].width == 1)
        #expect(canvas[4, 1].width == 2 && canvas[5, 1].isContinuation)
    }

    @Test func drawsUnicodeAndASCIIBoxes() {
        var canvas = Canvas(size: Size(width: 9, height: 3))
        canvas.drawBox(Rect(x: 0, y: 0, width: 4, height: 3), glyphs: .light)
        canvas.drawBox(Rect(x: 5, y: 0, width: 4, height: 3), glyphs: .ascii)
        #expect(canvas.lines == [
            "┌──┐ +--+",
            "│  │ |  |",
            "└──┘ +--+",
        ])
    }

    @Test func drawsDegenerateBoxesWithoutTrapping() {
        var canvas = Canvas(size: Size(width: 3, height: 3))
        canvas.drawBox(Rect(x: 0, y: 0, width: 1, height: 1), glyphs: .ascii)
        canvas.drawBox(Rect(x: 1, y: 0, width: 2, height: 1), glyphs: .ascii)
        canvas.drawBox(Rect(x: 0, y: 1, width: 1, height: 2), glyphs: .ascii)
        canvas.drawBox(Rect(x: 2, y: 2, width: 0, height: 5), glyphs: .ascii)
        #expect(canvas.lines == ["+++", "+  ", "+  "])
    }

    @Test(arguments: [Size(width: 0, height: 0), Size(width: 1, height: 1), Size(width: 0, height: 5),
                      Size(width: 5, height: 0), Size(width: 2, height: 1)])
    func neverTrapsAtTinySizes(_ size: Size) {
        var canvas = Canvas(size: size)
        canvas.write("株式会社 hello", at: Point(x: -3, y: 0))
        canvas.write("x", at: Point(x: 100, y: 100))
        canvas.fill(Rect(x: -5, y: -5, width: 50, height: 50), style: .plain, role: .text)
        canvas.drawBox(canvas.bounds, glyphs: .rounded)
        canvas.drawBox(Rect(x: -2, y: -2, width: 3, height: 3), glyphs: .heavy)
        canvas.set(Cell("株", width: 2), at: Point(x: size.width - 1, y: 0))
        canvas.restyle(canvas.bounds, style: Style(bold: true))
        #expect(canvas.lines.count == size.height)
        #expect(canvas.roleLines.allSatisfy { $0.count == size.width })
        #expect(canvas.cell(at: Point(x: size.width, y: 0)) == nil)
    }

    @Test func buildsAnExpectedCanvasFromLines() {
        let canvas = Canvas(lines: ["ab", "株c"])
        #expect(canvas.size == Size(width: 3, height: 2))
        #expect(canvas.textDump == "ab \n株c")
    }
}
