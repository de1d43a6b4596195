/// Searches contracts by symbol or name (IB: REQ_MATCHING_SYMBOLS, id 81; answered by SYMBOL_SAMPLES).
public struct RequestMatchingSymbols: WireMessage {
    public static let wireName: StaticString = "REQ_MATCHING_SYMBOLS"
    /// The request id this message belongs to.
    public var reqId: Int
    /// The text to match: the start of a symbol or a word of a name.
    public var pattern: String

    /// Creates the value from its fields.
    public init(reqId: Int, pattern: String) {
        self.reqId = reqId
        self.pattern = pattern
    }

    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        reqId = try r.int("reqId")
        pattern = try r.string("pattern")
    }

    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(reqId)
        w.string(pattern)
    }
}

/// Asks for the option chains' exchanges, expirations and strikes of an underlying
/// (IB: REQ_SEC_DEF_OPT_PARAMS, id 78).
public struct RequestOptionParameters: WireMessage {
    public static let wireName: StaticString = "REQ_SEC_DEF_OPT_PARAMS"
    /// The request id this message belongs to.
    public var reqId: Int
    /// The underlying's symbol.
    public var underlyingSymbol: String
    /// The exchange of futures options; empty for stock options.
    public var futFopExchange: String
    /// The underlying's security type.
    public var underlyingSecType: String
    /// The underlying's contract id.
    public var underlyingConId: Int

    /// Creates the value from its fields.
    public init(reqId: Int, underlyingSymbol: String, futFopExchange: String = "", underlyingSecType: String, underlyingConId: Int) {
        self.reqId = reqId
        self.underlyingSymbol = underlyingSymbol
        self.futFopExchange = futFopExchange
        self.underlyingSecType = underlyingSecType
        self.underlyingConId = underlyingConId
    }

    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        reqId = try r.int("reqId")
        underlyingSymbol = try r.string("underlyingSymbol")
        futFopExchange = try r.string("futFopExchange")
        underlyingSecType = try r.string("underlyingSecType")
        underlyingConId = try r.int("underlyingConId")
    }

    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(reqId)
        w.string(underlyingSymbol)
        w.string(futFopExchange)
        w.string(underlyingSecType)
        w.int(underlyingConId)
    }
}

/// A price-increment rule (IB: MARKET_RULE, id 93): from each low edge up, prices move by the
/// increment.
public struct MarketRule: WireMessage {
    /// One band of the rule.
    public struct Increment: Hashable, Sendable {
        /// The price from which the increment applies.
        public var lowEdge: Double
        /// The price increment.
        public var increment: Double

        /// Creates a band.
        public init(lowEdge: Double, increment: Double) {
            self.lowEdge = lowEdge
            self.increment = increment
        }
    }

    public static let wireName: StaticString = "MARKET_RULE"
    /// The rule's id, as contract details list it in `marketRuleIds`.
    public var marketRuleId: Int
    /// The bands, lowest first.
    public var increments: [Increment]

    /// Creates the value from its fields.
    public init(marketRuleId: Int, increments: [Increment]) {
        self.marketRuleId = marketRuleId
        self.increments = increments
    }

    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        marketRuleId = try r.int("marketRuleId")
        let count = try r.int("nPriceIncrements")
        try r.checkCount(count, "nPriceIncrements")
        increments = []
        for _ in 0..<count {
            let low = try r.double("lowEdge")
            increments.append(Increment(lowEdge: low, increment: try r.double("increment")))
        }
    }

    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(marketRuleId)
        w.int(increments.count)
        for band in increments {
            w.double(band.lowEdge)
            w.double(band.increment)
        }
    }
}
