/// Subscribes to (or stops) one account's values and portfolio (IB: REQ_ACCT_DATA, id 6).
public struct RequestAccountUpdates: WireMessage {
    public static let wireName: StaticString = "REQ_ACCT_DATA"
    /// `true` to start, `false` to stop.
    public var subscribe: Bool
    /// The account id, e.g. `DU1234567`.
    public var account: String
    /// Creates the value from its fields.
    public init(subscribe: Bool, account: String) {
        self.subscribe = subscribe
        self.account = account
    }
    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        try r.version()
        subscribe = try r.bool("subscribe")
        account = try r.string("acctCode")
    }
    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(2)
        w.bool(subscribe)
        w.string(account)
    }
}

/// Subscribes to account-summary tags (IB: REQ_ACCOUNT_SUMMARY, id 62).
public struct RequestAccountSummary: WireMessage {
    public static let wireName: StaticString = "REQ_ACCOUNT_SUMMARY"
    /// The request (ticker) id this message belongs to.
    public var reqId: Int
    /// `All`, or an advisor group.
    public var groupName: String
    /// Comma-separated tags, e.g. `NetLiquidation,BuyingPower`.
    public var tags: String
    /// Creates the value from its fields.
    public init(reqId: Int, groupName: String = "All", tags: String) {
        self.reqId = reqId
        self.groupName = groupName
        self.tags = tags
    }
    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        try r.version()
        reqId = try r.int("reqId")
        groupName = try r.string("groupName")
        tags = try r.string("tags")
    }
    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(1)
        w.int(reqId)
        w.string(groupName)
        w.string(tags)
    }
}

/// Subscribes to account values by account and model (IB: REQ_ACCOUNT_UPDATES_MULTI, id 76).
public struct RequestAccountUpdatesMulti: WireMessage {
    public static let wireName: StaticString = "REQ_ACCOUNT_UPDATES_MULTI"
    /// The request (ticker) id this message belongs to.
    public var reqId: Int
    /// The account id, e.g. `DU1234567`.
    public var account: String
    /// Advisor model code; empty for none.
    public var modelCode: String
    /// Whether to include ledger and net liquidation only.
    public var ledgerAndNLV: Bool
    /// Creates the value from its fields.
    public init(reqId: Int, account: String, modelCode: String = "", ledgerAndNLV: Bool = false) {
        self.reqId = reqId
        self.account = account
        self.modelCode = modelCode
        self.ledgerAndNLV = ledgerAndNLV
    }
    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        try r.version()
        reqId = try r.int("reqId")
        account = try r.string("account")
        modelCode = try r.string("modelCode")
        ledgerAndNLV = try r.bool("ledgerAndNLV")
    }
    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(1)
        w.int(reqId)
        w.string(account)
        w.string(modelCode)
        w.bool(ledgerAndNLV)
    }
}

/// Subscribes to an account's daily P&L (IB: REQ_PNL, id 92).
public struct RequestPnL: WireMessage {
    public static let wireName: StaticString = "REQ_PNL"
    /// The request (ticker) id this message belongs to.
    public var reqId: Int
    /// The account id, e.g. `DU1234567`.
    public var account: String
    /// Advisor model code; empty for none.
    public var modelCode: String
    /// Creates the value from its fields.
    public init(reqId: Int, account: String, modelCode: String = "") {
        self.reqId = reqId
        self.account = account
        self.modelCode = modelCode
    }
    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        reqId = try r.int("reqId")
        account = try r.string("account")
        modelCode = try r.string("modelCode")
    }
    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(reqId)
        w.string(account)
        w.string(modelCode)
    }
}

/// Subscribes to one position's daily P&L (IB: REQ_PNL_SINGLE, id 94).
public struct RequestPnLSingle: WireMessage {
    public static let wireName: StaticString = "REQ_PNL_SINGLE"
    /// The request (ticker) id this message belongs to.
    public var reqId: Int
    /// The account id, e.g. `DU1234567`.
    public var account: String
    /// Advisor model code; empty for none.
    public var modelCode: String
    /// IB's contract id.
    public var conId: Int
    /// Creates the value from its fields.
    public init(reqId: Int, account: String, modelCode: String = "", conId: Int) {
        self.reqId = reqId
        self.account = account
        self.modelCode = modelCode
        self.conId = conId
    }
    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        reqId = try r.int("reqId")
        account = try r.string("account")
        modelCode = try r.string("modelCode")
        conId = try r.int("conId")
    }
    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(reqId)
        w.string(account)
        w.string(modelCode)
        w.int(conId)
    }
}
