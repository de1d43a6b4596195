/// The answer of `GET /portfolio/{accountId}/ledger`: cash balances by currency, keyed by the
/// currency code and `BASE` (the account's base currency, converted).
///
/// Shape (https://www.interactivebrokers.com/campus/ibkr-api-page/webapi-doc/#portfolio-ledger):
/// `{"USD":{"commoditymarketvalue":0.0,"futuremarketvalue":-1051.0,"settledcash":214716688.0,
///   "exchangerate":1,"sessionid":1,"cashbalance":214716688.0,…,"currency":"USD",
///   "acctcode":"U1234567","key":"LedgerList","timestamp":1702582321,"secondkey":"USD",…},"BASE":{…}}`.
/// Note the ledger's `timestamp` is in **seconds**, unlike the summary's milliseconds.
public typealias Ledger = [String: LedgerEntry]

/// One currency's row of the ledger.
public struct LedgerEntry: Codable, Sendable, Equatable {
    /// Commodities' market value.
    public var commoditymarketvalue: Double
    /// Futures' market value.
    public var futuremarketvalue: Double
    /// Settled cash.
    public var settledcash: Double
    /// The rate to the base currency.
    public var exchangerate: Double
    /// IB's session number.
    public var sessionid: Int
    /// Cash balance.
    public var cashbalance: Double
    /// Corporate bonds' market value.
    public var corporatebondsmarketvalue: Double
    /// Warrants' market value.
    public var warrantsmarketvalue: Double
    /// Net liquidation value.
    public var netliquidationvalue: Double
    /// Accrued interest.
    public var interest: Double
    /// Unrealized P&L.
    public var unrealizedpnl: Double
    /// Stocks' market value.
    public var stockmarketvalue: Double
    /// Money market funds.
    public var moneyfunds: Double
    /// The row's currency (`BASE` for the base row).
    public var currency: String
    /// Realized P&L.
    public var realizedpnl: Double
    /// Mutual funds.
    public var funds: Double
    /// The account id.
    public var acctcode: String
    /// Issuer options' market value.
    public var issueroptionsmarketvalue: Double
    /// Always `LedgerList`.
    public var key: String
    /// When it was taken, **seconds** since the epoch.
    public var timestamp: Int64
    /// IB's severity mark.
    public var severity: Int
    /// Stock options' market value.
    public var stockoptionmarketvalue: Double
    /// Futures-only P&L.
    public var futuresonlypnl: Double
    /// T-bonds' market value.
    public var tbondsmarketvalue: Double
    /// Futures options' market value.
    public var futureoptionmarketvalue: Double
    /// Cash in the FX segment.
    public var cashbalancefxsegment: Double
    /// The currency again.
    public var secondkey: String
    /// T-bills' market value.
    public var tbillsmarketvalue: Double
    /// Marks the last row of a bundle (1), absent otherwise.
    public var endofbundle: Int?
    /// Dividends.
    public var dividends: Double

    /// A row for a cash-and-stock paper account: the other values are zero.
    public init(
        currency: String, account: String, cash: Double, stockMarketValue: Double, unrealizedPnL: Double, realizedPnL: Double,
        timestampSeconds: Int64, exchangeRate: Double = 1
    ) {
        commoditymarketvalue = 0
        futuremarketvalue = 0
        settledcash = cash
        exchangerate = exchangeRate
        sessionid = 1
        cashbalance = cash
        corporatebondsmarketvalue = 0
        warrantsmarketvalue = 0
        netliquidationvalue = cash + stockMarketValue
        interest = 0
        unrealizedpnl = unrealizedPnL
        stockmarketvalue = stockMarketValue
        moneyfunds = 0
        self.currency = currency
        realizedpnl = realizedPnL
        funds = 0
        acctcode = account
        issueroptionsmarketvalue = 0
        key = "LedgerList"
        timestamp = timestampSeconds
        severity = 0
        stockoptionmarketvalue = 0
        futuresonlypnl = 0
        tbondsmarketvalue = 0
        futureoptionmarketvalue = 0
        cashbalancefxsegment = 0
        secondkey = currency
        tbillsmarketvalue = 0
        endofbundle = nil
        dividends = 0
    }
}
