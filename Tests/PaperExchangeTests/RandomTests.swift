import Testing
@testable import PaperExchange

@Suite struct RandomTests {
    @Test func xoshiroGivesTheSameSequenceForTheSameSeed() {
        var a = Xoshiro256StarStar(seed: 42)
        var b = Xoshiro256StarStar(seed: 42)
        var c = Xoshiro256StarStar(seed: 43)
        let first = (0..<100).map { _ in a.next() }
        #expect(first == (0..<100).map { _ in b.next() })
        #expect(first != (0..<100).map { _ in c.next() })
    }

    @Test func samplingHelpersStayInTheirRanges() {
        var generator = Xoshiro256StarStar(seed: 7)
        for _ in 0..<10_000 {
            let unit = generator.nextUnitDouble()
            #expect(unit >= 0 && unit < 1)
            let normal = generator.nextStandardNormal()
            #expect(normal >= -6 && normal <= 6)
            #expect((3...9).contains(generator.nextInt(in: 3...9)))
        }
    }
}
