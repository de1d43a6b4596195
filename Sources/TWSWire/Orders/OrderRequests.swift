/// Cancels one order (IB: CANCEL_ORDER, id 4). The version field disappears at 192.
public struct CancelOrder: WireMessage {
    public static let wireName: StaticString = "CANCEL_ORDER"
    /// The client-side order id.
    public var orderId: Int
    /// When a manual cancel was made (server version 169+), usually empty.
    public var manualOrderCancelTime: String
    /// External operator id (CME tagging).
    public var extOperator: String
    /// CME manual-order indicator; `nil` when unset.
    public var manualOrderIndicator: Int?

    /// Creates the value from its fields.
    public init(orderId: Int, manualOrderCancelTime: String = "", extOperator: String = "", manualOrderIndicator: Int? = nil) {
        self.orderId = orderId
        self.manualOrderCancelTime = manualOrderCancelTime
        self.extOperator = extOperator
        self.manualOrderIndicator = manualOrderIndicator
    }

    public init(from r: inout FieldReader, serverVersion sv: Int) throws(WireDecodingError) {
        if sv < ServerVersion.cmeTaggingFields { try r.version() }
        orderId = try r.int("orderId")
        manualOrderCancelTime = sv >= ServerVersion.manualOrderTime ? try r.string("manualOrderCancelTime") : ""
        extOperator = ""
        manualOrderIndicator = nil
        if sv >= ServerVersion.rfqFields && sv < ServerVersion.undoRFQFields {
            try r.skip("rfqPlaceholder")
            try r.skip("rfqPlaceholder")
            try r.skip("rfqPlaceholder")
        }
        if sv >= ServerVersion.cmeTaggingFields {
            extOperator = try r.string("extOperator")
            manualOrderIndicator = try r.optionalInt("manualOrderIndicator")
        }
    }

    public func write(to w: inout FieldWriter, serverVersion sv: Int) {
        if sv < ServerVersion.cmeTaggingFields { w.int(1) }
        w.int(orderId)
        if sv >= ServerVersion.manualOrderTime { w.string(manualOrderCancelTime) }
        if sv >= ServerVersion.rfqFields && sv < ServerVersion.undoRFQFields {
            w.empty()
            w.empty()
            w.int(WireUnset.integer)
        }
        if sv >= ServerVersion.cmeTaggingFields {
            w.string(extOperator)
            w.int(manualOrderIndicator, unset: .sentinel)
        }
    }
}

/// Cancels every open order (IB: REQ_GLOBAL_CANCEL, id 58). The version field disappears at 192.
public struct RequestGlobalCancel: WireMessage {
    public static let wireName: StaticString = "REQ_GLOBAL_CANCEL"
    /// External operator id (CME tagging).
    public var extOperator: String
    /// CME manual-order indicator; `nil` when unset.
    public var manualOrderIndicator: Int?

    /// Creates the value from its fields.
    public init(extOperator: String = "", manualOrderIndicator: Int? = nil) {
        self.extOperator = extOperator
        self.manualOrderIndicator = manualOrderIndicator
    }

    public init(from r: inout FieldReader, serverVersion sv: Int) throws(WireDecodingError) {
        if sv < ServerVersion.cmeTaggingFields {
            try r.version()
            extOperator = ""
            manualOrderIndicator = nil
        } else {
            extOperator = try r.string("extOperator")
            manualOrderIndicator = try r.optionalInt("manualOrderIndicator")
        }
    }

    public func write(to w: inout FieldWriter, serverVersion sv: Int) {
        if sv < ServerVersion.cmeTaggingFields {
            w.int(1)
        } else {
            w.string(extOperator)
            w.int(manualOrderIndicator, unset: .sentinel)
        }
    }
}

/// Which executions REQ_EXECUTIONS returns (IB: `ExecutionFilter`); empty fields match all.
public struct ExecutionFilter: Hashable, Sendable, Codable {
    /// The API client id.
    public var clientId: Int = 0
    /// IB's `acctCode` field.
    public var acctCode: String = ""
    /// Executions after this time, `yyyymmdd hh:mm:ss`.
    public var time: String = ""
    /// IB's `symbol` field.
    public var symbol: String = ""
    /// IB's `secType` field.
    public var secType: String = ""
    /// Exchange or routing destination.
    public var exchange: String = ""
    /// `BUY` or `SELL`.
    public var side: String = ""
    /// The last N days (server version 200+).
    public var lastNDays: Int? = nil
    /// Specific dates, `yyyymmdd` (server version 200+).
    public var specificDates: [Int] = []
    /// Creates a filter that matches everything.
    public init() {}
}

/// Asks for today's executions matching a filter (IB: REQ_EXECUTIONS, id 7).
public struct RequestExecutions: WireMessage {
    public static let wireName: StaticString = "REQ_EXECUTIONS"
    /// The request (ticker) id this message belongs to.
    public var reqId: Int
    /// Which executions to return.
    public var filter: ExecutionFilter

    /// Creates the value from its fields.
    public init(reqId: Int, filter: ExecutionFilter = ExecutionFilter()) {
        self.reqId = reqId
        self.filter = filter
    }

    public init(from r: inout FieldReader, serverVersion sv: Int) throws(WireDecodingError) {
        try r.version()
        reqId = try r.int("reqId")
        var f = ExecutionFilter()
        f.clientId = try r.int("clientId")
        f.acctCode = try r.string("acctCode")
        f.time = try r.string("time")
        f.symbol = try r.string("symbol")
        f.secType = try r.string("secType")
        f.exchange = try r.string("exchange")
        f.side = try r.string("side")
        if sv >= ServerVersion.parametrizedDaysOfExecutions {
            f.lastNDays = try r.optionalInt("lastNDays")
            let count = try r.int("specificDatesCount")
            try r.checkCount(count, "specificDatesCount")
            for _ in 0..<count { f.specificDates.append(try r.int("specificDate")) }
        }
        filter = f
    }

    public func write(to w: inout FieldWriter, serverVersion sv: Int) {
        w.int(3)
        w.int(reqId)
        w.int(filter.clientId)
        w.string(filter.acctCode)
        w.string(filter.time)
        w.string(filter.symbol)
        w.string(filter.secType)
        w.string(filter.exchange)
        w.string(filter.side)
        if sv >= ServerVersion.parametrizedDaysOfExecutions {
            w.int(filter.lastNDays, unset: .sentinel)
            w.int(filter.specificDates.count)
            for date in filter.specificDates { w.int(date) }
        }
    }
}
