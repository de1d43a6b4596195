import Foundation
import Testing
import Vocabulary

@Suite struct FixedDecimalTests {
    // MARK: Text round trip

    @Test(arguments: ["201.94", "100", "0.00005", "-3.5", "0.25", "155.005", "0", "-12.25", "0.12345678",
                      "-0.00000001", "92233720368.54775807", "-92233720368.54775807"])
    func parsesAndPrintsTheShortestExactText(text: String) {
        #expect(FixedDecimal(text)?.description == text)
        var bytes: [UInt8] = []
        FixedDecimal(text)?.appendText(to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == text)
    }

    @Test func readsEveryDecimalSpellingOfAValue() {
        #expect(FixedDecimal("100.0") == 100)
        #expect(FixedDecimal("+5") == 5)
        #expect(FixedDecimal(".5") == FixedDecimal(raw: 50_000_000))
        #expect(FixedDecimal("5.") == 5)
        #expect(FixedDecimal("-0")?.raw == 0)
        #expect(FixedDecimal("0.000")?.description == "0")
        #expect(FixedDecimal("1e3") == 1000)
        #expect(FixedDecimal("1E3") == 1000)
        #expect(FixedDecimal("2.5e-3") == FixedDecimal("0.0025"))
        #expect(FixedDecimal("-1.5E+2") == -150)
        #expect(FixedDecimal("1e-8") == FixedDecimal(raw: 1))
        #expect(FixedDecimal("0.100000000") == FixedDecimal("0.1"), "a zero past the eighth decimal is no decimal")
    }

    @Test(arguments: ["", ".", "-", "abc", "12abc", "1,5", "1.2.3", "--1", "1e", "1e+", " 1", "Infinity", "nan"])
    func rejectsTextThatIsNotANumber(text: String) {
        #expect(FixedDecimal(text) == nil)
        #expect(throws: FixedDecimal.TextError.notANumber) { try FixedDecimal(parsing: text) }
    }

    @Test(arguments: ["1.123456789", "0.000000001", "-0.000000005", "1e-9", "12345678901.123456789012"])
    func rejectsNineDecimals(text: String) {
        #expect(FixedDecimal(text) == nil)
        #expect(throws: FixedDecimal.TextError.tooManyDecimals) { try FixedDecimal(parsing: text) }
    }

    @Test(arguments: ["92233720368.54775808", "-92233720368.54775809", "100000000000", "1e11", "9223372036854775807",
                      "1.7976931348623157E308", "123456789012345678901234"])
    func rejectsValuesBeyondInt64(text: String) {
        #expect(FixedDecimal(text) == nil)
        #expect(throws: FixedDecimal.TextError.outOfRange) { try FixedDecimal(parsing: text) }
    }

    @Test func parsesWithFewerDecimalsOrWithoutExponentsWhenAsked() throws {
        #expect(try FixedDecimal(parsing: "231.40", maximumDecimals: 2) == FixedDecimal("231.4"))
        #expect(throws: FixedDecimal.TextError.tooManyDecimals) { try FixedDecimal(parsing: "231.405", maximumDecimals: 2) }
        #expect(throws: FixedDecimal.TextError.tooManyDecimals) { try FixedDecimal(parsing: "1.5", maximumDecimals: 0) }
        #expect(try FixedDecimal(parsing: "100", maximumDecimals: 0) == 100)
        #expect(throws: FixedDecimal.TextError.notANumber) { try FixedDecimal(parsing: "1e3", exponent: false) }
        #expect(try FixedDecimal(parsing: "-.5", exponent: false) == FixedDecimal("-0.5"))
    }

    @Test func readsBytesWithoutAString() {
        let field: [UInt8] = Array("0.0001".utf8)
        #expect(FixedDecimal(text: field) == FixedDecimal(raw: 10_000))
        #expect(FixedDecimal(text: field[...].dropLast(2)) == 0)
    }

    @Test func roundTripsThroughCodableAsExactText() throws {
        let values: [FixedDecimal] = [0, 100, FixedDecimal("-0.00005")!, FixedDecimal("92233720368.54775807")!]
        let data = try JSONEncoder().encode(values)
        #expect(String(decoding: data, as: UTF8.self) == #"["0","100","-0.00005","92233720368.54775807"]"#)
        #expect(try JSONDecoder().decode([FixedDecimal].self, from: data) == values)
        #expect(try JSONDecoder().decode([FixedDecimal].self, from: Data("[3, 0.25]".utf8)) == [3, FixedDecimal("0.25")!])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([FixedDecimal].self, from: Data(#"["1.2.3"]"#.utf8)) }
    }

    // MARK: Arithmetic

    @Test func addsAndSubtractsExactly() {
        var sum = FixedDecimal("0.1")! + FixedDecimal("0.2")!
        #expect(sum == FixedDecimal("0.3"))
        sum -= FixedDecimal("0.30000001")!
        #expect(sum.description == "-0.00000001")
        #expect((-sum).description == "0.00000001")
        #expect(sum.isNegative && sum.magnitude == FixedDecimal(raw: 1))
    }

