/// The symbol search the trader is typing (`/`): the query, the gateway's matches for it, and
/// the one selected.
public struct SymbolSearch: Sendable, Hashable {
    /// What the trader typed.
    public var query: String
    /// The matches for `answeredQuery`, best first (the gateway's order).
    public var results: [SymbolSearchResult]
    /// The query the results answer (they may lag the typing by a pacing second).
    public var answeredQuery: String
    /// The selected result's index.
    public var selected: Int
    /// Why there are no results, when the gateway refused or found nothing.
    public var message: String?

    /// An empty search.
    public init(query: String = "") {
        self.query = query
        self.results = []
        self.answeredQuery = ""
        self.selected = 0
    }

    /// Whether the results answer what is typed now.
    public var isCurrent: Bool { answeredQuery == query }
}

/// One match of the gateway's symbol matcher (IB: reqMatchingSymbols).
public struct SymbolSearchResult: Sendable, Hashable {
    /// The symbol as the watchlist will show it: `AAPL`; `EUR.USD` for a currency pair; the
    /// root (`ES`) for a future, whose front month the app picks when it is chosen.
    public var symbol: String
    /// IB's security type (`STK`, `CASH`, `FUT`, `IND`, …).
    public var securityType: String
    /// The primary exchange, if IB gave one.
    public var exchange: String
    /// The currency.
    public var currency: String
    /// The company or instrument name.
    public var description: String
    /// IB's contract id of the match (0 when IB gave none).
    public var contractID: Int

    /// Creates a result.
    public init(symbol: String, securityType: String, exchange: String = "", currency: String = "USD",
                description: String = "", contractID: Int = 0) {
        self.symbol = symbol
        self.securityType = securityType
        self.exchange = exchange
        self.currency = currency
        self.description = description
        self.contractID = contractID
    }

    /// One line for the list: `AAPL  STK  NASDAQ  USD  APPLE INC`.
    public var line: String {
        [symbol, securityType, exchange, currency, description].filter { !$0.isEmpty }.joined(separator: "  ")
    }
}
