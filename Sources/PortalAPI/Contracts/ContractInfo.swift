/// The answer of `GET /iserver/contract/{conid}/info`: one contract's details, in snake case.
///
/// Shape (https://www.interactivebrokers.com/campus/ibkr-api-page/cpapi-v1/#contract-info):
/// `{"cfi_code":"","symbol":"AAPL","cusip":null,"expiry_full":null,"con_id":265598,"maturity_date":null,
///   "industry":"Computers","instrument_type":"STK","trading_class":"NMS","valid_exchanges":"SMART,AMEX,…",
///   "allow_sell_long":false,"is_zero_commission_security":false,"local_symbol":"AAPL",
///   "contract_clarification_type":null,"classifier":null,"currency":"USD","text":null,
///   "underlying_con_id":0,"r_t_h":true,"multiplier":null,"underlying_issuer":null,"contract_month":null,
///   "company_name":"APPLE INC","smart_available":true,"exchange":"SMART","category":"Computers"}`.
public struct ContractInfo: Codable, Sendable, Equatable {
    /// The CFI code, often empty.
    public var cfi_code: String?
    /// The symbol.
    public var symbol: String
    /// The CUSIP, or null.
    public var cusip: String?
    /// A derivative's full expiry, or null.
    public var expiry_full: String?
    /// The contract id.
    public var con_id: Int
    /// A derivative's maturity date, or null.
    public var maturity_date: String?
    /// The industry.
    public var industry: String?
    /// `STK`, `FUT`, `OPT`, …
    public var instrument_type: String
    /// The trading class.
    public var trading_class: String?
    /// Exchanges it trades on, `,`-separated.
    public var valid_exchanges: String
    /// Whether a long position may be sold.
    public var allow_sell_long: Bool
    /// Whether it trades without commission.
    public var is_zero_commission_security: Bool
    /// The local symbol.
    public var local_symbol: String
    /// Internal to IB.
    public var contract_clarification_type: String?
    /// Internal to IB.
    public var classifier: String?
    /// The currency.
    public var currency: String
    /// A description, or null.
    public var text: String?
    /// The underlying's contract id, 0 for none.
    public var underlying_con_id: Int
    /// Whether it trades in regular hours only.
    public var r_t_h: Bool
    /// The multiplier as text, or null for a stock.
    public var multiplier: String?
    /// The underlying's issuer, or null.
    public var underlying_issuer: String?
    /// A derivative's contract month (`YYYYMM`), or null.
    public var contract_month: String?
    /// The company's name.
    public var company_name: String
    /// Whether SMART routing is available.
    public var smart_available: Bool
    /// The exchange it is routed to.
    public var exchange: String
    /// The industry category.
    public var category: String?

    /// A stock's details as the paper gateway knows them.
    public init(conid: Int, symbol: String, companyName: String, currency: String, exchange: String = "SMART", validExchanges: String, industry: String? = nil, category: String? = nil) {
        cfi_code = ""
        self.symbol = symbol
        cusip = nil
        expiry_full = nil
        con_id = conid
        maturity_date = nil
        self.industry = industry
        instrument_type = "STK"
        trading_class = symbol
        valid_exchanges = validExchanges
        allow_sell_long = false
        is_zero_commission_security = false
        local_symbol = symbol
        contract_clarification_type = nil
        classifier = nil
        self.currency = currency
        text = nil
        underlying_con_id = 0
        r_t_h = true
        multiplier = nil
        underlying_issuer = nil
        contract_month = nil
        company_name = companyName
        smart_available = true
        self.exchange = exchange
        self.category = category
    }
}
