import Testing
import TerminalUI

@Suite struct ColorTests {
    @Test(arguments: ["default", "red", "bright_blue", "208", "#ff8700", "#000000"])
    func roundTripsThemeFileSpellings(_ text: String) throws {
        let color = try #require(Color(parsing: text))
        #expect(color.description == text)
    }

    @Test func parsesAliasesAndRejectsGarbage() {
        #expect(Color(parsing: "Bright-Red") == .named(.brightRed))
        #expect(Color(parsing: "grey") == .named(.brightBlack))
        #expect(Color(parsing: "color42") == .indexed(42))
        #expect(Color(parsing: " #FFFFFF ") == .rgb(255, 255, 255))
        #expect(Color(parsing: "256") == nil)
        #expect(Color(parsing: "#12345") == nil)
        #expect(Color(parsing: "purple-ish") == nil)
    }

    @Test func degradesRGBToThe256Palette() {
        #expect(Color.rgb(255, 0, 0).degraded(to: .indexed256) == .indexed(196))
        #expect(Color.rgb(0, 0, 0).degraded(to: .indexed256) == .indexed(16))
        #expect(Color.rgb(128, 128, 128).degraded(to: .indexed256) == .indexed(244))
        #expect(Color.rgb(1, 2, 3).degraded(to: .trueColor) == .rgb(1, 2, 3))
    }

    @Test func degradesPaletteColorsTo16And8() {
        #expect(Color.indexed(196).degraded(to: .ansi16) == .named(.brightRed))
        #expect(Color.indexed(196).degraded(to: .ansi8) == .named(.red))
        #expect(Color.indexed(28).degraded(to: .ansi8) == .named(.green))
        #expect(Color.named(.brightCyan).degraded(to: .ansi8) == .named(.cyan))
        #expect(Color.rgb(255, 255, 0).degraded(to: .ansi16) == .named(.brightYellow))
    }

    @Test func dropsEveryColorOnAMonochromeTerminal() {
        for color in [Color.named(.red), .indexed(33), .rgb(9, 9, 9), .default] {
            #expect(color.degraded(to: .monochrome) == .default)
        }
    }

    @Test func keepsAttributesWhenAStyleLosesItsColors() {
        let style = Style(foreground: .indexed(196), background: .named(.blue), bold: true, underline: true)
        let mono = style.degraded(to: .monochrome)
        #expect(mono == Style(bold: true, underline: true))
    }

    @Test(arguments: [(0, false, ColorDepth.monochrome), (8, false, .ansi8), (16, false, .ansi16),
                      (88, false, .ansi16), (256, false, .indexed256), (16_777_216, false, .trueColor),
                      (256, true, .monochrome)])
    func derivesTheDepthFromTheColorCount(_ count: Int, _ noColor: Bool, _ expected: ColorDepth) {
        #expect(ColorDepth(colorCount: count, noColor: noColor) == expected)
    }
}
