/// Details of one contract answering REQ_CONTRACT_DATA (IB: CONTRACT_DATA, id 10).
public struct ContractData: WireMessage {
    public static let wireName: StaticString = "CONTRACT_DATA"
    /// The request (ticker) id this message belongs to.
    public var reqId: Int
    /// The contract details.
    public var details: ContractDetails

    /// Creates the value from its fields.
    public init(reqId: Int, details: ContractDetails) {
        self.reqId = reqId
        self.details = details
    }

    public init(from r: inout FieldReader, serverVersion sv: Int) throws(WireDecodingError) {
        if sv < ServerVersion.sizeRules { try r.version() }
        reqId = try r.int("reqId")
        var d = ContractDetails()
        d.contract.symbol = try r.string("symbol")
        d.contract.secType = try r.string("secType")
        d.contract.lastTradeDateOrContractMonth = try r.string("lastTradeDateOrContractMonth")
        if sv >= ServerVersion.lastTradeDate { d.contract.lastTradeDate = try r.string("lastTradeDate") }
        d.contract.strike = try r.double("strike")
        d.contract.right = try r.string("right")
        d.contract.exchange = try r.string("exchange")
        d.contract.currency = try r.string("currency")
        d.contract.localSymbol = try r.string("localSymbol")
        d.marketName = try r.string("marketName")
        d.contract.tradingClass = try r.string("tradingClass")
        d.contract.conId = try r.int("conId")
        d.minTick = try r.double("minTick")
        if sv < ServerVersion.sizeRules { d.mdSizeMultiplier = try r.optionalInt("mdSizeMultiplier") }
        d.contract.multiplier = try r.string("multiplier")
        d.orderTypes = try r.string("orderTypes")
        d.validExchanges = try r.string("validExchanges")
        d.priceMagnifier = try r.int("priceMagnifier")
        d.underConId = try r.int("underConId")
        d.longName = try r.escapedString("longName")
        d.contract.primaryExchange = try r.string("primaryExchange")
        d.contractMonth = try r.string("contractMonth")
        d.industry = try r.string("industry")
        d.category = try r.string("category")
        d.subcategory = try r.string("subcategory")
        d.timeZoneId = try r.string("timeZoneId")
        d.tradingHours = try r.string("tradingHours")
        d.liquidHours = try r.string("liquidHours")
        d.evRule = try r.string("evRule")
        d.evMultiplier = try r.optionalInt("evMultiplier")
        d.secIdList = try r.tagValues("secIdListCount")
        d.aggGroup = try r.optionalInt("aggGroup")
        d.underSymbol = try r.string("underSymbol")
        d.underSecType = try r.string("underSecType")
        d.marketRuleIds = try r.string("marketRuleIds")
        d.realExpirationDate = try r.string("realExpirationDate")
        d.stockType = try r.string("stockType")
        if sv == ServerVersion.fractionalSizeSupport { d.sizeMinTick = try r.optionalQuantity("sizeMinTick") }
        if sv >= ServerVersion.sizeRules {
            d.minSize = try r.optionalQuantity("minSize")
            d.sizeIncrement = try r.optionalQuantity("sizeIncrement")
            d.suggestedSizeIncrement = try r.optionalQuantity("suggestedSizeIncrement")
        }
        if sv >= ServerVersion.fundDataFields && d.contract.secType == "FUND" {
            for _ in 0..<17 { d.fundFields.append(try r.string("fundField")) }
        }
        if sv >= ServerVersion.ineligibilityReasons { d.ineligibilityReasons = try r.tagValues("ineligibilityReasonCount") }
        details = d
    }

