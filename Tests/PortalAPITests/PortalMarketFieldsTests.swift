import PortalAPI
import Testing

@Suite struct PortalMarketFieldsTests {
    /// IB's codes (https://www.interactivebrokers.com/campus/ibkr-api-page/cpapi-v1/#market-data-fields).
    @Test(arguments: [
        ("31", "last"), ("84", "bid"), ("86", "ask"), ("85", "ask size"), ("88", "bid size"), ("7295", "open"), ("70", "high"),
        ("71", "low"), ("82", "change"), ("83", "change %"), ("87", "volume"), ("6509", "availability"), ("7059", "last size"),
    ])
    func eachCodeHasItsName(code: String, name: String) throws {
        #expect(try #require(PortalMarketFields.field(code: code)).name == name)
    }

    @Test func codesAreUnique() {
        #expect(Set(PortalMarketFields.all.map(\.code)).count == PortalMarketFields.all.count)
        #expect(PortalMarketFields.field(code: "99999") == nil)
    }

    /// IB's example is `RpB`: real time, consolidated, top of book.
    @Test func availabilityReadsIBsLetters() throws {
        let example = try #require(MarketDataAvailability("RpB"))
        #expect(example.kind == .realtime && example.delivery == .consolidated && example.book)
        #expect(example.description == "RpB")
        #expect(MarketDataAvailability("D")?.kind == .delayed)
        #expect(MarketDataAvailability("Z")?.kind == .frozen)
        #expect(MarketDataAvailability("Y")?.kind == .frozenDelayed)
        #expect(MarketDataAvailability("N")?.kind == .notSubscribed)
        #expect(MarketDataAvailability("DP")?.delivery == .snapshot)
        #expect(MarketDataAvailability(MarketDataAvailability(kind: .delayed, delivery: .snapshot, book: true).description)?.description == "DPB")
    }

    @Test(arguments: ["", "X", "RxB", "RBp", "RpBB", "RpBq"])
    func availabilityRefusesOtherText(text: String) {
        #expect(MarketDataAvailability(text) == nil)
    }
}
