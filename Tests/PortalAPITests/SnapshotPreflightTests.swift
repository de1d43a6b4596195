import PortalAPI
import Testing

@Suite struct SnapshotPreflightTests {
    private let market = ["31": "168.42", "84": "168.41", "86": "168.43", "85": "600", "88": "1,300", "6509": "RpB"]

    @Test func theFirstRequestAnswersWithoutPricesAndTheNextWithTheFields() {
        var preflight = SnapshotPreflight()
        let first = preflight.answer(conid: 265_598, fields: ["31", "84", "86"], values: market, updated: 1_000, serverID: "q1")
        #expect(first == MarketDataSnapshot(conid: 265_598, conidEx: "265598"))
        #expect(first.isPreflight)
        let second = preflight.answer(conid: 265_598, fields: [], values: market, updated: 2_000, serverID: "q1")
        #expect(second.fields == ["31": "168.42", "84": "168.41", "86": "168.43"])
        #expect(second.updated == 2_000 && second.serverID == "q1")
    }

    @Test func eachConidHasItsOwnPreflight() {
        var preflight = SnapshotPreflight()
        let result1 = preflight.request(conid: 1, fields: ["31"])
        #expect(result1 == nil)
        let result2 = preflight.request(conid: 1, fields: ["31"])
        #expect(result2 == ["31"])
        let result3 = preflight.request(conid: 2, fields: ["31"])
        #expect(result3 == nil)
    }

    @Test func aFieldAskedLaterIsAnsweredFromTheRequestAfter() {
        var preflight = SnapshotPreflight()
        _ = preflight.request(conid: 1, fields: ["31"])
        let result4 = preflight.request(conid: 1, fields: ["84"])
        #expect(result4 == ["31"])
        let result5 = preflight.request(conid: 1, fields: [])
        #expect(result5 == ["31", "84"])
    }

    @Test func unsubscribingMakesTheNextRequestAPreflightAgain() {
        var preflight = SnapshotPreflight()
        _ = preflight.request(conid: 1, fields: ["31"])
        _ = preflight.request(conid: 2, fields: ["31"])
        let result6 = preflight.unsubscribe(conid: 1)
        #expect(result6)
        let result7 = preflight.unsubscribe(conid: 1)
        #expect(!result7)
        let result8 = preflight.request(conid: 1, fields: ["31"])
        #expect(result8 == nil)
        preflight.unsubscribeAll()
        #expect(preflight.streaming.isEmpty)
        let result9 = preflight.request(conid: 2, fields: ["31"])
        #expect(result9 == nil)
    }
}
