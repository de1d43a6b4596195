import CNcurses
import CursesTerminal
import Testing
import TerminalUI

@Suite struct CursesColorMappingTests {
    @Test func mapsColorsToPaletteNumbersAt256Colors() {
        let mapping = CursesColorMapping(depth: .indexed256)
        #expect(mapping.number(for: .default) == -1)
        #expect(mapping.number(for: .named(.brightRed)) == 9)
        #expect(mapping.number(for: .indexed(208)) == 208)
        #expect(mapping.number(for: .rgb(255, 0, 0)) == 196)
    }

    @Test func treatsTrueColorAs256ForColorPairs() {
        #expect(CursesColorMapping(depth: .trueColor).depth == .indexed256)
        #expect(CursesColorMapping(depth: .trueColor).number(for: .rgb(0, 0, 0)) == 16)
    }

    @Test func degradesTo8ColorsAndToMonochrome() {
        let eight = CursesColorMapping(depth: .ansi8)
        #expect(eight.number(for: .indexed(196)) == 1)
        #expect(eight.number(for: .named(.brightGreen)) == 2)
        let mono = CursesColorMapping(depth: .monochrome)
        #expect(mono.numbers(for: Style(foreground: .named(.red), background: .indexed(24))) == (-1, -1))
    }

    @Test func usesWhiteOnBlackWithoutDefaultColorSupport() {
        let mapping = CursesColorMapping(depth: .ansi8, hasDefaultColors: false)
        #expect(mapping.numbers(for: .plain) == (7, 0))
    }

    @Test func mapsTextAttributesToCursesBits() {
        #expect(CursesAttributes.bits(for: .plain) == ibt_a_normal())
        let bits = CursesAttributes.bits(for: Style(bold: true, reverse: true))
        #expect(bits & ibt_a_bold() != 0)
        #expect(bits & ibt_a_reverse() != 0)
        #expect(bits & ibt_a_underline() == 0)
        #expect(CursesAttributes.bits(for: Style(underline: true, dim: true)) == ibt_a_underline() | ibt_a_dim())
    }
}
