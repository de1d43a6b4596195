import Testing
import TerminalUI

@Suite struct CellTests {
    @Test func keepsEveryGraphemeExactly() {
        let graphemes: [Character] = [
            "a", " ", "─", "┼", "語", "é", "e\u{301}", "👍", "👍🏽", "👨‍👩‍👧‍👦", "🇯🇵", "\r\n", "❤️", "\u{10FFFF}",
        ]
        for grapheme in graphemes {
            let cell = Cell(grapheme)
            #expect(cell.character == grapheme)
            #expect(Array(cell.character.unicodeScalars) == Array(grapheme.unicodeScalars))
        }
        var cell = Cell("x")
        cell.character = "👨‍👩‍👧‍👦"
        #expect(Array(cell.character.unicodeScalars) == Array(Character("👨‍👩‍👧‍👦").unicodeScalars))
        cell.character = "y"
        #expect(cell.character == "y")
    }

    @Test func comparesGraphemesAsCharactersDo() {
        // Canonically equivalent spellings compare equal, as `Character` does, and hash alike.
        let precomposed = Cell("\u{E9}", style: Style(bold: true), role: .text)
        let combining = Cell("e\u{301}", style: Style(bold: true), role: .text)
        #expect(precomposed == combining)
        #expect(precomposed.hashValue == combining.hashValue)
        #expect(Cell("\u{212B}") == Cell("\u{C5}"))
        #expect(Cell("a") != Cell("b"))
        #expect(Cell("👍") != Cell("👍🏽"))
        #expect(Cell("a") != Cell("a", style: Style(underline: true)))
        #expect(Cell("a") != Cell("a", role: .dim))
        #expect(Cell("語", width: 2) != Cell("語", width: 1))
        #expect(Cell(scalar: "q", role: .text) == Cell("q", role: .text))
    }

    @Test func drawsSeveralScalarGraphemesThroughTheCanvas() {
        var canvas = Canvas(size: Size(width: 6, height: 1))
        canvas.write("👨‍👩‍👧‍👦e\u{301}x", at: .zero)
        #expect(canvas[0, 0].character == "👨‍👩‍👧‍👦")
        #expect(canvas[0, 0].width == 2)
        #expect(canvas[1, 0].isContinuation)
        #expect(Array(canvas[2, 0].character.unicodeScalars) == ["e", "\u{301}"])
        #expect(canvas.lines == ["👨‍👩‍👧‍👦e\u{301}x  "])
    }
}
