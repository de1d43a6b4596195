/// What a contract-details lookup told us about a symbol: enough to price and classify it.
///
/// IB: `contractDetails` (inbound 10). The app layer picks the primary listing and maps it here.
public struct ContractSummary: Sendable, Hashable, Codable {
    /// The symbol.
    public var symbol: String
    /// IB's contract id.
    public var contractID: Int
    /// The instrument class (from IB's security type).
    public var instrumentClass: InstrumentClass
    /// The minimum price increment.
    public var minimumTick: Double
    /// The primary exchange, if known.
    public var primaryExchange: String
    /// The currency.
    public var currency: String
    /// The long name (`Apple Inc`), if known.
    public var longName: String

    /// Creates a summary.
    /// The regular sessions (IB's `liquidHours`) and the zone they are written in
    /// (`timeZoneId`), as IB sent them; empty when unknown.
    public var regularHours = "", timeZoneID = ""

    public init(
        symbol: String, contractID: Int, instrumentClass: InstrumentClass = .stock,
        minimumTick: Double = 0.01, primaryExchange: String = "", currency: String = "USD", longName: String = ""
    ) {
        self.symbol = symbol
        self.contractID = contractID
        self.instrumentClass = instrumentClass
        self.minimumTick = minimumTick
        self.primaryExchange = primaryExchange
        self.currency = currency
        self.longName = longName
    }
}
