import Testing
import Vocabulary

@Suite struct SeededGeneratorTests {
    @Test func matchesTheReferenceOutputForSeedZero() {
        var generator = SeededGenerator(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test func isReproducible() {
        var a = SeededGenerator(seed: 123)
        var b = SeededGenerator(seed: 123)
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        #expect(Set(first).count == 5)
    }

    /// The sequences the seeded tests and scenarios were written against (the three copies this
    /// type replaced gave exactly these values).
    @Test func keepsTheSequencesSeededTestsDependOn() {
        var seven = SeededGenerator(seed: 7)
        var fortyTwo = SeededGenerator(seed: 42)
        #expect((0..<3).map { _ in seven.next() } == Self.seven)
        #expect((0..<3).map { _ in fortyTwo.next() } == Self.fortyTwo)
    }

    static let seven: [UInt64] = [0x63CB_E1E4_5932_0DD7, 0x044C_3CD7_F43C_661C, 0xE698_4080_BAB1_2A02]
    static let fortyTwo: [UInt64] = [0xBDD7_3226_2FEB_6E95, 0x28EF_E333_B266_F103, 0x4752_6757_130F_9F52]
}