    @Test func multipliesAndDividesWithHalfAwayFromZeroRounding() {
        #expect((FixedDecimal("0.0035")! * 100).description == "0.35")
        #expect((3 * FixedDecimal("0.1")!).description == "0.3")
        #expect((FixedDecimal("27200")! * FixedDecimal("0.0000278")!).description == "0.75616")
        #expect((FixedDecimal("0.00000001")! * FixedDecimal("0.5")!).description == "0.00000001", "half rounds away from zero")
        #expect((FixedDecimal("-0.00000001")! * FixedDecimal("0.5")!).description == "-0.00000001")
        #expect((FixedDecimal("0.00000001")! * FixedDecimal("0.49")!).description == "0")
        #expect((FixedDecimal(1) / 3).description == "0.33333333")
        #expect((FixedDecimal(2) / 3).description == "0.66666667")
        #expect((FixedDecimal(-2) / 3).description == "-0.66666667")
        #expect((FixedDecimal(2) / -3).description == "-0.66666667")
        #expect((FixedDecimal(raw: 1) / 2).description == "0.00000001")
        #expect((FixedDecimal(raw: -1) / 2).description == "-0.00000001")
        #expect((FixedDecimal(1) / FixedDecimal("155.5")!).description == "0.00643087")
        #expect((FixedDecimal("-1")! / FixedDecimal("-8")!).description == "0.125")
        #expect((FixedDecimal("90000000000")! * FixedDecimal("0.5")!).description == "45000000000", "the product is formed in 128 bits")
    }

    @Test func roundsToFewerDecimalsByRule() {
        #expect(FixedDecimal("99.305")!.rounded(fractionDigits: 2) == FixedDecimal("99.31"))
        #expect(FixedDecimal("-99.305")!.rounded(fractionDigits: 2) == FixedDecimal("-99.31"))
        #expect(FixedDecimal("99.304")!.rounded(fractionDigits: 2) == FixedDecimal("99.3"))
        #expect(FixedDecimal("0.121")!.rounded(fractionDigits: 2, rule: .awayFromZero) == FixedDecimal("0.13"))
        #expect(FixedDecimal("-0.121")!.rounded(fractionDigits: 2, rule: .awayFromZero) == FixedDecimal("-0.13"))
        #expect(FixedDecimal("0.12")!.rounded(fractionDigits: 2, rule: .awayFromZero) == FixedDecimal("0.12"))
        #expect(FixedDecimal("0.129")!.rounded(fractionDigits: 2, rule: .towardZero) == FixedDecimal("0.12"))
        #expect(FixedDecimal("2.5")!.rounded(fractionDigits: 0) == 3)
    }

    @Test func formatsWithFixedDecimals() {
        #expect(FixedDecimal(1_000_000).formatted(fractionDigits: 2) == "1000000.00")
        #expect(FixedDecimal("99.305")!.formatted(fractionDigits: 2) == "99.31")
        #expect(FixedDecimal("-0.5")!.formatted(fractionDigits: 2) == "-0.50")
        #expect(FixedDecimal("-0.001")!.formatted(fractionDigits: 2) == "0.00")
        #expect(FixedDecimal("231.405")!.formatted(fractionDigits: 3) == "231.405")
        #expect(FixedDecimal("4.96")!.formatted(fractionDigits: 1) == "5.0")
        #expect(FixedDecimal("4.5")!.formatted(fractionDigits: 0) == "5")
        #expect(FixedDecimal("231.405")!.decimalPlaces == 3)
        #expect(FixedDecimal(7).decimalPlaces == 0)
    }

    // MARK: Grid and conversions

    @Test func decidesTheTickGridExactly() {
        let tick = FixedDecimal("0.01")!
        #expect(FixedDecimal("271.49")!.isMultiple(of: tick))
        #expect(!FixedDecimal("271.495")!.isMultiple(of: tick))
        #expect(FixedDecimal("-271.49")!.isMultiple(of: tick))
        #expect(FixedDecimal("1.15905")!.isMultiple(of: FixedDecimal("0.00005")!))
        #expect(!FixedDecimal("6875.10")!.isMultiple(of: FixedDecimal("0.25")!))
        #expect(FixedDecimal("271.49")!.count(of: tick) == 27_149)
        #expect(FixedDecimal(12).isMultiple(of: 1) && !FixedDecimal("12.5")!.isMultiple(of: 1))
    }

    @Test func convertsToAndFromWholeNumbersAndDoubles() {
        #expect(FixedDecimal(100).wholeValue == 100)
        #expect(FixedDecimal(-3).wholeValue == -3)
        #expect(FixedDecimal("0.5")!.wholeValue == nil)
        #expect(FixedDecimal(exactly: 92_233_720_368) == FixedDecimal("92233720368"))
        #expect(FixedDecimal(exactly: 92_233_720_369) == nil && FixedDecimal(exactly: -92_233_720_369) == nil)
        #expect(FixedDecimal(checkedRounding: 231.4) == FixedDecimal("231.4"))
        #expect(FixedDecimal(checkedRounding: .nan) == nil && FixedDecimal(checkedRounding: 1e11) == nil)
        #expect(FixedDecimal("231.4")!.doubleValue == 231.4)
        #expect(FixedDecimal(rounding: 231.4) == FixedDecimal("231.4"))
        #expect(FixedDecimal(rounding: 0.000000005) == FixedDecimal(raw: 1), "half away from zero")
        #expect(FixedDecimal(rounding: -0.000000005) == FixedDecimal(raw: -1))
        #expect(FixedDecimal.min(1, 2) == 1 && FixedDecimal.max(1, 2) == 2 && FixedDecimal(-1) < .zero)
    }

    @Test func groupsThousandsOfTheWholePart() {
        #expect(FixedDecimal("23140")?.formatted(fractionDigits: 2, groupingThousands: true) == "23,140.00")
        #expect(FixedDecimal("-1000000.5")?.formatted(fractionDigits: 2, groupingThousands: true) == "-1,000,000.50")
        #expect(FixedDecimal("999.999")?.formatted(fractionDigits: 2, groupingThousands: true) == "1,000.00")
        #expect(FixedDecimal("-100")?.formatted(fractionDigits: 0, groupingThousands: true) == "-100")
        #expect(FixedDecimal("1234")?.formatted(fractionDigits: 2, groupingThousands: false) == "1234.00")
    }
}
