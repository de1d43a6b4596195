/// One element of `GET /portfolio/{accountId}/positions/{pageId}` (pages of up to 100, from 0).
///
/// Shape (https://www.interactivebrokers.com/campus/ibkr-api-page/cpapi-v1/#positions):
/// `{"acctId":"U1234567","conid":756733,"contractDesc":"SPY","position":44.0,"mktPrice":655.89,
///   "mktValue":28859.36,"currency":"USD","avgCost":652.47,"avgPrice":652.47,"realizedPnl":0.0,
///   "unrealizedPnl":150.47,"exchs":null,"expiry":null,"putOrCall":null,"multiplier":0.0,
///   "strike":"0","exerciseStyle":null,"conExchMap":[],"assetClass":"STK","undConid":0,"model":"",
///   "ticker":"SPY","name":"SPDR S&P 500 ETF TRUST","isUS":true,"listingExchange":"ARCA", …}`.
/// Only the fields ibterm uses are modelled; the optional ones may be absent or null.
public struct PortalPosition: Codable, Sendable, Equatable {
    /// The account.
    public var acctId: String
    /// The contract.
    public var conid: Int
    /// The contract's description (`SPY`).
    public var contractDesc: String
    /// Signed quantity held.
    public var position: Double
    /// The mark price.
    public var mktPrice: Double
    /// Market value: position × price × multiplier.
    public var mktValue: Double
    /// The contract's currency.
    public var currency: String
    /// Average cost per unit (with the multiplier).
    public var avgCost: Double
    /// Average price per unit.
    public var avgPrice: Double
    /// Realized P&L.
    public var realizedPnl: Double
    /// Unrealized P&L.
    public var unrealizedPnl: Double
    /// The asset class (`STK`, `FUT`, `OPT`, `CASH`).
    public var assetClass: String
    /// The multiplier, 0 for a stock.
    public var multiplier: Double?
    /// The symbol.
    public var ticker: String?
    /// The company's name.
    public var name: String?
    /// The listing exchange.
    public var listingExchange: String?

    /// A position with every modelled field given.
    public init(
        acctId: String, conid: Int, contractDesc: String, position: Double, mktPrice: Double, mktValue: Double, currency: String,
        avgCost: Double, avgPrice: Double, realizedPnl: Double, unrealizedPnl: Double, assetClass: String, multiplier: Double? = nil,
        ticker: String? = nil, name: String? = nil, listingExchange: String? = nil
    ) {
        self.acctId = acctId
        self.conid = conid
        self.contractDesc = contractDesc
        self.position = position
        self.mktPrice = mktPrice
        self.mktValue = mktValue
        self.currency = currency
        self.avgCost = avgCost
        self.avgPrice = avgPrice
        self.realizedPnl = realizedPnl
        self.unrealizedPnl = unrealizedPnl
        self.assetClass = assetClass
        self.multiplier = multiplier
        self.ticker = ticker
        self.name = name
        self.listingExchange = listingExchange
    }
}
