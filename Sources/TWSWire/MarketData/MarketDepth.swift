import Vocabulary

/// Asks for a contract's order book (IB: REQ_MKT_DEPTH, id 10).
public struct RequestMarketDepth: WireMessage {
    public static let wireName: StaticString = "REQ_MKT_DEPTH"
    /// The request (ticker) id this message belongs to.
    public var reqId: Int
    /// The contract concerned.
    public var contract: Contract
    /// How many rows of each side.
    public var numRows: Int
    /// Depth aggregated across the exchanges SMART routes to (answered with MARKET_DEPTH_L2,
    /// each row naming its exchange), rather than one exchange's book.
    public var isSmartDepth: Bool

    /// Creates the value from its fields.
    public init(reqId: Int, contract: Contract, numRows: Int = 5, isSmartDepth: Bool = false) {
        self.reqId = reqId
        self.contract = contract
        self.numRows = numRows
        self.isSmartDepth = isSmartDepth
    }

    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        try r.version()
        reqId = try r.int("reqId")
        contract = try r.requestContract()
        numRows = try r.int("numRows")
        isSmartDepth = try r.bool("isSmartDepth")
        _ = try r.string("mktDepthOptions")
    }

    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(5)
        w.int(reqId)
        w.requestContract(contract)
        w.int(numRows)
        w.bool(isSmartDepth)
        w.empty()
    }
}

/// One change to one row of one exchange's book (IB: MARKET_DEPTH, id 12).
public struct MarketDepth: WireMessage {
    public static let wireName: StaticString = "MARKET_DEPTH"
    /// The request (ticker) id this message belongs to.
    public var reqId: Int
    /// The row, 0 at the top of the book.
    public var position: Int
    /// 0 insert, 1 update, 2 delete.
    public var operation: Int
    /// 0 ask, 1 bid.
    public var side: Int
    /// The row's price.
    public var price: Double
    /// The row's size.
    public var size: FixedDecimal?

    /// Creates the value from its fields.
    public init(reqId: Int, position: Int, operation: Int, side: Int, price: Double, size: FixedDecimal?) {
        self.reqId = reqId
        self.position = position
        self.operation = operation
        self.side = side
        self.price = price
        self.size = size
    }

    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        try r.version()
        reqId = try r.int("reqId")
        position = try r.int("position")
        operation = try r.int("operation")
        side = try r.int("side")
        price = try r.double("price")
        size = try r.optionalQuantity("size")
    }

    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(1)
        w.int(reqId)
        w.int(position)
        w.int(operation)
        w.int(side)
        w.double(price)
        w.quantity(size)
    }
}
