import Foundation
import PortalAPI
import Testing

@Suite struct MarketDataModelTests {
    /// Source: https://www.interactivebrokers.com/campus/ibkr-api-page/webapi-doc/#md-snapshot (IB's example).
    static let snapshot = """
        [{"31":"168.42","6119":"q1","6509":"RpB","7059":"100","84":"168.41","85":"600","86":"168.42","88":"1,300",
          "_updated":1712596911593,"conid":265598,"conidEx":"265598","server_id":"q1"}]
        """

    /// Source: the same page, the pre-flight answer.
    static let preflight = #"[{"conid":265598,"conidEx":"265598"},{"conid":8314,"conidEx":"8314"}]"#

    /// Source: https://www.interactivebrokers.com/campus/ibkr-api-page/cpapi-v1/#hist-md (IB's example's shape; the
    /// bar's `t` in milliseconds).
    static let history = """
        {"serverId":"20477","symbol":"AAPL","text":"APPLE INC","priceFactor":100,"startTime":"20230818-08:00:00",
         "high":"17510/472117.45/0","low":"17170/472117.45/0","timePeriod":"1d","barLength":86400,"mdAvailability":"S",
         "mktDataDelay":0,"outsideRth":true,"volumeFactor":1,"priceDisplayRule":1,"priceDisplayValue":"2",
         "negativeCapable":false,"messageVersion":2,
         "data":[{"o":173.4,"c":174.7,"h":175.1,"l":171.7,"v":472117.45,"t":1692345600000}],"points":0,"travelTime":48}
        """

    @Test func snapshotKeepsTheNumericFieldCodesAsStringKeys() throws {
        let snapshots = try decode([MarketDataSnapshot].self, Self.snapshot)
        let apple = try #require(snapshots.first)
        #expect(apple.conid == 265_598 && apple.conidEx == "265598")
        #expect(apple.updated == 1_712_596_911_593 && apple.serverID == "q1")
        #expect(apple[PortalMarketFields.last] == "168.42")
        #expect(apple[PortalMarketFields.bid] == "168.41")
        #expect(apple[PortalMarketFields.ask] == "168.42")
        #expect(apple[PortalMarketFields.bidSize] == "1,300")
        #expect(apple[PortalMarketFields.availability] == "RpB")
        #expect(apple.fields.count == 8)
        #expect(!apple.isPreflight)
        #expect(try roundTrip(snapshots) == snapshots)
        let written = try jsonObject(apple)
        #expect(Set(written.keys) == (try fixtureKeys(Self.snapshot)))
        #expect(written["31"] as? String == "168.42")
        #expect(written["_updated"] as? Int64 == 1_712_596_911_593)
    }

    @Test func thePreflightAnswerHasNoFields() throws {
        let answers = try decode([MarketDataSnapshot].self, Self.preflight)
        #expect(answers.map(\.conid) == [265_598, 8314])
        let allPreflight = answers.allSatisfy(\.isPreflight)
        #expect(allPreflight)
        #expect(try Set(jsonObject(answers[0]).keys) == ["conid", "conidEx"])
    }

    @Test func aNumberUnderAFieldCodeIsKeptAsItsText() throws {
        let snapshot = try decode(MarketDataSnapshot.self, #"{"conid":265598,"6008":265598,"31":"C150.20"}"#)
        #expect(snapshot.fields == ["6008": "265598", "31": "C150.20"])
    }

    @Test func historyBarsCarryOpenCloseHighLowVolumeAndTime() throws {
        let history = try decode(PortalHistory.self, Self.history)
        #expect(history.symbol == "AAPL" && history.priceFactor == 100 && history.barLength == 86_400)
        let bar = try #require(history.data.first)
        #expect(bar.o == 173.4 && bar.c == 174.7 && bar.h == 175.1 && bar.l == 171.7)
        #expect(bar.v == 472_117.45 && bar.t == 1_692_345_600_000)
        #expect(try roundTrip(history) == history)
        #expect(Set(try jsonObject(history).keys) == (try fixtureKeys(Self.history)))
    }
}
