import Testing
import PaperExchange

@Suite struct FixedDecimalTests {
    @Test(arguments: ["201.94", "100", "0.00005", "-3.5", "0.25", "155.005"])
    func parsesAndPrintsTheShortestExactText(text: String) {
        #expect(FixedDecimal(text)?.description == text)
    }

    @Test(arguments: ["", ".", "1e5", "1.123456789", "abc", "1.2.3", "--1"])
    func rejectsTextThatIsNotAPlainDecimal(text: String) {
        #expect(FixedDecimal(text) == nil)
    }

    @Test func decidesTheTickGridExactly() {
        let tick = FixedDecimal("0.01")!
        #expect(FixedDecimal("271.49")!.isMultiple(of: tick))
        #expect(!FixedDecimal("271.495")!.isMultiple(of: tick))
        #expect(FixedDecimal("1.15905")!.isMultiple(of: FixedDecimal("0.00005")!))
        #expect(!FixedDecimal("6875.10")!.isMultiple(of: FixedDecimal("0.25")!))
        #expect(FixedDecimal("271.49")!.count(of: tick) == 27_149)
    }

    @Test func multipliesAndDividesWithHalfAwayFromZeroRounding() {
        #expect((FixedDecimal("0.0035")! * 100).description == "0.35")
        #expect((FixedDecimal("27200")! * FixedDecimal("0.0000278")!).description == "0.75616")
        #expect((FixedDecimal(1) / 3).description == "0.33333333")
        #expect((FixedDecimal(2) / 3).description == "0.66666667")
        #expect((FixedDecimal(-2) / 3).description == "-0.66666667")
        #expect((FixedDecimal(1) / FixedDecimal("155.5")!).description == "0.00643087")
    }

    @Test func formatsAccountValuesWithFixedDecimals() {
        #expect(FixedDecimal(1_000_000).formatted(fractionDigits: 2) == "1000000.00")
        #expect(FixedDecimal("99.305")!.formatted(fractionDigits: 2) == "99.31")
        #expect(FixedDecimal("-0.5")!.formatted(fractionDigits: 2) == "-0.50")
    }
}
