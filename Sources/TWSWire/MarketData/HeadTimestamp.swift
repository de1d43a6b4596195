/// Asks for the earliest date with data of a kind for a contract (IB: REQ_HEAD_TIMESTAMP, id 87).
public struct RequestHeadTimestamp: WireMessage {
    public static let wireName: StaticString = "REQ_HEAD_TIMESTAMP"
    /// The request id this message belongs to.
    public var reqId: Int
    /// The contract concerned (``Contract/includeExpired`` travels too).
    public var contract: Contract
    /// 1: regular trading hours only.
    public var useRTH: Int
    /// `TRADES`, `MIDPOINT`, `BID`, `ASK`, ...
    public var whatToShow: String
    /// 1: `yyyymmdd hh:mm:ss`, 2: epoch seconds.
    public var formatDate: Int

    /// Creates the value from its fields.
    public init(reqId: Int, contract: Contract, useRTH: Int = 1, whatToShow: String = "TRADES", formatDate: Int = 1) {
        self.reqId = reqId
        self.contract = contract
        self.useRTH = useRTH
        self.whatToShow = whatToShow
        self.formatDate = formatDate
    }

    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        reqId = try r.int("reqId")
        var c = try r.requestContract()
        c.includeExpired = try r.bool("includeExpired")
        contract = c
        useRTH = try r.int("useRTH")
        whatToShow = try r.string("whatToShow")
        formatDate = try r.int("formatDate")
    }

    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(reqId)
        w.requestContract(contract)
        w.bool(contract.includeExpired)
        w.int(useRTH)
        w.string(whatToShow)
        w.int(formatDate)
    }
}

/// The earliest date with data (IB: HEAD_TIMESTAMP, id 88).
public struct HeadTimestamp: WireMessage {
    public static let wireName: StaticString = "HEAD_TIMESTAMP"
    /// The request id this message answers.
    public var reqId: Int
    /// The date, as the request's formatDate asked (`yyyymmdd-hh:mm:ss` or epoch seconds).
    public var headTimestamp: String

    /// Creates the value from its fields.
    public init(reqId: Int, headTimestamp: String) {
        self.reqId = reqId
        self.headTimestamp = headTimestamp
    }

    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        reqId = try r.int("reqId")
        headTimestamp = try r.string("headTimestamp")
    }

    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(reqId)
        w.string(headTimestamp)
    }
}
