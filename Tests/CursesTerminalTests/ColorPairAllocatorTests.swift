import CursesTerminal
import Testing

@Suite struct ColorPairAllocatorTests {
    @Test func reusesPairsAndNumbersNewOnesFromOne() {
        var pairs = ColorPairAllocator(colorPairs: 256)
        #expect(pairs.pair(foreground: 1, background: -1) == .new(1))
        #expect(pairs.pair(foreground: 2, background: 0) == .new(2))
        #expect(pairs.pair(foreground: 1, background: -1) == .existing(1))
        #expect(pairs.count == 2)
    }

    @Test func usesPairZeroForTheTerminalDefaults() {
        var pairs = ColorPairAllocator(colorPairs: 64)
        #expect(pairs.pair(foreground: -1, background: -1) == .existing(0))
        #expect(pairs.count == 0)
    }

    @Test func reportsExhaustionAndFallsBackToPairZero() {
        var pairs = ColorPairAllocator(colorPairs: 3)
        #expect(pairs.capacity == 2)
        _ = pairs.pair(foreground: 1, background: -1)
        _ = pairs.pair(foreground: 2, background: -1)
        let third = pairs.pair(foreground: 3, background: -1)
        #expect(third == .exhausted)
        #expect(third.pair == 0)
        #expect(pairs.pair(foreground: 2, background: -1) == .existing(2))
        pairs.reset()
        #expect(pairs.pair(foreground: 3, background: -1) == .new(1))
    }

    @Test func capsPairNumbersAtShortRange() {
        #expect(ColorPairAllocator(colorPairs: 65536).capacity == 32767)
        #expect(ColorPairAllocator(colorPairs: 0).capacity == 0)
    }
}
