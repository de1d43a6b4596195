import Testing
import TerminalUI

@Suite struct DisplayWidthTests {
    @Test func countsAnAllASCIIStringAsItsPrintableBytes() {
        #expect(DisplayWidth.of("a\r\nb\u{7F}c\t") == 3)
        #expect(DisplayWidth.of("") == 0)
        #expect(DisplayWidth.of("AAPL  187.25") == 12)
        #expect(DisplayWidth.of("a語") == 3)
    }

    @Test func measuresNarrowWideAndCombiningText() {
        #expect(DisplayWidth.of("AAPL") == 4)
        #expect(DisplayWidth.of("株式") == 4)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("📈") == 2)
        #expect(DisplayWidth.of("│─▲") == 3)
    }

    @Test func truncatesWithAnEllipsisOnlyWhenNeeded() {
        #expect(DisplayWidth.truncate("MICROSOFT", to: 9) == "MICROSOFT")
        #expect(DisplayWidth.truncate("MICROSOFT", to: 6) == "MICRO…")
        #expect(DisplayWidth.truncate("MICROSOFT", to: 6, ellipsis: "~") == "MICRO~")
        #expect(DisplayWidth.truncate("MICROSOFT", to: 1) == "M")
        #expect(DisplayWidth.truncate("MICROSOFT", to: 0) == "")
    }

    @Test func neverSplitsAWideCharacterWhenTruncating() {
        #expect(DisplayWidth.truncate("株式会社", to: 4) == "株…")
        #expect(DisplayWidth.prefix(of: "株式", fitting: 3).width == 2)
    }
}
