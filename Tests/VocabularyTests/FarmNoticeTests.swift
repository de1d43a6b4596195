import Testing
import Vocabulary

@Suite struct FarmNoticeTests {
    @Test(arguments: [
        ("Market data farm connection is OK:usfarm", "usfarm"),
        ("Market data farm connection is broken:usfarm.nj", "usfarm.nj"),
        ("HMDS data farm connection is inactive but should be available upon demand.ushmds", "ushmds"),
        ("Sec-def data farm connection is OK:secdefil", "secdefil"),
        ("Market data farm is connecting: cashfarm ", "cashfarm"),
    ])
    func readsTheFarmNameFromTheNoticeText(text: String, expected: String) {
        #expect(FarmNotice.farmName(in: text) == expected)
    }

    @Test(arguments: ["no separator at all", "ends with:", "ends with. "])
    func aTextThatNamesNoFarmGivesNoName(text: String) {
        #expect(FarmNotice.farmName(in: text) == nil)
    }

    @Test func classifiesEveryFarmCodeByCodeAlone() {
        let table: [(Int, FarmKind, FarmState)] = [
            (2103, .marketData, .broken), (2104, .marketData, .ok), (2108, .marketData, .inactive),
            (2119, .marketData, .connecting), (2105, .historicalData, .broken),
            (2106, .historicalData, .ok), (2107, .historicalData, .inactive),
            (2157, .securityDefinition, .broken), (2158, .securityDefinition, .ok),
        ]
        for (code, kind, state) in table {
            let classified = FarmNotice.classify(code: code)
            #expect(classified?.kind == kind && classified?.state == state, "code \(code)")
        }
        for code in [354, 1100, 2100] {
            #expect(FarmNotice.classify(code: code) == nil, "code \(code)")
        }
    }

    @Test func readsANoticeWholeOrNotAtAll() {
        #expect(FarmNotice(code: 2104, text: "Market data farm connection is OK:usfarm")
            == FarmNotice(kind: .marketData, state: .ok, farmName: "usfarm"))
        #expect(FarmNotice(code: 2106, text: "HMDS data farm connection is OK")
            == FarmNotice(kind: .historicalData, state: .ok, farmName: nil))
        #expect(FarmNotice(code: 354, text: "Requested market data is not subscribed.:usfarm") == nil)
    }
}
