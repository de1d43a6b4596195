/// An instrument as the TWS API describes it (IB: `Contract`).
///
/// Field names follow IB's so that anyone who knows the API reads them at once. Only
/// ``conId`` identifies a contract uniquely; the other fields describe or look it up.
public struct Contract: Hashable, Sendable, Codable {
    /// IB's unique contract id; 0 when unknown.
    public var conId: Int = 0
    /// The underlying symbol, e.g. `AAPL`, `EUR`, `ES`.
    public var symbol: String = ""
    /// Security type: `STK`, `CASH`, `FUT`, `OPT`, `IND`, `BAG`, ...
    public var secType: String = ""
    /// Expiry as `YYYYMM` or `YYYYMMDD` (futures and options).
    public var lastTradeDateOrContractMonth: String = ""
    /// The last trade date on its own (contract details from server version 182).
    public var lastTradeDate: String = ""
    /// Option strike; 0 for instruments without one.
    public var strike: Double = 0
    /// `C` or `P` for options; TWS writes `?` for "none" in some messages.
    public var right: String = ""
    /// Contract multiplier as text, e.g. `50`.
    public var multiplier: String = ""
    /// Routing destination, e.g. `SMART`, `IDEALPRO`, `CME`.
    public var exchange: String = ""
    /// The listing exchange, e.g. `NASDAQ`.
    public var primaryExchange: String = ""
    /// Currency, e.g. `USD`.
    public var currency: String = ""
    /// The exchange's own symbol, e.g. `ESZ5`.
    public var localSymbol: String = ""
    /// Trading class, e.g. `NMS`, `ES`.
    public var tradingClass: String = ""
    /// Whether expired contracts are included (contract-details requests).
    public var includeExpired: Bool = false
    /// Security id type, e.g. `ISIN`.
    public var secIdType: String = ""
    /// Security id of ``secIdType``.
    public var secId: String = ""
    /// Bond issuer id (contract-details requests from server version 176).
    public var issuerId: String = ""
    /// Combo description (orders).
    public var comboLegsDescrip: String = ""
    /// Combo legs for `BAG` contracts.
    public var comboLegs: [ComboLeg] = []
    /// The delta-neutral hedge contract, when there is one.
    public var deltaNeutralContract: DeltaNeutralContract? = nil

    /// Creates an empty contract.
    public init() {}

    /// Creates a contract from its usual describing fields.
    public init(
        conId: Int = 0, symbol: String, secType: String = "STK", exchange: String = "SMART",
        primaryExchange: String = "", currency: String = "USD",
        lastTradeDateOrContractMonth: String = "", localSymbol: String = "", tradingClass: String = "",
        multiplier: String = ""
    ) {
        self.conId = conId
        self.symbol = symbol
        self.secType = secType
        self.exchange = exchange
        self.primaryExchange = primaryExchange
        self.currency = currency
        self.lastTradeDateOrContractMonth = lastTradeDateOrContractMonth
        self.localSymbol = localSymbol
        self.tradingClass = tradingClass
        self.multiplier = multiplier
    }
}

/// One leg of a combo (`BAG`) contract (IB: `ComboLeg`).
public struct ComboLeg: Hashable, Sendable, Codable {
    /// IB's contract id.
    public var conId: Int = 0
    /// IB's `ratio` field.
    public var ratio: Int = 0
    /// `BUY` or `SELL`.
    public var action: String = ""
    /// Exchange or routing destination.
    public var exchange: String = ""
    /// 0 same as parent, 1 open, 2 close, 3 unknown.
    public var openClose: Int = 0
    /// IB's `shortSaleSlot` field.
    public var shortSaleSlot: Int = 0
    /// IB's `designatedLocation` field.
    public var designatedLocation: String = ""
    /// IB's `exemptCode` field.
    public var exemptCode: Int = -1
    /// Creates an empty leg.
    public init() {}
}

/// The hedge contract of a delta-neutral order (IB: `DeltaNeutralContract`).
public struct DeltaNeutralContract: Hashable, Sendable, Codable {
    /// IB's contract id.
    public var conId: Int = 0
    /// Delta.
    public var delta: Double = 0
    /// The price.
    public var price: Double = 0
    /// Creates a delta-neutral contract.
    public init(conId: Int = 0, delta: Double = 0, price: Double = 0) {
        self.conId = conId
        self.delta = delta
        self.price = price
    }
}

/// A tag/value pair (IB: `TagValue`), used for algo parameters and options.
public struct TagValue: Hashable, Sendable, Codable {
    /// The tag (key).
    public var tag: String
    /// The value, as IB sends it.
    public var value: String
    /// Creates a pair.
    public init(tag: String, value: String) {
        self.tag = tag
        self.value = value
    }
}