    public func write(to w: inout FieldWriter, serverVersion sv: Int) {
        let d = details
        if sv < ServerVersion.sizeRules { w.int(8) }
        w.int(reqId)
        w.string(d.contract.symbol)
        w.string(d.contract.secType)
        w.string(d.contract.lastTradeDateOrContractMonth)
        if sv >= ServerVersion.lastTradeDate { w.string(d.contract.lastTradeDate) }
        w.double(d.contract.strike)
        w.string(d.contract.right)
        w.string(d.contract.exchange)
        w.string(d.contract.currency)
        w.string(d.contract.localSymbol)
        w.string(d.marketName)
        w.string(d.contract.tradingClass)
        w.int(d.contract.conId)
        w.double(d.minTick)
        if sv < ServerVersion.sizeRules { w.int(d.mdSizeMultiplier, unset: .empty) }
        w.string(d.contract.multiplier)
        w.string(d.orderTypes)
        w.string(d.validExchanges)
        w.int(d.priceMagnifier)
        w.int(d.underConId)
        w.escapedString(d.longName)
        w.string(d.contract.primaryExchange)
        w.string(d.contractMonth)
        w.string(d.industry)
        w.string(d.category)
        w.string(d.subcategory)
        w.string(d.timeZoneId)
        w.string(d.tradingHours)
        w.string(d.liquidHours)
        w.string(d.evRule)
        w.int(d.evMultiplier, unset: .empty)
        w.tagValues(d.secIdList)
        w.int(d.aggGroup, unset: .empty)
        w.string(d.underSymbol)
        w.string(d.underSecType)
        w.string(d.marketRuleIds)
        w.string(d.realExpirationDate)
        w.string(d.stockType)
        if sv == ServerVersion.fractionalSizeSupport { w.quantity(d.sizeMinTick) }
        if sv >= ServerVersion.sizeRules {
            w.quantity(d.minSize)
            w.quantity(d.sizeIncrement)
            w.quantity(d.suggestedSizeIncrement)
        }
        if sv >= ServerVersion.fundDataFields && d.contract.secType == "FUND" {
            for index in 0..<17 { w.string(index < d.fundFields.count ? d.fundFields[index] : "") }
        }
        if sv >= ServerVersion.ineligibilityReasons { w.tagValues(d.ineligibilityReasons) }
    }
}

/// Contracts matching a symbol search (IB: SYMBOL_SAMPLES, id 79).
public struct SymbolSamples: WireMessage {
    /// One match: a contract and the derivative security types it has.
    public struct Match: Hashable, Sendable, Codable {
        /// The contract concerned.
        public var contract: Contract
        /// IB's `derivativeSecTypes` field.
        public var derivativeSecTypes: [String]
        /// A description (server version 176+).
        public var description: String
        /// Creates the value from its fields.
        public init(contract: Contract, derivativeSecTypes: [String], description: String = "") {
            self.contract = contract
            self.derivativeSecTypes = derivativeSecTypes
            self.description = description
        }
    }

    public static let wireName: StaticString = "SYMBOL_SAMPLES"
    /// The request (ticker) id this message belongs to.
    public var reqId: Int
    /// IB's `matches` field.
    public var matches: [Match]

    /// Creates the value from its fields.
    public init(reqId: Int, matches: [Match]) {
        self.reqId = reqId
        self.matches = matches
    }

    public init(from r: inout FieldReader, serverVersion sv: Int) throws(WireDecodingError) {
        reqId = try r.int("reqId")
        let count = try r.int("nContractDescriptions")
        try r.checkCount(count, "nContractDescriptions")
        matches = []
        for _ in 0..<count {
            var c = Contract()
            c.conId = try r.int("conId")
            c.symbol = try r.string("symbol")
            c.secType = try r.string("secType")
            c.primaryExchange = try r.string("primaryExchange")
            c.currency = try r.string("currency")
            let typeCount = try r.int("nDerivativeSecTypes")
            try r.checkCount(typeCount, "nDerivativeSecTypes")
            var types: [String] = []
            for _ in 0..<typeCount { types.append(try r.string("derivativeSecType")) }
            var description = ""
            if sv >= ServerVersion.bondIssuerID {
                description = try r.string("description")
                c.issuerId = try r.string("issuerId")
            }
            matches.append(Match(contract: c, derivativeSecTypes: types, description: description))
        }
    }

    public func write(to w: inout FieldWriter, serverVersion sv: Int) {
        w.int(reqId)
        w.int(matches.count)
        for match in matches {
            w.int(match.contract.conId)
            w.string(match.contract.symbol)
            w.string(match.contract.secType)
            w.string(match.contract.primaryExchange)
            w.string(match.contract.currency)
            w.int(match.derivativeSecTypes.count)
            for type in match.derivativeSecTypes { w.string(type) }
            if sv >= ServerVersion.bondIssuerID {
                w.string(match.description)
                w.string(match.contract.issuerId)
            }
        }
    }
}
