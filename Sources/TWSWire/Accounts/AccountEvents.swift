import Vocabulary

/// One account value, e.g. `NetLiquidation` (IB: ACCT_VALUE, id 6).
public struct AccountValue: WireMessage {
    public static let wireName: StaticString = "ACCT_VALUE"
    /// The value's name, e.g. `NetLiquidation`.
    public var key: String
    /// The value as text: most are numbers, some are words.
    public var value: String
    /// Currency, e.g. `USD`.
    public var currency: String
    /// The account id, e.g. `DU1234567`.
    public var accountName: String
    /// Creates the value from its fields.
    public init(key: String, value: String, currency: String, accountName: String) {
        self.key = key
        self.value = value
        self.currency = currency
        self.accountName = accountName
    }
    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        try r.version()
        key = try r.string("key")
        value = try r.string("value")
        currency = try r.string("currency")
        accountName = try r.string("accountName")
    }
    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(2)
        w.string(key)
        w.string(value)
        w.string(currency)
        w.string(accountName)
    }
}

/// One position with its market value and P&L (IB: PORTFOLIO_VALUE, id 7).
public struct PortfolioValue: WireMessage {
    public static let wireName: StaticString = "PORTFOLIO_VALUE"
    /// The contract; this message carries the primary exchange and no exchange.
    public var contract: Contract
    /// The position size (negative for short).
    public var position: FixedDecimal
    /// Current price.
    public var marketPrice: Double
    /// Current value.
    public var marketValue: Double
    /// Average cost per unit.
    public var averageCost: Double
    /// Unrealized P&L; `nil` when unknown.
    public var unrealizedPNL: Double?
    /// Realized P&L of the execution or position; `nil` when unknown.
    public var realizedPNL: Double?
    /// The account id, e.g. `DU1234567`.
    public var accountName: String
    /// Creates the value from its fields.
    public init(contract: Contract, position: FixedDecimal, marketPrice: Double, marketValue: Double, averageCost: Double, unrealizedPNL: Double?, realizedPNL: Double?, accountName: String) {
        self.contract = contract
        self.position = position
        self.marketPrice = marketPrice
        self.marketValue = marketValue
        self.averageCost = averageCost
        self.unrealizedPNL = unrealizedPNL
        self.realizedPNL = realizedPNL
        self.accountName = accountName
    }
    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        try r.version()
        var c = Contract()
        c.conId = try r.int("conId")
        c.symbol = try r.string("symbol")
        c.secType = try r.string("secType")
        c.lastTradeDateOrContractMonth = try r.string("lastTradeDateOrContractMonth")
        c.strike = try r.double("strike")
        c.right = try r.string("right")
        c.multiplier = try r.string("multiplier")
        c.primaryExchange = try r.string("primaryExchange")
        c.currency = try r.string("currency")
        c.localSymbol = try r.string("localSymbol")
        c.tradingClass = try r.string("tradingClass")
        contract = c
        position = try r.quantity("position")
        marketPrice = try r.double("marketPrice")
        marketValue = try r.double("marketValue")
        averageCost = try r.double("averageCost")
        unrealizedPNL = try r.optionalDouble("unrealizedPNL")
        realizedPNL = try r.optionalDouble("realizedPNL")
        accountName = try r.string("accountName")
    }
    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(8)
        w.int(contract.conId)
        w.string(contract.symbol)
        w.string(contract.secType)
        w.string(contract.lastTradeDateOrContractMonth)
        w.double(contract.strike)
        w.string(contract.right)
        w.string(contract.multiplier)
        w.string(contract.primaryExchange)
        w.string(contract.currency)
        w.string(contract.localSymbol)
        w.string(contract.tradingClass)
        w.quantity(position)
        w.double(marketPrice)
        w.double(marketValue)
        w.double(averageCost)
        w.double(unrealizedPNL, unset: .sentinel)
        w.double(realizedPNL, unset: .sentinel)
        w.string(accountName)
    }
}

/// The time of the last account update, `HH:MM` (IB: ACCT_UPDATE_TIME, id 8).
public struct AccountUpdateTime: WireMessage {
    public static let wireName: StaticString = "ACCT_UPDATE_TIME"
    /// Time of the update, `HH:MM`.
    public var timeStamp: String
    /// Creates the value from its fields.
    public init(timeStamp: String) { self.timeStamp = timeStamp }
    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        try r.version()
        timeStamp = try r.string("timeStamp")
    }
    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(1)
        w.string(timeStamp)
    }
}

/// The end of an account download (IB: ACCT_DOWNLOAD_END, id 54).
public struct AccountDownloadEnd: WireMessage {
    public static let wireName: StaticString = "ACCT_DOWNLOAD_END"
    /// The account id, e.g. `DU1234567`.
    public var account: String
    /// Creates the value from its fields.
    public init(account: String) { self.account = account }
    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        try r.version()
        account = try r.string("accountName")
    }
    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(1)
        w.string(account)
    }
}

/// One position (IB: POSITION_DATA, id 61).
public struct PositionData: WireMessage {
    public static let wireName: StaticString = "POSITION_DATA"
    /// The account id, e.g. `DU1234567`.
    public var account: String
    /// The contract; this message carries the exchange and no primary exchange.
    public var contract: Contract
    /// The position size (negative for short).
    public var position: FixedDecimal
    /// Average cost per unit.
    public var avgCost: Double
    /// Creates the value from its fields.
    public init(account: String, contract: Contract, position: FixedDecimal, avgCost: Double) {
        self.account = account
        self.contract = contract
        self.position = position
        self.avgCost = avgCost
    }
    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        try r.version()
        account = try r.string("account")
        var c = Contract()
        try r.eventContract(into: &c)
        contract = c
        position = try r.quantity("position")
        avgCost = try r.double("avgCost")
    }
    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(3)
        w.string(account)
        w.eventContract(contract)
        w.quantity(position)
        w.double(avgCost)
    }
}

