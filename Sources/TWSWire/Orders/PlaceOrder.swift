/// Places or modifies an order (IB: PLACE_ORDER, id 3).
///
/// Sending the same order id again modifies the order. The layout has no version field in
/// 157...200 and follows value-dependent branches (combo legs, delta neutral, scale, hedge,
/// algo, benchmark pegs, conditions, PEG BEST/MID) exactly as IB's client writes them, so
/// every later field stays in place. Unset numbers are spelled as IB's official client does.
public struct PlaceOrder: WireMessage {
    public static let wireName: StaticString = "PLACE_ORDER"
    /// The contract concerned.
    public var contract: Contract
    /// The order; its ``Order/orderId`` is the message's order id.
    public var order: Order

    /// Creates the value from its fields.
    public init(contract: Contract, order: Order) {
        self.contract = contract
        self.order = order
    }

    public init(from r: inout FieldReader, serverVersion sv: Int) throws(WireDecodingError) {
        var o = Order()
        o.orderId = try r.int("orderId")
        var c = try r.requestContract()
        c.secIdType = try r.string("secIdType")
        c.secId = try r.string("secId")
        o.action = try r.string("action")
        o.totalQuantity = try r.optionalQuantity("totalQuantity")
        o.orderType = try r.string("orderType")
        o.lmtPrice = try r.optionalDouble("lmtPrice")
        o.auxPrice = try r.optionalDouble("auxPrice")
        o.tif = try r.string("tif")
        o.ocaGroup = try r.string("ocaGroup")
        o.account = try r.string("account")
        o.openClose = try r.string("openClose")
        o.origin = try r.int("origin")
        o.orderRef = try r.string("orderRef")
        o.transmit = try r.bool("transmit")
        o.parentId = try r.int("parentId")
        o.blockOrder = try r.bool("blockOrder")
        o.sweepToFill = try r.bool("sweepToFill")
        o.displaySize = try r.optionalInt("displaySize")
        o.triggerMethod = try r.int("triggerMethod")
        o.outsideRth = try r.bool("outsideRth")
        o.hidden = try r.bool("hidden")
        if c.secType == "BAG" {
            let legCount = try r.int("comboLegsCount")
            try r.checkCount(legCount, "comboLegsCount")
            for _ in 0..<legCount {
                var leg = ComboLeg()
                leg.conId = try r.int("conId")
                leg.ratio = try r.int("ratio")
                leg.action = try r.string("action")
                leg.exchange = try r.string("exchange")
                leg.openClose = try r.int("openClose")
                leg.shortSaleSlot = try r.int("shortSaleSlot")
                leg.designatedLocation = try r.string("designatedLocation")
                leg.exemptCode = try r.int("exemptCode")
                c.comboLegs.append(leg)
            }
            let priceCount = try r.int("orderComboLegsCount")
            try r.checkCount(priceCount, "orderComboLegsCount")
            for _ in 0..<priceCount { o.orderComboLegPrices.append(try r.optionalDouble("price")) }
            o.smartComboRoutingParams = try r.tagValues("smartComboRoutingParamsCount")
        }
        o.sharesAllocation = try r.string("sharesAllocation")
        o.discretionaryAmt = try r.double("discretionaryAmt")
        o.goodAfterTime = try r.string("goodAfterTime")
        o.goodTillDate = try r.string("goodTillDate")
        o.faGroup = try r.string("faGroup")
        o.faMethod = try r.string("faMethod")
        o.faPercentage = try r.string("faPercentage")
        if sv < ServerVersion.faProfileDesupport { o.faProfile = try r.string("faProfile") }
        o.modelCode = try r.string("modelCode")
        o.shortSaleSlot = try r.int("shortSaleSlot")
        o.designatedLocation = try r.string("designatedLocation")
        o.exemptCode = try r.int("exemptCode")
        o.ocaType = try r.int("ocaType")
        o.rule80A = try r.string("rule80A")
        o.settlingFirm = try r.string("settlingFirm")
        o.allOrNone = try r.bool("allOrNone")
        o.minQty = try r.optionalInt("minQty")
        o.percentOffset = try r.optionalDouble("percentOffset")
        o.eTradeOnly = try r.bool("eTradeOnly")
        o.firmQuoteOnly = try r.bool("firmQuoteOnly")
        o.nbboPriceCap = try r.optionalDouble("nbboPriceCap")
        o.auctionStrategy = try r.int("auctionStrategy")
        o.startingPrice = try r.optionalDouble("startingPrice")
        o.stockRefPrice = try r.optionalDouble("stockRefPrice")
        o.delta = try r.optionalDouble("delta")
        o.stockRangeLower = try r.optionalDouble("stockRangeLower")
        o.stockRangeUpper = try r.optionalDouble("stockRangeUpper")
        o.overridePercentageConstraints = try r.bool("overridePercentageConstraints")
        try r.volatilityOrder(into: &o, openOrderAttributes: true)
        o.trailStopPrice = try r.optionalDouble("trailStopPrice")
        o.trailingPercent = try r.optionalDouble("trailingPercent")
        try r.scaleOrder(into: &o)
        o.scaleTable = try r.string("scaleTable")
        o.activeStartTime = try r.string("activeStartTime")
        o.activeStopTime = try r.string("activeStopTime")
        try r.hedge(into: &o)
        o.optOutSmartRouting = try r.bool("optOutSmartRouting")
        o.clearingAccount = try r.string("clearingAccount")
        o.clearingIntent = try r.string("clearingIntent")
        o.notHeld = try r.bool("notHeld")
        try r.deltaNeutralContract(into: &c)
        try r.algo(into: &o)
        o.algoId = try r.string("algoId")
        o.whatIf = try r.bool("whatIf")
        o.orderMiscOptions = TagValueText.parse(try r.string("orderMiscOptions"))
        o.solicited = try r.bool("solicited")
        o.randomizeSize = try r.bool("randomizeSize")
        o.randomizePrice = try r.bool("randomizePrice")
        try r.pegBench(into: &o)
        (o.conditions, o.conditionsIgnoreRth, o.conditionsCancelOrder) = try r.orderConditions()
        o.adjustedOrderType = try r.string("adjustedOrderType")
        o.triggerPrice = try r.optionalDouble("triggerPrice")
        o.lmtPriceOffset = try r.optionalDouble("lmtPriceOffset")
        o.adjustedStopPrice = try r.optionalDouble("adjustedStopPrice")
        o.adjustedStopLimitPrice = try r.optionalDouble("adjustedStopLimitPrice")
        o.adjustedTrailingAmount = try r.optionalDouble("adjustedTrailingAmount")
        o.adjustableTrailingUnit = try r.int("adjustableTrailingUnit")
        o.extOperator = try r.string("extOperator")
        o.softDollarTier = SoftDollarTier(name: try r.string("softDollarTierName"), value: try r.string("softDollarTierValue"))
        o.cashQty = try r.optionalDouble("cashQty")
        o.mifid2DecisionMaker = try r.string("mifid2DecisionMaker")
        o.mifid2DecisionAlgo = try r.string("mifid2DecisionAlgo")
        o.mifid2ExecutionTrader = try r.string("mifid2ExecutionTrader")
        o.mifid2ExecutionAlgo = try r.string("mifid2ExecutionAlgo")
        o.dontUseAutoPriceForHedge = try r.bool("dontUseAutoPriceForHedge")
        o.isOmsContainer = try r.bool("isOmsContainer")
        o.discretionaryUpToLimitPrice = try r.bool("discretionaryUpToLimitPrice")
        o.usePriceMgmtAlgo = try r.optionalBool("usePriceMgmtAlgo")
        if sv >= ServerVersion.duration { o.duration = try r.optionalInt("duration") }
        if sv >= ServerVersion.postToATS { o.postToAts = try r.optionalInt("postToAts") }
        if sv >= ServerVersion.autoCancelParent { o.autoCancelParent = try r.bool("autoCancelParent") }
        if sv >= ServerVersion.advancedOrderReject { o.advancedErrorOverride = try r.string("advancedErrorOverride") }
        if sv >= ServerVersion.manualOrderTime { o.manualOrderTime = try r.string("manualOrderTime") }
        if sv >= ServerVersion.pegBestPegMidOffsets {
            if c.exchange == "IBKRATS" { o.minTradeQty = try r.optionalInt("minTradeQty") }
            if o.isPegBest {
                o.minCompeteSize = try r.optionalInt("minCompeteSize")
                o.competeAgainstBestOffset = try r.optionalDouble("competeAgainstBestOffset")
                if o.competeAgainstBestOffset == .infinity {
                    o.midOffsetAtWhole = try r.optionalDouble("midOffsetAtWhole")
                    o.midOffsetAtHalf = try r.optionalDouble("midOffsetAtHalf")
                }
            } else if o.isPegMid {
                o.midOffsetAtWhole = try r.optionalDouble("midOffsetAtWhole")
                o.midOffsetAtHalf = try r.optionalDouble("midOffsetAtHalf")
            }
        }
        if sv >= ServerVersion.customerAccount { o.customerAccount = try r.string("customerAccount") }
        if sv >= ServerVersion.professionalCustomer { o.professionalCustomer = try r.bool("professionalCustomer") }
        if sv >= ServerVersion.rfqFields && sv < ServerVersion.undoRFQFields {
            try r.skip("rfqPlaceholder")
            try r.skip("rfqPlaceholder")
        }
        if sv >= ServerVersion.includeOvernight { o.includeOvernight = try r.bool("includeOvernight") }
        if sv >= ServerVersion.cmeTaggingFields { o.manualOrderIndicator = try r.optionalInt("manualOrderIndicator") }
        if sv >= ServerVersion.imbalanceOnly { o.imbalanceOnly = try r.bool("imbalanceOnly") }
        contract = c
        order = o
    }

