/// One element of `GET /iserver/account/trades`: an execution of the current and previous six days.
///
/// Shape (https://www.interactivebrokers.com/campus/ibkr-api-page/cpapi-v1/#trades):
/// `{"execution_id":"0000e0d5.6576fd38.01.01","symbol":"AAPL","supports_tax_opt":"1","side":"S",
///   "order_description":"Sold 5 @ 192.26 on ISLAND","trade_time":"20231211-18:00:49",
///   "trade_time_r":1702317649000,"size":5.0,"price":"192.26","order_ref":"Order123",
///   "submitter":"user1234","exchange":"ISLAND","commission":"1.01","net_amount":961.3,
///   "account":"U1234567","accountCode":"U1234567","account_allocation_name":"U1234567",
///   "company_name":"APPLE INC","contract_description_1":"AAPL","sec_type":"STK",
///   "listing_exchange":"NASDAQ.NMS","conid":265598,"conidEx":"265598","clearing_id":"IB",
///   "clearing_name":"IB","liquidation_trade":"0","is_event_trading":"0"}`.
/// `side` is one letter (`B`/`S`); `price` and `commission` are text, `net_amount` a number.
public struct PortalTrade: Codable, Sendable, Equatable {
    /// The execution's id.
    public var execution_id: String
    /// The symbol.
    public var symbol: String
    /// Internal to IB.
    public var supports_tax_opt: String?
    /// `B` bought, `S` sold.
    public var side: String
    /// The fill described (`Sold 5 @ 192.26 on ISLAND`).
    public var order_description: String
    /// When, `yyyyMMdd-HH:mm:ss` UTC.
    public var trade_time: String
    /// When, milliseconds since the epoch.
    public var trade_time_r: Int64
    /// The quantity filled.
    public var size: Double
    /// The fill price, as text.
    public var price: String
    /// The client's reference.
    public var order_ref: String?
    /// The user who sent it.
    public var submitter: String?
    /// Where it filled.
    public var exchange: String
    /// The commission, as text.
    public var commission: String?
    /// size × price.
    public var net_amount: Double
    /// The account.
    public var account: String
    /// The account again.
    public var accountCode: String?
    /// The allocation's name.
    public var account_allocation_name: String?
    /// The company's name.
    public var company_name: String?
    /// The contract described.
    public var contract_description_1: String?
    /// The security type.
    public var sec_type: String
    /// The listing exchange.
    public var listing_exchange: String?
    /// The contract.
    public var conid: Int
    /// The contract with its exchange.
    public var conidEx: String?
    /// The clearing firm.
    public var clearing_id: String?
    /// The clearing firm's name.
    public var clearing_name: String?
    /// `"1"` when part of a liquidation.
    public var liquidation_trade: String?
    /// `"1"` for event trading.
    public var is_event_trading: String?

    /// A paper fill.
    public init(
        executionID: String, symbol: String, side: String, description: String, tradeTime: String, tradeTimeMilliseconds: Int64, size: Double,
        price: String, orderRef: String?, exchange: String, commission: String?, netAmount: Double, account: String, secType: String = "STK",
        conid: Int, companyName: String? = nil
    ) {
        execution_id = executionID
        self.symbol = symbol
        supports_tax_opt = nil
        self.side = side
        order_description = description
        trade_time = tradeTime
        trade_time_r = tradeTimeMilliseconds
        self.size = size
        self.price = price
        order_ref = orderRef
        submitter = nil
        self.exchange = exchange
        self.commission = commission
        net_amount = netAmount
        self.account = account
        accountCode = account
        account_allocation_name = account
        company_name = companyName
        contract_description_1 = symbol
        sec_type = secType
        listing_exchange = nil
        self.conid = conid
        conidEx = String(conid)
        clearing_id = nil
        clearing_name = nil
        liquidation_trade = "0"
        is_event_trading = "0"
    }
}
