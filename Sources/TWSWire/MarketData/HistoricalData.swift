import Vocabulary

/// One bar of historical data (IB: `BarData`).
public struct Bar: Hashable, Sendable, Codable {
    /// The bar's start, as TWS formats it (`yyyymmdd hh:mm:ss` or epoch seconds).
    public var date: String
    /// Opening price.
    public var open: Double
    /// Highest price.
    public var high: Double
    /// Lowest price.
    public var low: Double
    /// Closing price.
    public var close: Double
    /// Traded volume.
    public var volume: FixedDecimal?
    /// Volume-weighted average price.
    public var wap: Double?
    /// Number of trades in the bar.
    public var barCount: Int
    /// Creates a bar.
    public init(date: String, open: Double, high: Double, low: Double, close: Double, volume: FixedDecimal?, wap: Double?, barCount: Int) {
        self.date = date
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.volume = volume
        self.wap = wap
        self.barCount = barCount
    }
}

/// Bars answering a historical-data request (IB: HISTORICAL_DATA, id 17).
///
/// Below server version 196 the start and end dates travel here; from 196 they come in
/// ``HistoricalDataEnd``.
public struct HistoricalData: WireMessage {
    public static let wireName: StaticString = "HISTORICAL_DATA"
    /// The request (ticker) id this message belongs to.
    public var reqId: Int
    /// The first bar's date.
    public var startDate: String
    /// The last bar's date.
    public var endDate: String
    /// The bars, oldest first.
    public var bars: [Bar]
    /// Creates the value from its fields.
    public init(reqId: Int, startDate: String = "", endDate: String = "", bars: [Bar]) {
        self.reqId = reqId
        self.startDate = startDate
        self.endDate = endDate
        self.bars = bars
    }
    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        reqId = try r.int("reqId")
        if serverVersion < ServerVersion.historicalDataEnd {
            startDate = try r.string("startDate")
            endDate = try r.string("endDate")
        } else {
            startDate = ""
            endDate = ""
        }
        let count = try r.int("itemCount")
        try r.checkCount(count, "itemCount")
        bars = []
        for _ in 0..<count {
            let date = try r.string("date")
            let open = try r.double("open")
            let high = try r.double("high")
            let low = try r.double("low")
            let close = try r.double("close")
            let volume = try r.optionalQuantity("volume")
            let wap = try r.optionalDouble("wap")
            let barCount = try r.int("barCount")
            bars.append(Bar(date: date, open: open, high: high, low: low, close: close, volume: volume, wap: wap, barCount: barCount))
        }
    }
    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(reqId)
        if serverVersion < ServerVersion.historicalDataEnd {
            w.string(startDate)
            w.string(endDate)
        }
        w.int(bars.count)
        for bar in bars { Self.write(bar, to: &w) }
    }

    /// Writes one bar's fields as HISTORICAL_DATA carries them.
    static func write(_ bar: Bar, to w: inout FieldWriter) {
        w.string(bar.date)
        w.double(bar.open)
        w.double(bar.high)
        w.double(bar.low)
        w.double(bar.close)
        w.quantity(bar.volume)
        w.double(bar.wap, unset: .empty)
        w.int(bar.barCount)
    }
}

/// The end of a historical-data answer (IB: HISTORICAL_DATA_END, id 108; server version 196+).
public struct HistoricalDataEnd: WireMessage {
    public static let wireName: StaticString = "HISTORICAL_DATA_END"
    /// The request (ticker) id this message belongs to.
    public var reqId: Int
    /// The first bar's date.
    public var startDate: String
    /// The last bar's date.
    public var endDate: String
    /// Creates the value from its fields.
    public init(reqId: Int, startDate: String, endDate: String) {
        self.reqId = reqId
        self.startDate = startDate
        self.endDate = endDate
    }
    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        reqId = try r.int("reqId")
        startDate = try r.string("startDate")
        endDate = try r.string("endDate")
    }
    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(reqId)
        w.string(startDate)
        w.string(endDate)
    }
}

/// The bar in progress of a `keepUpToDate` request (IB: HISTORICAL_DATA_UPDATE, id 90).
public struct HistoricalDataUpdate: WireMessage {
    public static let wireName: StaticString = "HISTORICAL_DATA_UPDATE"
    /// The request (ticker) id this message belongs to.
    public var reqId: Int
    /// The bar.
    public var bar: Bar
    /// Creates the value from its fields.
    public init(reqId: Int, bar: Bar) {
        self.reqId = reqId
        self.bar = bar
    }
    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        reqId = try r.int("reqId")
        let barCount = try r.int("barCount")
        let date = try r.string("date")
        let open = try r.double("open")
        let close = try r.double("close")
        let high = try r.double("high")
        let low = try r.double("low")
        let wap = try r.optionalDouble("wap")
        let volume = try r.optionalQuantity("volume")
        bar = Bar(date: date, open: open, high: high, low: low, close: close, volume: volume, wap: wap, barCount: barCount)
    }
    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(reqId)
        w.int(bar.barCount)
        w.string(bar.date)
        w.double(bar.open)
        w.double(bar.close)
        w.double(bar.high)
        w.double(bar.low)
        w.double(bar.wap, unset: .empty)
        w.quantity(bar.volume)
    }
}