    public func write(to w: inout FieldWriter, serverVersion sv: Int) {
        let o = order, c = contract
        w.int(o.orderId)
        w.requestContract(c)
        w.string(c.secIdType)
        w.string(c.secId)
        w.string(o.action)
        w.quantity(o.totalQuantity)
        w.string(o.orderType)
        w.double(o.lmtPrice, unset: .empty)
        w.double(o.auxPrice, unset: .empty)
        w.string(o.tif)
        w.string(o.ocaGroup)
        w.string(o.account)
        w.string(o.openClose)
        w.int(o.origin)
        w.string(o.orderRef)
        w.bool(o.transmit)
        w.int(o.parentId)
        w.bool(o.blockOrder)
        w.bool(o.sweepToFill)
        w.int(o.displaySize, unset: .empty)
        w.int(o.triggerMethod)
        w.bool(o.outsideRth)
        w.bool(o.hidden)
        if c.secType == "BAG" {
            w.int(c.comboLegs.count)
            for leg in c.comboLegs {
                w.int(leg.conId)
                w.int(leg.ratio)
                w.string(leg.action)
                w.string(leg.exchange)
                w.int(leg.openClose)
                w.int(leg.shortSaleSlot)
                w.string(leg.designatedLocation)
                w.int(leg.exemptCode)
            }
            w.int(o.orderComboLegPrices.count)
            for price in o.orderComboLegPrices { w.double(price, unset: .empty) }
            w.tagValues(o.smartComboRoutingParams)
        }
        w.string(o.sharesAllocation)
        w.wholeOrDouble(o.discretionaryAmt)
        w.string(o.goodAfterTime)
        w.string(o.goodTillDate)
        w.string(o.faGroup)
        w.string(o.faMethod)
        w.string(o.faPercentage)
        if sv < ServerVersion.faProfileDesupport { w.string(o.faProfile) }
        w.string(o.modelCode)
        w.int(o.shortSaleSlot)
        w.string(o.designatedLocation)
        w.int(o.exemptCode)
        w.int(o.ocaType)
        w.string(o.rule80A)
        w.string(o.settlingFirm)
        w.bool(o.allOrNone)
        w.int(o.minQty, unset: .empty)
        w.double(o.percentOffset, unset: .empty)
        w.bool(o.eTradeOnly)
        w.bool(o.firmQuoteOnly)
        w.double(o.nbboPriceCap, unset: .empty)
        w.int(o.auctionStrategy)
        w.double(o.startingPrice, unset: .empty)
        w.double(o.stockRefPrice, unset: .empty)
        w.double(o.delta, unset: .empty)
        w.double(o.stockRangeLower, unset: .empty)
        w.double(o.stockRangeUpper, unset: .empty)
        w.bool(o.overridePercentageConstraints)
        w.volatilityOrder(o, openOrderAttributes: true)
        w.double(o.trailStopPrice, unset: .empty)
        w.double(o.trailingPercent, unset: .empty)
        w.scaleOrder(o, initUnset: .empty)
        w.string(o.scaleTable)
        w.string(o.activeStartTime)
        w.string(o.activeStopTime)
        w.hedge(o)
        w.bool(o.optOutSmartRouting)
        w.string(o.clearingAccount)
        w.string(o.clearingIntent)
        w.bool(o.notHeld)
        w.deltaNeutralContract(c)
        w.algo(o)
        w.string(o.algoId)
        w.bool(o.whatIf)
        w.string(TagValueText.format(o.orderMiscOptions))
        w.bool(o.solicited)
        w.bool(o.randomizeSize)
        w.bool(o.randomizePrice)
        w.pegBench(o)
        w.orderConditions(o.conditions, ignoreRth: o.conditionsIgnoreRth, cancelOrder: o.conditionsCancelOrder)
        w.string(o.adjustedOrderType)
        w.double(o.triggerPrice, unset: .sentinel)
        w.double(o.lmtPriceOffset, unset: .sentinel)
        w.double(o.adjustedStopPrice, unset: .sentinel)
        w.double(o.adjustedStopLimitPrice, unset: .sentinel)
        w.double(o.adjustedTrailingAmount, unset: .sentinel)
        w.int(o.adjustableTrailingUnit)
        w.string(o.extOperator)
        w.string(o.softDollarTier.name)
        w.string(o.softDollarTier.value)
        w.double(o.cashQty, unset: .sentinel)
        w.string(o.mifid2DecisionMaker)
        w.string(o.mifid2DecisionAlgo)
        w.string(o.mifid2ExecutionTrader)
        w.string(o.mifid2ExecutionAlgo)
        w.bool(o.dontUseAutoPriceForHedge)
        w.bool(o.isOmsContainer)
        w.bool(o.discretionaryUpToLimitPrice)
        w.optionalBool(o.usePriceMgmtAlgo)
        if sv >= ServerVersion.duration { w.int(o.duration, unset: .sentinel) }
        if sv >= ServerVersion.postToATS { w.int(o.postToAts, unset: .sentinel) }
        if sv >= ServerVersion.autoCancelParent { w.bool(o.autoCancelParent) }
        if sv >= ServerVersion.advancedOrderReject { w.string(o.advancedErrorOverride) }
        if sv >= ServerVersion.manualOrderTime { w.string(o.manualOrderTime) }
        if sv >= ServerVersion.pegBestPegMidOffsets {
            if c.exchange == "IBKRATS" { w.int(o.minTradeQty, unset: .empty) }
            if o.isPegBest {
                w.int(o.minCompeteSize, unset: .empty)
                w.double(o.competeAgainstBestOffset, unset: .empty)
                if o.competeAgainstBestOffset == .infinity {
                    w.double(o.midOffsetAtWhole, unset: .empty)
                    w.double(o.midOffsetAtHalf, unset: .empty)
                }
            } else if o.isPegMid {
                w.double(o.midOffsetAtWhole, unset: .empty)
                w.double(o.midOffsetAtHalf, unset: .empty)
            }
        }
        if sv >= ServerVersion.customerAccount { w.string(o.customerAccount) }
        if sv >= ServerVersion.professionalCustomer { w.bool(o.professionalCustomer) }
        if sv >= ServerVersion.rfqFields && sv < ServerVersion.undoRFQFields {
            w.empty()
            w.int(WireUnset.integer)
        }
        if sv >= ServerVersion.includeOvernight { w.bool(o.includeOvernight) }
        if sv >= ServerVersion.cmeTaggingFields { w.int(o.manualOrderIndicator, unset: .sentinel) }
        if sv >= ServerVersion.imbalanceOnly { w.bool(o.imbalanceOnly) }
    }
}

/// IB's one-field `tag=value;tag=value;` form of a tag/value list.
enum TagValueText {
    static func format(_ list: [TagValue]) -> String {
        list.map { "\($0.tag)=\($0.value);" }.joined()
    }

    static func parse(_ text: String) -> [TagValue] {
        text.split(separator: ";").compactMap { (pair: Substring) -> TagValue? in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { return nil }
            return TagValue(tag: String(parts[0]), value: String(parts[1]))
        }
    }
}
