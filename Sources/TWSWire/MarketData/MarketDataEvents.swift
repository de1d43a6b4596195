import Vocabulary

/// A price update (IB: TICK_PRICE, id 1). The size travels with the price for bid, ask and last.
public struct TickPrice: WireMessage {
    public static let wireName: StaticString = "TICK_PRICE"
    /// The request (ticker) id this message belongs to.
    public var reqId: Int
    /// Which field of the quote this tick updates.
    public var tickType: TickType
    /// The price; `nil` when TWS sent no value. `-1` means "no quote now" for bid and ask.
    public var price: Double?
    /// The size; `nil` when TWS sent none.
    public var size: FixedDecimal?
    /// Flags carried with the price.
    public var attributes: TickAttributes

    /// Creates the value from its fields.
    public init(reqId: Int, tickType: TickType, price: Double?, size: FixedDecimal?, attributes: TickAttributes = TickAttributes()) {
        self.reqId = reqId
        self.tickType = tickType
        self.price = price
        self.size = size
        self.attributes = attributes
    }

    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        try r.version()
        reqId = try r.int("reqId")
        tickType = TickType(rawValue: try r.int("tickType"))
        price = try r.optionalDouble("price")
        size = try r.optionalQuantity("size")
        attributes = TickAttributes(mask: try r.int("attrMask"))
    }

    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(6)
        w.int(reqId)
        w.int(tickType.rawValue)
        w.double(price, unset: .empty)
        w.quantity(size)
        w.int(attributes.mask)
    }
}

/// A size update (IB: TICK_SIZE, id 2).
public struct TickSize: WireMessage {
    public static let wireName: StaticString = "TICK_SIZE"
    /// The request (ticker) id this message belongs to.
    public var reqId: Int
    /// Which field of the quote this tick updates.
    public var tickType: TickType
    /// The size; `nil` when TWS sent none.
    public var size: FixedDecimal?

    /// Creates the value from its fields.
    public init(reqId: Int, tickType: TickType, size: FixedDecimal?) {
        self.reqId = reqId
        self.tickType = tickType
        self.size = size
    }

    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        try r.version()
        reqId = try r.int("reqId")
        tickType = TickType(rawValue: try r.int("tickType"))
        size = try r.optionalQuantity("size")
    }

    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(6)
        w.int(reqId)
        w.int(tickType.rawValue)
        w.quantity(size)
    }
}

/// A numeric tick such as HALTED (49) or SHORTABLE (46) (IB: TICK_GENERIC, id 45).
public struct TickGeneric: WireMessage {
    public static let wireName: StaticString = "TICK_GENERIC"
    /// The request (ticker) id this message belongs to.
    public var reqId: Int
    /// Which field of the quote this tick updates.
    public var tickType: TickType
    /// The value, as IB sends it.
    public var value: Double

    /// Creates the value from its fields.
    public init(reqId: Int, tickType: TickType, value: Double) {
        self.reqId = reqId
        self.tickType = tickType
        self.value = value
    }

    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        try r.version()
        reqId = try r.int("reqId")
        tickType = TickType(rawValue: try r.int("tickType"))
        value = try r.double("value")
    }

    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(6)
        w.int(reqId)
        w.int(tickType.rawValue)
        w.double(value)
    }
}

/// A text tick such as LAST_TIMESTAMP (45) or RT_VOLUME (48) (IB: TICK_STRING, id 46).
public struct TickString: WireMessage {
    public static let wireName: StaticString = "TICK_STRING"
    /// The request (ticker) id this message belongs to.
    public var reqId: Int
    /// Which field of the quote this tick updates.
    public var tickType: TickType
    /// The value, as IB sends it.
    public var value: String

    /// Creates the value from its fields.
    public init(reqId: Int, tickType: TickType, value: String) {
        self.reqId = reqId
        self.tickType = tickType
        self.value = value
    }

    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        try r.version()
        reqId = try r.int("reqId")
        tickType = TickType(rawValue: try r.int("tickType"))
        value = try r.string("value")
    }

    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(6)
        w.int(reqId)
        w.int(tickType.rawValue)
        w.string(value)
    }
}

