/// One account value, e.g. `NetLiquidation` (IB: ACCT_VALUE, id 6).
public struct AccountValue: WireMessage {
    public static let wireName: StaticString = "ACCT_VALUE"
    public var key: String
    /// The value as text: most are numbers, some are words.
    public var value: String
    public var currency: String
    public var accountName: String
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
    public var position: Quantity
    public var marketPrice: Double
    public var marketValue: Double
    public var averageCost: Double
    public var unrealizedPNL: Double?
    public var realizedPNL: Double?
    public var accountName: String
    public init(contract: Contract, position: Quantity, marketPrice: Double, marketValue: Double, averageCost: Double, unrealizedPNL: Double?, realizedPNL: Double?, accountName: String) {
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
    public var timeStamp: String
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
    public var account: String
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
    public var account: String
    /// The contract; this message carries the exchange and no primary exchange.
    public var contract: Contract
    public var position: Quantity
    public var avgCost: Double
    public init(account: String, contract: Contract, position: Quantity, avgCost: Double) {
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
    public var reqId: Int
    public var account: String
    public var tag: String
    public var value: String
    public var currency: String
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
    public var reqId: Int
    public var account: String
    public var modelCode: String
    public var key: String
    public var value: String
    public var currency: String
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
    public var reqId: Int
    public var dailyPnL: Double?
    public var unrealizedPnL: Double?
    public var realizedPnL: Double?
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
    public var reqId: Int
    public var position: Quantity?
    public var dailyPnL: Double?
    public var unrealizedPnL: Double?
    public var realizedPnL: Double?
    public var value: Double?
    public init(reqId: Int, position: Quantity?, dailyPnL: Double?, unrealizedPnL: Double?, realizedPnL: Double?, value: Double?) {
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
