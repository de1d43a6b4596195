/// Subscribes to streaming quotes or asks for a snapshot (IB: REQ_MKT_DATA, id 1).
public struct RequestMarketData: WireMessage {
    public static let wireName: StaticString = "REQ_MKT_DATA"
    /// The ticker id that the ticks will carry.
    public var reqId: Int
    /// The contract concerned.
    public var contract: Contract
    /// Generic tick ids to add, comma-separated (e.g. `233,236`).
    public var genericTickList: String
    /// One snapshot then TICK_SNAPSHOT_END, instead of a stream.
    public var snapshot: Bool
    /// IB's `regulatorySnapshot` field.
    public var regulatorySnapshot: Bool

    /// Creates the value from its fields.
    public init(reqId: Int, contract: Contract, genericTickList: String = "", snapshot: Bool = false, regulatorySnapshot: Bool = false) {
        self.reqId = reqId
        self.contract = contract
        self.genericTickList = genericTickList
        self.snapshot = snapshot
        self.regulatorySnapshot = regulatorySnapshot
    }

    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        try r.version()
        reqId = try r.int("reqId")
        var c = try r.requestContract()
        if c.secType == "BAG" {
            let count = try r.int("comboLegsCount")
            try r.checkCount(count, "comboLegsCount")
            for _ in 0..<count {
                var leg = ComboLeg()
                leg.conId = try r.int("conId")
                leg.ratio = try r.int("ratio")
                leg.action = try r.string("action")
                leg.exchange = try r.string("exchange")
                c.comboLegs.append(leg)
            }
        }
        try r.deltaNeutralContract(into: &c)
        contract = c
        genericTickList = try r.string("genericTickList")
        snapshot = try r.bool("snapshot")
        regulatorySnapshot = try r.bool("regulatorySnapshot")
        _ = try r.string("mktDataOptions")
    }

    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(11)
        w.int(reqId)
        w.requestContract(contract)
        if contract.secType == "BAG" {
            w.int(contract.comboLegs.count)
            for leg in contract.comboLegs {
                w.int(leg.conId)
                w.int(leg.ratio)
                w.string(leg.action)
                w.string(leg.exchange)
            }
        }
        w.deltaNeutralContract(contract)
        w.string(genericTickList)
        w.bool(snapshot)
        w.bool(regulatorySnapshot)
        w.empty()
    }
}

/// Asks for bars of historical data (IB: REQ_HISTORICAL_DATA, id 20).
public struct RequestHistoricalData: WireMessage {
    public static let wireName: StaticString = "REQ_HISTORICAL_DATA"
    /// The request (ticker) id this message belongs to.
    public var reqId: Int
    /// The contract concerned.
    public var contract: Contract
    /// The end, `yyyymmdd hh:mm:ss [tz]`, or empty for now.
    public var endDateTime: String
    /// E.g. `1 min`, `5 mins`, `1 hour`, `1 day`.
    public var barSizeSetting: String
    /// E.g. `1 D`, `2 W`.
    public var durationString: String
    /// 1: regular trading hours only.
    public var useRTH: Int
    /// E.g. `TRADES`, `MIDPOINT`, `BID`, `ASK`.
    public var whatToShow: String
    /// 1: `yyyymmdd hh:mm:ss` dates, 2: epoch seconds.
    public var formatDate: Int
    /// Keep sending HISTORICAL_DATA_UPDATE for the bar in progress.
    public var keepUpToDate: Bool

    /// Creates the value from its fields.
    public init(reqId: Int, contract: Contract, endDateTime: String = "", barSizeSetting: String, durationString: String, useRTH: Int = 1, whatToShow: String = "TRADES", formatDate: Int = 1, keepUpToDate: Bool = false) {
        self.reqId = reqId
        self.contract = contract
        self.endDateTime = endDateTime
        self.barSizeSetting = barSizeSetting
        self.durationString = durationString
        self.useRTH = useRTH
        self.whatToShow = whatToShow
        self.formatDate = formatDate
        self.keepUpToDate = keepUpToDate
    }

    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        reqId = try r.int("reqId")
        var c = try r.requestContract()
        c.includeExpired = try r.bool("includeExpired")
        endDateTime = try r.string("endDateTime")
        barSizeSetting = try r.string("barSizeSetting")
        durationString = try r.string("durationStr")
        useRTH = try r.int("useRTH")
        whatToShow = try r.string("whatToShow")
        formatDate = try r.int("formatDate")
        if c.secType == "BAG" {
            let count = try r.int("comboLegsCount")
            try r.checkCount(count, "comboLegsCount")
            for _ in 0..<count {
                var leg = ComboLeg()
                leg.conId = try r.int("conId")
                leg.ratio = try r.int("ratio")
                leg.action = try r.string("action")
                leg.exchange = try r.string("exchange")
                c.comboLegs.append(leg)
            }
        }
        contract = c
        keepUpToDate = try r.bool("keepUpToDate")
        _ = try r.string("chartOptions")
    }

    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(reqId)
        w.requestContract(contract)
        w.bool(contract.includeExpired)
        w.string(endDateTime)
        w.string(barSizeSetting)
        w.string(durationString)
        w.int(useRTH)
        w.string(whatToShow)
        w.int(formatDate)
        if contract.secType == "BAG" {
            w.int(contract.comboLegs.count)
            for leg in contract.comboLegs {
                w.int(leg.conId)
                w.int(leg.ratio)
                w.string(leg.action)
                w.string(leg.exchange)
            }
        }
        w.bool(keepUpToDate)
        w.empty()
    }
}

/// Asks for the details of every contract matching a description (IB: REQ_CONTRACT_DATA, id 9).
public struct RequestContractDetails: WireMessage {
    public static let wireName: StaticString = "REQ_CONTRACT_DATA"
    /// The request (ticker) id this message belongs to.
    public var reqId: Int
    /// The description to match; ``Contract/includeExpired``, ``Contract/secIdType``,
    /// ``Contract/secId`` and ``Contract/issuerId`` travel too.
    public var contract: Contract

    /// Creates the value from its fields.
    public init(reqId: Int, contract: Contract) {
        self.reqId = reqId
        self.contract = contract
    }

    public init(from r: inout FieldReader, serverVersion sv: Int) throws(WireDecodingError) {
        try r.version()
        reqId = try r.int("reqId")
        var c = try r.requestContract()
        c.includeExpired = try r.bool("includeExpired")
        c.secIdType = try r.string("secIdType")
        c.secId = try r.string("secId")
        if sv >= ServerVersion.bondIssuerID { c.issuerId = try r.string("issuerId") }
        contract = c
    }

    public func write(to w: inout FieldWriter, serverVersion sv: Int) {
        w.int(8)
        w.int(reqId)
        w.requestContract(contract)
        w.bool(contract.includeExpired)
        w.string(contract.secIdType)
        w.string(contract.secId)
        if sv >= ServerVersion.bondIssuerID { w.string(contract.issuerId) }
    }
}
