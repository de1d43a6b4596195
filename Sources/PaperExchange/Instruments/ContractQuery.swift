/// What a client asks for when it names a contract (reqContractDetails, reqMktData,
/// placeOrder): any subset of IB's contract fields, resolved against the universe.
///
/// Empty strings and a `conId` of 0 mean "not given", as on the wire.
public struct ContractQuery: Sendable, Hashable, Codable {
    /// IB's contract id, or 0.
    public var conId: Int
    /// The symbol, or empty.
    public var symbol: String
    /// IB's `secType` code (`STK`, `CASH`, `FUT`), or empty.
    public var secType: String
    /// The exchange (`SMART`, `IDEALPRO`, `CME`, or a listing exchange), or empty.
    public var exchange: String
    /// The listing exchange, or empty.
    public var primaryExchange: String
    /// The currency, or empty.
    public var currency: String
    /// The local symbol, or empty.
    public var localSymbol: String
    /// A futures expiry as `YYYYMM` or `YYYYMMDD`, or empty.
    public var lastTradeDateOrContractMonth: String

    /// Creates a query; every field defaults to "not given".
    public init(
        conId: Int = 0, symbol: String = "", secType: String = "", exchange: String = "",
        primaryExchange: String = "", currency: String = "", localSymbol: String = "",
        lastTradeDateOrContractMonth: String = ""
    ) {
        self.conId = conId
        self.symbol = symbol
        self.secType = secType
        self.exchange = exchange
        self.primaryExchange = primaryExchange
        self.currency = currency
        self.localSymbol = localSymbol
        self.lastTradeDateOrContractMonth = lastTradeDateOrContractMonth
    }

    /// Whether `instrument` satisfies every field this query gives (case-insensitive).
    ///
    /// `SMART` matches any stock; an exchange also matches the instrument's listing exchange;
    /// an expiry matches by prefix, so `202603` finds `20260320`.
    public func matches(_ instrument: Instrument) -> Bool {
        if conId != 0, conId != instrument.conId { return false }
        if !symbol.isEmpty, !same(symbol, instrument.symbol), !same(symbol, instrument.localSymbol) {
            return false
        }
        if !secType.isEmpty, !same(secType, instrument.secType.rawValue) { return false }
        if !currency.isEmpty, !same(currency, instrument.currency) { return false }
        if !localSymbol.isEmpty, !same(localSymbol, instrument.localSymbol) { return false }
        if !exchange.isEmpty, !same(exchange, instrument.exchange),
           !same(exchange, instrument.primaryExchange),
           !(instrument.secType == .stock && Instrument.stockVenues.contains(exchange.uppercased())) {
            return false
        }
        if !primaryExchange.isEmpty, !same(primaryExchange, instrument.primaryExchange) { return false }
        if !lastTradeDateOrContractMonth.isEmpty,
           !instrument.lastTradeDateOrContractMonth.hasPrefix(lastTradeDateOrContractMonth) {
            return false
        }
        return true
    }

    private func same(_ a: String, _ b: String) -> Bool {
        a.uppercased() == b.uppercased()
    }
}
