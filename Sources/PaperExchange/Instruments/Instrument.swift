import Vocabulary

/// One tradable contract of the paper market, described in IB's terms.
///
/// Field names follow IB's `Contract` and `ContractDetails` so the server can fill
/// CONTRACT_DATA and the contract blocks of other messages directly.
public struct Instrument: Sendable, Hashable, Codable, Identifiable {
    /// IB's contract id (`conId`): the real one where known, else a made-up id of 900000 or more.
    public var conId: Int
    /// The underlying symbol, e.g. `AAPL`, `EUR` (for EUR.USD) or `ES`.
    public var symbol: String
    /// The kind of instrument (`secType`).
    public var secType: SecurityType
    /// The routing exchange: `SMART` for stocks, `IDEALPRO` for FX, `CME` for the futures.
    public var exchange: String
    /// The listing exchange (`primaryExchange`), e.g. `NASDAQ`, `NYSE`, `ARCA`.
    public var primaryExchange: String
    /// The currency prices are quoted in.
    public var currency: String
    /// The exchange's own symbol (`localSymbol`), e.g. `EUR.USD` or `ESH6`.
    public var localSymbol: String
    /// The trading class, e.g. `NMS` for NASDAQ stocks or `ES` for the E-mini.
    public var tradingClass: String
    /// The smallest price increment (`minTick`).
    public var minTick: FixedDecimal
    /// Units per contract (`multiplier`): 1 for stocks and FX, 50 for ES, 20 for NQ.
    public var multiplier: Int
    /// The descriptive name (`longName`), e.g. `APPLE INC`.
    public var longName: String
    /// The expiry (`lastTradeDateOrContractMonth`, `YYYYMMDD`) of a future; empty otherwise.
    public var lastTradeDateOrContractMonth: String
    /// The previous session's close: where the simulated walk starts and the `close` tick.
    public var referencePrice: FixedDecimal
    /// Annualised volatility of the simulated walk, e.g. `0.30`.
    public var volatility: Double
    /// IB's industry (`Technology`, `Financial`, `Funds`), when the data file gives one.
    public var industry: String?
    /// IB's category within the industry (`Semiconductors`, `Banks`), when given.
    public var category: String?

    /// The contract id, as the `Identifiable` id.
    public var id: Int { conId }

    /// Creates an instrument.
    public init(
        conId: Int, symbol: String, secType: SecurityType, exchange: String,
        primaryExchange: String, currency: String, localSymbol: String, tradingClass: String,
        minTick: FixedDecimal, multiplier: Int, longName: String,
        lastTradeDateOrContractMonth: String, referencePrice: FixedDecimal, volatility: Double,
        industry: String? = nil, category: String? = nil
    ) {
        self.industry = industry
        self.category = category
        self.conId = conId
        self.symbol = symbol
        self.secType = secType
        self.exchange = exchange
        self.primaryExchange = primaryExchange
        self.currency = currency
        self.localSymbol = localSymbol
        self.tradingClass = tradingClass
        self.minTick = minTick
        self.multiplier = multiplier
        self.longName = longName
        self.lastTradeDateOrContractMonth = lastTradeDateOrContractMonth
        self.referencePrice = referencePrice
        self.volatility = volatility
    }

    /// A price's position on this instrument's tick grid, or `nil` when it is off the grid.
    public func ticks(of price: FixedDecimal) -> Int64? {
        price.count(of: minTick)
    }

    /// The price `ticks` minimum increments above zero.
    public func price(ticks: Int64) -> FixedDecimal {
        FixedDecimal(raw: ticks * minTick.raw)
    }

    /// The base currency of an FX pair (`EUR` for EUR.USD); the symbol otherwise.
    public var baseCurrency: String { symbol }
}

extension Instrument {
    /// The venues SMART routes US stocks to: contract details list them in `validExchanges`,
    /// and a stock request naming any of them resolves (and is echoed as named).
    public static let stockVenues = [
        "SMART", "AMEX", "NYSE", "ARCA", "BATS", "BEX", "BYX", "EDGEA", "EDGX", "IEX", "ISLAND", "MEMX", "NASDAQ", "PEARL", "LTSE", "IBKRATS",
    ]
}
