import Vocabulary

/// Asks for 5-second bars as they complete (IB: REQ_REAL_TIME_BARS, id 50).
public struct RequestRealTimeBars: WireMessage {
    public static let wireName: StaticString = "REQ_REAL_TIME_BARS"
    /// The request id this message belongs to.
    public var reqId: Int
    /// The contract concerned.
    public var contract: Contract
    /// The bar size in seconds (IB supports 5 only).
    public var barSize: Int
    /// `TRADES`, `MIDPOINT`, `BID` or `ASK`.
    public var whatToShow: String
    /// Regular trading hours only.
    public var useRTH: Bool

    /// Creates the value from its fields.
    public init(reqId: Int, contract: Contract, barSize: Int = 5, whatToShow: String = "TRADES", useRTH: Bool = true) {
        self.reqId = reqId
        self.contract = contract
        self.barSize = barSize
        self.whatToShow = whatToShow
        self.useRTH = useRTH
    }

    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        try r.version()
        reqId = try r.int("reqId")
        contract = try r.requestContract()
        barSize = try r.int("barSize")
        whatToShow = try r.string("whatToShow")
        useRTH = try r.bool("useRTH")
        _ = try r.string("realTimeBarsOptions")
    }

    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(3)
        w.int(reqId)
        w.requestContract(contract)
        w.int(barSize)
        w.string(whatToShow)
        w.bool(useRTH)
        w.empty()
    }
}

/// One completed 5-second bar (IB: REAL_TIME_BARS, id 50).
public struct RealTimeBar: WireMessage {
    public static let wireName: StaticString = "REAL_TIME_BARS"
    /// The request id this message belongs to.
    public var reqId: Int
    /// The bar's start, in seconds since the epoch.
    public var time: Int
    /// Opening price.
    public var open: Double
    /// Highest price.
    public var high: Double
    /// Lowest price.
    public var low: Double
    /// Closing price.
    public var close: Double
    /// Traded volume (-1 where there is none).
    public var volume: FixedDecimal?
    /// Volume-weighted average price (-1 where there is none).
    public var wap: FixedDecimal?
    /// Number of trades (-1 where there is none).
    public var count: Int

    /// Creates the value from its fields.
    public init(reqId: Int, time: Int, open: Double, high: Double, low: Double, close: Double, volume: FixedDecimal?, wap: FixedDecimal?, count: Int) {
        self.reqId = reqId
        self.time = time
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.volume = volume
        self.wap = wap
        self.count = count
    }

    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        try r.version()
        reqId = try r.int("reqId")
        time = try r.int("time")
        open = try r.double("open")
        high = try r.double("high")
        low = try r.double("low")
        close = try r.double("close")
        volume = try r.optionalQuantity("volume")
        wap = try r.optionalQuantity("wap")
        count = try r.int("count")
    }

    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(3)
        w.int(reqId)
        w.int(time)
        w.double(open)
        w.double(high)
        w.double(low)
        w.double(close)
        w.quantity(volume)
        w.quantity(wap)
        w.int(count)
    }
}
