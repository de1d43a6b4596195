/// One element of `GET|POST /iserver/secdef/search?symbol=…`: an underlying that matched, with
/// the kinds of instrument listed on it.
///
/// Shape (https://www.interactivebrokers.com/campus/ibkr-api-page/webapi-doc/#finding-options-chains):
/// `{"conid":"265598","companyHeader":"APPLE INC - NASDAQ","companyName":"APPLE INC","symbol":"AAPL",
///   "description":"NASDAQ","restricted":null,"sections":[{"secType":"STK"},
///   {"secType":"OPT","months":"OCT24;NOV24;…","exchange":"SMART;AM…"}]}`.
/// Note `conid` is a **string** here, unlike everywhere else.
public struct SecDefSearchResult: Codable, Sendable, Equatable {
    /// The contract id, as a string.
    public var conid: String
    /// `NAME - EXCHANGE`.
    public var companyHeader: String?
    /// The company's name.
    public var companyName: String
    /// The symbol.
    public var symbol: String
    /// The primary exchange.
    public var description: String?
    /// A restriction note, or null.
    public var restricted: String?
    /// The kinds of instrument found on this underlying.
    public var sections: [Section]

    /// A search result.
    public init(conid: String, companyHeader: String?, companyName: String, symbol: String, description: String?, restricted: String? = nil, sections: [Section]) {
        self.conid = conid
        self.companyHeader = companyHeader
        self.companyName = companyName
        self.symbol = symbol
        self.description = description
        self.restricted = restricted
        self.sections = sections
    }

    /// One kind of instrument on the underlying.
    public struct Section: Codable, Sendable, Equatable {
        /// `STK`, `OPT`, `FUT`, `FOP`, `IND`, …
        public var secType: String
        /// Derivatives' contract months, `;`-separated.
        public var months: String?
        /// Exchanges, `;`-separated.
        public var exchange: String?

        /// A section.
        public init(secType: String, months: String? = nil, exchange: String? = nil) {
            self.secType = secType
            self.months = months
            self.exchange = exchange
        }
    }
}