/// The end of a snapshot's ticks (IB: TICK_SNAPSHOT_END, id 57).
public struct TickSnapshotEnd: WireMessage {
    public static let wireName: StaticString = "TICK_SNAPSHOT_END"
    /// The request (ticker) id this message belongs to.
    public var reqId: Int
    /// Creates the value from its fields.
    public init(reqId: Int) { self.reqId = reqId }
    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        try r.version()
        reqId = try r.int("reqId")
    }
    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(1)
        w.int(reqId)
    }
}

/// Which kind of data a subscription now delivers (IB: MARKET_DATA_TYPE, id 58).
public struct MarketDataTypeMessage: WireMessage {
    public static let wireName: StaticString = "MARKET_DATA_TYPE"
    /// The request (ticker) id this message belongs to.
    public var reqId: Int
    /// 1 live, 2 frozen, 3 delayed, 4 delayed-frozen (see ``MarketDataType``).
    public var marketDataType: Int
    /// Creates the value from its fields.
    public init(reqId: Int, marketDataType: Int) {
        self.reqId = reqId
        self.marketDataType = marketDataType
    }
    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        try r.version()
        reqId = try r.int("reqId")
        marketDataType = try r.int("marketDataType")
    }
    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(1)
        w.int(reqId)
        w.int(marketDataType)
    }
}

/// A subscription's minimum tick and best-bid-offer exchange (IB: TICK_REQ_PARAMS, id 81).
public struct TickRequestParameters: WireMessage {
    public static let wireName: StaticString = "TICK_REQ_PARAMS"
    /// The request (ticker) id this message belongs to.
    public var reqId: Int
    /// Smallest price increment.
    public var minTick: Double?
    /// IB's `bboExchange` field.
    public var bboExchange: String
    /// IB's `snapshotPermissions` field.
    public var snapshotPermissions: Int
    /// Creates the value from its fields.
    public init(reqId: Int, minTick: Double?, bboExchange: String, snapshotPermissions: Int) {
        self.reqId = reqId
        self.minTick = minTick
        self.bboExchange = bboExchange
        self.snapshotPermissions = snapshotPermissions
    }
    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        reqId = try r.int("reqId")
        minTick = try r.optionalDouble("minTick")
        bboExchange = try r.string("bboExchange")
        snapshotPermissions = try r.int("snapshotPermissions")
    }
    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(reqId)
        w.double(minTick, unset: .empty)
        w.string(bboExchange)
        w.int(snapshotPermissions)
    }
}

/// One row change of a level-2 order book (IB: MARKET_DEPTH_L2, id 13).
public struct MarketDepthL2: WireMessage {
    public static let wireName: StaticString = "MARKET_DEPTH_L2"
    /// The request (ticker) id this message belongs to.
    public var reqId: Int
    /// The row, 0 at the top of the book.
    public var position: Int
    /// The exchange (smart depth) or market maker the row belongs to.
    public var marketMaker: String
    /// 0 insert, 1 update, 2 delete.
    public var operation: Int
    /// 0 ask, 1 bid.
    public var side: Int
    /// The price.
    public var price: Double
    /// The size; `nil` when TWS sent none.
    public var size: FixedDecimal?
    /// IB's `isSmartDepth` field.
    public var isSmartDepth: Bool
    /// Creates the value from its fields.
    public init(reqId: Int, position: Int, marketMaker: String, operation: Int, side: Int, price: Double, size: FixedDecimal?, isSmartDepth: Bool) {
        self.reqId = reqId
        self.position = position
        self.marketMaker = marketMaker
        self.operation = operation
        self.side = side
        self.price = price
        self.size = size
        self.isSmartDepth = isSmartDepth
    }
    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        try r.version()
        reqId = try r.int("reqId")
        position = try r.int("position")
        marketMaker = try r.string("marketMaker")
        operation = try r.int("operation")
        side = try r.int("side")
        price = try r.double("price")
        size = try r.optionalQuantity("size")
        isSmartDepth = try r.bool("isSmartDepth")
    }
    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(1)
        w.int(reqId)
        w.int(position)
        w.string(marketMaker)
        w.int(operation)
        w.int(side)
        w.double(price)
        w.quantity(size)
        w.bool(isSmartDepth)
    }
}
