import Foundation
import PortalAPI
import Testing

@Suite struct ContractModelTests {
    /// Source: https://www.interactivebrokers.com/campus/ibkr-api-page/webapi-doc/#finding-options-chains (IB's
    /// example, the months and exchanges shortened).
    static let search = """
        [{"conid":"265598","companyHeader":"APPLE INC - NASDAQ","companyName":"APPLE INC","symbol":"AAPL","description":"NASDAQ",
          "restricted":null,"sections":[{"secType":"STK"},{"secType":"OPT","months":"OCT24;NOV24;JAN27","exchange":"SMART;AMEX"}]}]
        """

    /// Source: https://www.interactivebrokers.com/campus/ibkr-api-page/cpapi-v1/#contract-info (IB's example, the
    /// exchanges shortened, without `rules`).
    static let info = """
        {"cfi_code":"","symbol":"AAPL","cusip":null,"expiry_full":null,"con_id":265598,"maturity_date":null,"industry":"Computers",
         "instrument_type":"STK","trading_class":"NMS","valid_exchanges":"SMART,AMEX,NYSE","allow_sell_long":false,
         "is_zero_commission_security":false,"local_symbol":"AAPL","contract_clarification_type":null,"classifier":null,
         "currency":"USD","text":null,"underlying_con_id":0,"r_t_h":true,"multiplier":null,"underlying_issuer":null,
         "contract_month":null,"company_name":"APPLE INC","smart_available":true,"exchange":"SMART","category":"Computers"}
        """

    @Test func secdefSearchCarriesTheConidAsAString() throws {
        let results = try decode([SecDefSearchResult].self, Self.search)
        let apple = try #require(results.first)
        #expect(apple.conid == "265598")
        #expect(apple.sections.map(\.secType) == ["STK", "OPT"])
        #expect(apple.sections[1].months == "OCT24;NOV24;JAN27")
        #expect(try roundTrip(results) == results)
        #expect(try jsonObject(apple)["conid"] as? String == "265598")
    }

    @Test func contractInfoIsSnakeCased() throws {
        let info = try decode(ContractInfo.self, Self.info)
        #expect(info.con_id == 265_598 && info.instrument_type == "STK" && info.r_t_h)
        #expect(info.company_name == "APPLE INC" && info.multiplier == nil)
        #expect(try roundTrip(info) == info)
        let nullKeys: Set<String> = ["cusip", "expiry_full", "maturity_date", "contract_clarification_type", "classifier", "text", "multiplier", "underlying_issuer", "contract_month"]
        #expect(Set(try jsonObject(info).keys) == (try fixtureKeys(Self.info)).subtracting(nullKeys))
    }

    @Test func aPaperStocksInfoNamesItsExchanges() throws {
        let info = ContractInfo(conid: 265_598, symbol: "AAPL", companyName: "APPLE INC", currency: "USD", validExchanges: "SMART,NASDAQ")
        #expect(info.con_id == 265_598 && info.local_symbol == "AAPL" && info.underlying_con_id == 0)
        #expect(try roundTrip(info) == info)
    }
}