/// One value of an account summary (IB: ACCOUNT_SUMMARY, id 63).
public struct AccountSummary: WireMessage {
    public static let wireName: StaticString = "ACCOUNT_SUMMARY"
    /// The request (ticker) id this message belongs to.
    public var reqId: Int
    /// The account id, e.g. `DU1234567`.
    public var account: String
    /// The tag (key).
    public var tag: String
    /// The value, as IB sends it.
    public var value: String
    /// Currency, e.g. `USD`.
    public var currency: String
    /// Creates the value from its fields.
    public init(reqId: Int, account: String, tag: String, value: String, currency: String) {
        self.reqId = reqId
        self.account = account
        self.tag = tag
        self.value = value
        self.currency = currency
    }
    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        try r.version()
        reqId = try r.int("reqId")
        account = try r.string("account")
        tag = try r.string("tag")
        value = try r.string("value")
        currency = try r.string("currency")
    }
    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(1)
        w.int(reqId)
        w.string(account)
        w.string(tag)
        w.string(value)
        w.string(currency)
    }
}

/// One account value of a multi-account subscription (IB: ACCOUNT_UPDATE_MULTI, id 73).
public struct AccountUpdateMulti: WireMessage {
    public static let wireName: StaticString = "ACCOUNT_UPDATE_MULTI"
    /// The request (ticker) id this message belongs to.
    public var reqId: Int
    /// The account id, e.g. `DU1234567`.
    public var account: String
    /// Advisor model code; empty for none.
    public var modelCode: String
    /// The value's name, e.g. `NetLiquidation`.
    public var key: String
    /// The value, as IB sends it.
    public var value: String
    /// Currency, e.g. `USD`.
    public var currency: String
    /// Creates the value from its fields.
    public init(reqId: Int, account: String, modelCode: String, key: String, value: String, currency: String) {
        self.reqId = reqId
        self.account = account
        self.modelCode = modelCode
        self.key = key
        self.value = value
        self.currency = currency
    }
    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        try r.version()
        reqId = try r.int("reqId")
        account = try r.string("account")
        modelCode = try r.string("modelCode")
        key = try r.string("key")
        value = try r.string("value")
        currency = try r.string("currency")
    }
    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(1)
        w.int(reqId)
        w.string(account)
        w.string(modelCode)
        w.string(key)
        w.string(value)
        w.string(currency)
    }
}

/// Daily, unrealized and realized P&L of an account (IB: PNL, id 94).
public struct PnL: WireMessage {
    public static let wireName: StaticString = "PNL"
    /// The request (ticker) id this message belongs to.
    public var reqId: Int
    /// P&L since the start of the trading day; `nil` when unknown.
    public var dailyPnL: Double?
    /// Unrealized P&L; `nil` when unknown.
    public var unrealizedPnL: Double?
    /// Realized P&L; `nil` when unknown.
    public var realizedPnL: Double?
    /// Creates the value from its fields.
    public init(reqId: Int, dailyPnL: Double?, unrealizedPnL: Double?, realizedPnL: Double?) {
        self.reqId = reqId
        self.dailyPnL = dailyPnL
        self.unrealizedPnL = unrealizedPnL
        self.realizedPnL = realizedPnL
    }
    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        reqId = try r.int("reqId")
        dailyPnL = try r.optionalDouble("dailyPnL")
        unrealizedPnL = try r.optionalDouble("unrealizedPnL")
        realizedPnL = try r.optionalDouble("realizedPnL")
    }
    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(reqId)
        w.double(dailyPnL, unset: .sentinel)
        w.double(unrealizedPnL, unset: .sentinel)
        w.double(realizedPnL, unset: .sentinel)
    }
}

/// P&L of one position (IB: PNL_SINGLE, id 95).
public struct PnLSingle: WireMessage {
    public static let wireName: StaticString = "PNL_SINGLE"
    /// The request (ticker) id this message belongs to.
    public var reqId: Int
    /// The position size (negative for short).
    public var position: FixedDecimal?
    /// P&L since the start of the trading day; `nil` when unknown.
    public var dailyPnL: Double?
    /// Unrealized P&L; `nil` when unknown.
    public var unrealizedPnL: Double?
    /// Realized P&L; `nil` when unknown.
    public var realizedPnL: Double?
    /// The value, as IB sends it.
    public var value: Double?
    /// Creates the value from its fields.
    public init(reqId: Int, position: FixedDecimal?, dailyPnL: Double?, unrealizedPnL: Double?, realizedPnL: Double?, value: Double?) {
        self.reqId = reqId
        self.position = position
        self.dailyPnL = dailyPnL
        self.unrealizedPnL = unrealizedPnL
        self.realizedPnL = realizedPnL
        self.value = value
    }
    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        reqId = try r.int("reqId")
        position = try r.optionalQuantity("pos")
        dailyPnL = try r.optionalDouble("dailyPnL")
        unrealizedPnL = try r.optionalDouble("unrealizedPnL")
        realizedPnL = try r.optionalDouble("realizedPnL")
        value = try r.optionalDouble("value")
    }
    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(reqId)
        w.quantity(position)
        w.double(dailyPnL, unset: .sentinel)
        w.double(unrealizedPnL, unset: .sentinel)
        w.double(realizedPnL, unset: .sentinel)
        w.double(value, unset: .sentinel)
    }
}
