/// The answer of `GET /iserver/marketdata/history?conid=…&period=…&bar=…`: bars of a contract.
///
/// Shape (https://www.interactivebrokers.com/campus/ibkr-api-page/cpapi-v1/#hist-md):
/// `{"serverId":"20477","symbol":"AAPL","text":"APPLE INC","priceFactor":100,
///   "startTime":"20230818-08:00:00","high":"17510/472117.45/0","low":"17170/472117.45/0",
///   "timePeriod":"1d","barLength":86400,"mdAvailability":"S","mktDataDelay":0,"outsideRth":true,
///   "volumeFactor":1,"priceDisplayRule":1,"priceDisplayValue":"2","negativeCapable":false,
///   "messageVersion":2,"data":[{"o":173.4,"c":174.7,"h":175.1,"l":171.7,"v":472117.45,"t":1692345600000}],
///   "points":0,"travelTime":48}`.
/// `high` and `low` are `price×priceFactor/volume/minutes-from-start`; the bars' prices are plain.
public struct PortalHistory: Codable, Sendable, Equatable {
    /// The history server's id.
    public var serverId: String?
    /// The symbol.
    public var symbol: String
    /// The company's name.
    public var text: String
    /// The factor `high` and `low` are scaled by.
    public var priceFactor: Int
    /// The first bar's start, `yyyyMMdd-HH:mm:ss` UTC.
    public var startTime: String
    /// The period's high: `price×priceFactor/volume/minutes`.
    public var high: String
    /// The period's low, the same way.
    public var low: String
    /// The period asked for (`1d`, `1w`).
    public var timePeriod: String
    /// A bar's length in seconds.
    public var barLength: Int
    /// `S` subscribed (real time), `D` delayed, …
    public var mdAvailability: String
    /// Market data delay in minutes.
    public var mktDataDelay: Int
    /// Whether bars outside regular hours are included.
    public var outsideRth: Bool
    /// The factor volumes are scaled by.
    public var volumeFactor: Int?
    /// IB's price display rule.
    public var priceDisplayRule: Int?
    /// IB's price display decimals.
    public var priceDisplayValue: String?
    /// Whether prices may be negative.
    public var negativeCapable: Bool?
    /// The message version (2).
    public var messageVersion: Int?
    /// The bars, oldest first.
    public var data: [Bar]
    /// The number of points (IB's count, 0-based in its examples).
    public var points: Int
    /// The server's time to answer, milliseconds.
    public var travelTime: Int

    /// A history answer with every field given.
    public init(
        serverId: String?, symbol: String, text: String, priceFactor: Int, startTime: String, high: String, low: String, timePeriod: String,
        barLength: Int, mdAvailability: String, mktDataDelay: Int, outsideRth: Bool, volumeFactor: Int? = 1, priceDisplayRule: Int? = 1,
        priceDisplayValue: String? = "2", negativeCapable: Bool? = false, messageVersion: Int? = 2, data: [Bar], points: Int, travelTime: Int
    ) {
        self.serverId = serverId
        self.symbol = symbol
        self.text = text
        self.priceFactor = priceFactor
        self.startTime = startTime
        self.high = high
        self.low = low
        self.timePeriod = timePeriod
        self.barLength = barLength
        self.mdAvailability = mdAvailability
        self.mktDataDelay = mktDataDelay
        self.outsideRth = outsideRth
        self.volumeFactor = volumeFactor
        self.priceDisplayRule = priceDisplayRule
        self.priceDisplayValue = priceDisplayValue
        self.negativeCapable = negativeCapable
        self.messageVersion = messageVersion
        self.data = data
        self.points = points
        self.travelTime = travelTime
    }

    /// One bar: open, close, high, low, volume and its start (`t`, milliseconds since the epoch).
    public struct Bar: Codable, Sendable, Equatable {
        /// Open.
        public var o: Double
        /// Close.
        public var c: Double
        /// High.
        public var h: Double
        /// Low.
        public var l: Double
        /// Volume (scaled by `volumeFactor`).
        public var v: Double
        /// The bar's start, milliseconds since the epoch.
        public var t: Int64

        /// A bar.
        public init(o: Double, c: Double, h: Double, l: Double, v: Double, t: Int64) {
            self.o = o
            self.c = c
            self.h = h
            self.l = l
            self.v = v
            self.t = t
        }
    }
}
