import Vocabulary

/// Progress of an order (IB: ORDER_STATUS, id 3). TWS may repeat identical statuses.
public struct OrderStatusMessage: WireMessage {
    public static let wireName: StaticString = "ORDER_STATUS"
    /// The client-side order id.
    public var orderId: Int
    /// `PendingSubmit`, `PreSubmitted`, `Submitted`, `Filled`, `Cancelled`, `Inactive`, ...
    public var status: String
    /// IB's `filled` field.
    public var filled: FixedDecimal
    /// IB's `remaining` field.
    public var remaining: FixedDecimal
    /// Volume-weighted average price of the fills so far.
    public var avgFillPrice: Double
    /// TWS's permanent order id.
    public var permId: Int
    /// IB's `parentId` field.
    public var parentId: Int
    /// IB's `lastFillPrice` field.
    public var lastFillPrice: Double
    /// The API client id.
    public var clientId: Int
    /// Why the order is held, e.g. `locate`.
    public var whyHeld: String
    /// IB's `mktCapPrice` field.
    public var mktCapPrice: Double

    /// Creates the value from its fields.
    public init(orderId: Int, status: String, filled: FixedDecimal, remaining: FixedDecimal, avgFillPrice: Double, permId: Int, parentId: Int = 0, lastFillPrice: Double, clientId: Int, whyHeld: String = "", mktCapPrice: Double = 0) {
        self.orderId = orderId
        self.status = status
        self.filled = filled
        self.remaining = remaining
        self.avgFillPrice = avgFillPrice
        self.permId = permId
        self.parentId = parentId
        self.lastFillPrice = lastFillPrice
        self.clientId = clientId
        self.whyHeld = whyHeld
        self.mktCapPrice = mktCapPrice
    }

    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        orderId = try r.int("orderId")
        status = try r.string("status")
        filled = try r.quantity("filled")
        remaining = try r.quantity("remaining")
        avgFillPrice = try r.double("avgFillPrice")
        permId = try r.int("permId")
        parentId = try r.int("parentId")
        lastFillPrice = try r.double("lastFillPrice")
        clientId = try r.int("clientId")
        whyHeld = try r.string("whyHeld")
        mktCapPrice = try r.double("mktCapPrice")
    }

    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(orderId)
        w.string(status)
        w.quantity(filled)
        w.quantity(remaining)
        w.double(avgFillPrice)
        w.int(permId)
        w.int(parentId)
        w.double(lastFillPrice)
        w.int(clientId)
        w.string(whyHeld)
        w.double(mktCapPrice)
    }
}

/// One fill, live (reqId -1) or answering REQ_EXECUTIONS (IB: EXECUTION_DATA, id 11).
public struct ExecutionData: WireMessage {
    public static let wireName: StaticString = "EXECUTION_DATA"
    /// The request (ticker) id this message belongs to.
    public var reqId: Int
    /// The contract concerned.
    public var contract: Contract
    /// The fill.
    public var execution: Execution

    /// Creates the value from its fields.
    public init(reqId: Int, contract: Contract, execution: Execution) {
        self.reqId = reqId
        self.contract = contract
        self.execution = execution
    }

    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        reqId = try r.int("reqId")
        var e = Execution()
        e.orderId = try r.int("orderId")
        var c = Contract()
        try r.eventContract(into: &c)
        contract = c
        e.execId = try r.string("execId")
        e.time = try r.string("time")
        e.acctNumber = try r.string("acctNumber")
        e.exchange = try r.string("exchange")
        e.side = try r.string("side")
        e.shares = try r.quantity("shares")
        e.price = try r.double("price")
        e.permId = try r.int("permId")
        e.clientId = try r.int("clientId")
        e.liquidation = try r.int("liquidation")
        e.cumQty = try r.quantity("cumQty")
        e.avgPrice = try r.double("avgPrice")
        e.orderRef = try r.string("orderRef")
        e.evRule = try r.string("evRule")
        e.evMultiplier = try r.optionalDouble("evMultiplier")
        e.modelCode = try r.string("modelCode")
        e.lastLiquidity = try r.int("lastLiquidity")
        if serverVersion >= ServerVersion.pendingPriceRevision { e.pendingPriceRevision = try r.bool("pendingPriceRevision") }
        if serverVersion >= ServerVersion.submitter { e.submitter = try r.string("submitter") }
        execution = e
    }

    public func write(to w: inout FieldWriter, serverVersion: Int) {
        let e = execution
        w.int(reqId)
        w.int(e.orderId)
        w.eventContract(contract)
        w.string(e.execId)
        w.string(e.time)
        w.string(e.acctNumber)
        w.string(e.exchange)
        w.string(e.side)
        w.quantity(e.shares)
        w.double(e.price)
        w.int(e.permId)
        w.int(e.clientId)
        w.int(e.liquidation)
        w.quantity(e.cumQty)
        w.double(e.avgPrice)
        w.string(e.orderRef)
        w.string(e.evRule)
        w.double(e.evMultiplier, unset: .empty)
        w.string(e.modelCode)
        w.int(e.lastLiquidity)
        if serverVersion >= ServerVersion.pendingPriceRevision { w.bool(e.pendingPriceRevision) }
        if serverVersion >= ServerVersion.submitter { w.string(e.submitter) }
    }
}

/// The commission of one execution (IB: COMMISSION_REPORT, now COMMISSION_AND_FEES_REPORT, id 59).
public struct CommissionReport: WireMessage {
    public static let wireName: StaticString = "COMMISSION_REPORT"
    /// IB's execution id.
    public var execId: String
    /// Commission and fees.
    public var commission: Double
    /// Currency, e.g. `USD`.
    public var currency: String
    /// Realized P&L of the execution or position; `nil` when unknown.
    public var realizedPNL: Double?
    /// Yield (bonds).
    public var yield: Double?
    /// `yyyymmdd`, bonds only.
    public var yieldRedemptionDate: Int?

    /// Creates the value from its fields.
    public init(execId: String, commission: Double, currency: String, realizedPNL: Double?, yield: Double? = nil, yieldRedemptionDate: Int? = nil) {
        self.execId = execId
        self.commission = commission
        self.currency = currency
        self.realizedPNL = realizedPNL
        self.yield = yield
        self.yieldRedemptionDate = yieldRedemptionDate
    }

    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        try r.version()
        execId = try r.string("execId")
        commission = try r.double("commission")
        currency = try r.string("currency")
        realizedPNL = try r.optionalDouble("realizedPNL")
        yield = try r.optionalDouble("yield")
        yieldRedemptionDate = try r.optionalInt("yieldRedemptionDate")
    }

    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(1)
        w.string(execId)
        w.double(commission)
        w.string(currency)
        w.double(realizedPNL, unset: .sentinel)
        w.double(yield, unset: .sentinel)
        w.int(yieldRedemptionDate, unset: .empty)
    }
}

/// Binds an order placed outside the API to an API order id (IB: ORDER_BOUND, id 100).
public struct OrderBound: WireMessage {
    public static let wireName: StaticString = "ORDER_BOUND"
    /// TWS's permanent order id.
    public var permId: Int
    /// The API client id.
    public var clientId: Int
    /// The client-side order id.
    public var orderId: Int
    /// Creates the value from its fields.
    public init(permId: Int, clientId: Int, orderId: Int) {
        self.permId = permId
        self.clientId = clientId
        self.orderId = orderId
    }
    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        permId = try r.int("permId")
        clientId = try r.int("clientId")
        orderId = try r.int("orderId")
    }
    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(permId)
        w.int(clientId)
        w.int(orderId)
    }
}
