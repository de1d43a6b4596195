import Foundation
import PortalAPI
import Testing

@Suite struct AccountModelTests {
    /// Shape: https://www.interactivebrokers.com/campus/ibkr-api-page/cpapi-v1/#accounts (fields ibterm models).
    static let iserverAccounts = #"{"accounts":["DU1234567"],"aliases":{"DU1234567":"DU1234567"},"selectedAccount":"DU1234567"}"#

    /// Source: https://www.interactivebrokers.com/campus/ibkr-api-page/webapi-doc/#portfolio-accounts (IB's example,
    /// without the two PrepaidCrypto flags).
    static let portfolioAccounts = """
        [{"id":"U1234567","brokerageAccess":true,"accountId":"U1234567","accountVan":"U1234567","accountTitle":"",
          "displayName":"U1234567","accountAlias":null,"accountStatus":1644814800000,"currency":"USD","type":"DEMO",
          "tradingType":"PMRGN","businessType":"IB_PROSERVE","ibEntity":"IBLLC-US","faclient":false,"clearingStatus":"O",
          "covestor":false,"noClientTrading":false,"trackVirtualFXPortfolio":true,
          "parent":{"mmc":[],"accountId":"","isMParent":false,"isMChild":false,"isMultiplex":false},"desc":"U1234567"}]
        """

    /// Source: https://www.interactivebrokers.com/campus/ibkr-api-page/webapi-doc/#portfolio-summary (IB's example's
    /// first entry, and a figure in its shape).
    static let summary = """
        {"accountcode":{"amount":0.0,"currency":null,"isNull":false,"timestamp":1702582422000,"value":"U1234567","severity":0},
         "netliquidation":{"amount":215335840.0,"currency":"USD","isNull":false,"timestamp":1702582422000,"value":null,"severity":0}}
        """

    /// Source: https://www.interactivebrokers.com/campus/ibkr-api-page/webapi-doc/#portfolio-ledger (IB's example's USD row).
    static let ledger = """
        {"USD":{"commoditymarketvalue":0.0,"futuremarketvalue":-1051.0,"settledcash":214716688.0,"exchangerate":1,"sessionid":1,
          "cashbalance":214716688.0,"corporatebondsmarketvalue":0.0,"warrantsmarketvalue":0.0,"netliquidationvalue":215335840.0,
          "interest":305569.94,"unrealizedpnl":39695.82,"stockmarketvalue":314123.88,"moneyfunds":0.0,"currency":"USD",
          "realizedpnl":0.0,"funds":0.0,"acctcode":"U1234567","issueroptionsmarketvalue":0.0,"key":"LedgerList",
          "timestamp":1702582321,"severity":0,"stockoptionmarketvalue":-2.88,"futuresonlypnl":-1051.0,"tbondsmarketvalue":0.0,
          "futureoptionmarketvalue":0.0,"cashbalancefxsegment":0.0,"secondkey":"USD","tbillsmarketvalue":0.0,"endofbundle":1,
          "dividends":0.0}}
        """

    /// Shape: https://www.interactivebrokers.com/campus/ibkr-api-page/cpapi-v1/#positions (the fields ibterm models).
    static let positions = """
        [{"acctId":"U1234567","conid":756733,"contractDesc":"SPY","position":44.0,"mktPrice":655.8945923,"mktValue":28859.36,
          "currency":"USD","avgCost":652.47477275,"avgPrice":652.47477275,"realizedPnl":0.0,"unrealizedPnl":150.47,
          "assetClass":"STK","multiplier":0.0,"ticker":"SPY","name":"SPDR S&P 500 ETF TRUST","listingExchange":"ARCA"}]
        """

    @Test func iserverAccountsNamesTheSelectedAccount() throws {
        let accounts = try decode(IServerAccounts.self, Self.iserverAccounts)
        #expect(accounts.accounts == ["DU1234567"])
        #expect(accounts.selectedAccount == "DU1234567")
        #expect(try roundTrip(accounts) == accounts)
        #expect(Set(try jsonObject(accounts).keys) == (try fixtureKeys(Self.iserverAccounts)))
    }

    @Test func portfolioAccountsReadIBsExample() throws {
        let accounts = try decode([PortfolioAccount].self, Self.portfolioAccounts)
        let account = try #require(accounts.first)
        #expect(account.id == "U1234567" && account.type == "DEMO" && account.currency == "USD")
        #expect(account.accountAlias == nil)
        #expect(account.accountStatus == 1_644_814_800_000)
        #expect(account.parent?.isMultiplex == false)
        #expect(try roundTrip(accounts) == accounts)
        // Every key but the null alias is written back (a nil optional is left out).
        #expect(Set(try jsonObject(account).keys) == (try fixtureKeys(Self.portfolioAccounts)).subtracting(["accountAlias"]))
    }

    @Test func thePaperAccountIsADemoAccountWithAnEmptyParent() throws {
        let account = PortfolioAccount(id: "DU0000001", currency: "USD")
        #expect(account.accountId == "DU0000001" && account.type == "DEMO" && account.brokerageAccess == true)
        #expect(try roundTrip(account) == account)
    }

    @Test func summaryValuesAreKeyedByLowerCaseNames() throws {
        let summary = try decode(PortalAccountSummary.self, Self.summary)
        #expect(summary[AccountSummaryKey.accountCode]?.value == "U1234567")
        #expect(summary[AccountSummaryKey.accountCode]?.currency == nil)
        #expect(summary[AccountSummaryKey.netLiquidation]?.amount == 215_335_840)
        #expect(summary[AccountSummaryKey.netLiquidation]?.timestamp == 1_702_582_422_000)
        #expect(try roundTrip(summary) == summary)
    }

    @Test func ledgerRowsAreKeyedByCurrencyWithTimestampsInSeconds() throws {
        let ledger = try decode(Ledger.self, Self.ledger)
        let usd = try #require(ledger["USD"])
        #expect(usd.cashbalance == 214_716_688 && usd.netliquidationvalue == 215_335_840)
        #expect(usd.timestamp == 1_702_582_321)
        #expect(usd.key == "LedgerList" && usd.secondkey == "USD" && usd.endofbundle == 1)
        #expect(try roundTrip(ledger) == ledger)
        #expect(Set(try jsonObject(usd).keys) == Set(try fixtureKeys(Self.ledger, under: "USD")))
    }

    @Test func aPaperLedgerRowSumsCashAndStock() {
        let row = LedgerEntry(currency: "USD", account: "DU0000001", cash: 90_000, stockMarketValue: 12_500, unrealizedPnL: 500, realizedPnL: 20, timestampSeconds: 1_764_806_400)
        #expect(row.netliquidationvalue == 102_500)
        #expect(row.settledcash == 90_000 && row.secondkey == "USD" && row.key == "LedgerList")
    }

    @Test func positionsReadTheModelledFields() throws {
        let positions = try decode([PortalPosition].self, Self.positions)
        let spy = try #require(positions.first)
        #expect(spy.conid == 756_733 && spy.position == 44 && spy.assetClass == "STK")
        #expect(spy.mktValue == 28_859.36)
        #expect(try roundTrip(positions) == positions)
        #expect(Set(try jsonObject(spy).keys) == (try fixtureKeys(Self.positions)))
    }
}
