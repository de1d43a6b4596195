/// An order TWS holds, with its contract and state (IB: OPEN_ORDER, id 5).
///
/// TWS resends it whenever the order's state changes. Unset numbers are written the way the
/// recorded TWS messages write them: empty for most, `2147483647` for display and scale sizes,
/// the largest double for the adjusted-order prices.
public struct OpenOrder: WireMessage {
    public static let wireName: StaticString = "OPEN_ORDER"
    /// The contract concerned.
    public var contract: Contract
    /// The order; ``Order/orderId`` is the message's order id.
    public var order: Order
    /// The order's state.
    public var orderState: OrderState

    /// Creates the value from its fields.
    public init(contract: Contract, order: Order, orderState: OrderState) {
        self.contract = contract
        self.order = order
        self.orderState = orderState
    }

    public init(from r: inout FieldReader, serverVersion sv: Int) throws(WireDecodingError) {
        var o = Order()
        var c = Contract()
        var s = OrderState()
        o.orderId = try r.int("orderId")
        try r.eventContract(into: &c)
        try r.eventOrderHead(into: &o)
        o.clientId = try r.int("clientId")
        o.permId = try r.int("permId")
        o.outsideRth = try r.bool("outsideRth")
        o.hidden = try r.bool("hidden")
        o.discretionaryAmt = try r.double("discretionaryAmt")
        o.goodAfterTime = try r.string("goodAfterTime")
        o.sharesAllocation = try r.string("sharesAllocation")
        try r.eventOrderAllocation(into: &o, serverVersion: sv)
        o.auctionStrategy = try r.int("auctionStrategy")
        try r.eventOrderBoxPrices(into: &o)
        o.blockOrder = try r.bool("blockOrder")
        o.sweepToFill = try r.bool("sweepToFill")
        o.allOrNone = try r.bool("allOrNone")
        o.minQty = try r.optionalInt("minQty")
        o.ocaType = try r.int("ocaType")
        o.eTradeOnly = try r.bool("eTradeOnly")
        o.firmQuoteOnly = try r.bool("firmQuoteOnly")
        o.nbboPriceCap = try r.optionalDouble("nbboPriceCap")
        o.parentId = try r.int("parentId")
        o.triggerMethod = try r.int("triggerMethod")
        try r.volatilityOrder(into: &o, openOrderAttributes: true)
        o.trailParamsStopPrice = try r.optionalDouble("trailStopPrice")
        o.trailingPercent = try r.optionalDouble("trailingPercent")
        o.basisPoints = try r.optionalDouble("basisPoints")
        o.basisPointsType = try r.optionalInt("basisPointsType")
        try r.comboLegs(into: &o, contract: &c)
        o.smartComboRoutingParams = try r.tagValues("smartComboRoutingParamsCount")
        try r.scaleOrder(into: &o)
        try r.hedge(into: &o)
        o.optOutSmartRouting = try r.bool("optOutSmartRouting")
        o.clearingAccount = try r.string("clearingAccount")
        o.clearingIntent = try r.string("clearingIntent")
        o.notHeld = try r.bool("notHeld")
        try r.deltaNeutralContract(into: &c)
        try r.algo(into: &o)
        o.solicited = try r.bool("solicited")
        o.whatIf = try r.bool("whatIf")
        try r.orderStateWhatIf(into: &s, serverVersion: sv)
        o.randomizeSize = try r.bool("randomizeSize")
        o.randomizePrice = try r.bool("randomizePrice")
        try r.pegBench(into: &o)
        (o.conditions, o.conditionsIgnoreRth, o.conditionsCancelOrder) = try r.orderConditions()
        o.adjustedOrderType = try r.string("adjustedOrderType")
        o.triggerPrice = try r.optionalDouble("triggerPrice")
        o.trailStopPrice = try r.optionalDouble("trailStopPrice")
        o.lmtPriceOffset = try r.optionalDouble("lmtPriceOffset")
        o.adjustedStopPrice = try r.optionalDouble("adjustedStopPrice")
        o.adjustedStopLimitPrice = try r.optionalDouble("adjustedStopLimitPrice")
        o.adjustedTrailingAmount = try r.optionalDouble("adjustedTrailingAmount")
        o.adjustableTrailingUnit = try r.int("adjustableTrailingUnit")
        o.softDollarTier = SoftDollarTier(name: try r.string("softDollarTierName"), value: try r.string("softDollarTierValue"), displayName: try r.string("softDollarTierDisplayName"))
        o.cashQty = try r.optionalDouble("cashQty")
        o.dontUseAutoPriceForHedge = try r.bool("dontUseAutoPriceForHedge")
        o.isOmsContainer = try r.bool("isOmsContainer")
        o.discretionaryUpToLimitPrice = try r.bool("discretionaryUpToLimitPrice")
        o.usePriceMgmtAlgo = try r.optionalBool("usePriceMgmtAlgo")
        if sv >= ServerVersion.duration { o.duration = try r.optionalInt("duration") }
        if sv >= ServerVersion.postToATS { o.postToAts = try r.optionalInt("postToAts") }
        if sv >= ServerVersion.autoCancelParent { o.autoCancelParent = try r.bool("autoCancelParent") }
        if sv >= ServerVersion.pegBestPegMidOffsets { try r.pegBestPegMid(into: &o) }
        if sv >= ServerVersion.customerAccount { o.customerAccount = try r.string("customerAccount") }
        if sv >= ServerVersion.professionalCustomer { o.professionalCustomer = try r.bool("professionalCustomer") }
        if sv >= ServerVersion.bondAccruedInterest { o.bondAccruedInterest = try r.string("bondAccruedInterest") }
        if sv >= ServerVersion.includeOvernight { o.includeOvernight = try r.bool("includeOvernight") }
        if sv >= ServerVersion.cmeTaggingFieldsInOpenOrder {
            o.extOperator = try r.string("extOperator")
            o.manualOrderIndicator = try r.optionalInt("manualOrderIndicator")
        }
        if sv >= ServerVersion.submitter { o.submitter = try r.string("submitter") }
        if sv >= ServerVersion.imbalanceOnly { o.imbalanceOnly = try r.bool("imbalanceOnly") }
        contract = c
        order = o
        orderState = s
    }

    public func write(to w: inout FieldWriter, serverVersion sv: Int) {
        let o = order, c = contract, s = orderState
        w.int(o.orderId)
        w.eventContract(c)
        w.eventOrderHead(o)
        w.int(o.clientId)
        w.int(o.permId)
        w.bool(o.outsideRth)
        w.bool(o.hidden)
        w.double(o.discretionaryAmt)
        w.string(o.goodAfterTime)
        w.string(o.sharesAllocation)
        w.eventOrderAllocation(o, serverVersion: sv)
        w.int(o.auctionStrategy)
        w.eventOrderBoxPrices(o)
        w.bool(o.blockOrder)
        w.bool(o.sweepToFill)
        w.bool(o.allOrNone)
        w.int(o.minQty, unset: .empty)
        w.int(o.ocaType)
        w.bool(o.eTradeOnly)
        w.bool(o.firmQuoteOnly)
        w.double(o.nbboPriceCap, unset: .empty)
        w.int(o.parentId)
        w.int(o.triggerMethod)
        w.volatilityOrder(o, openOrderAttributes: true)
        w.double(o.trailParamsStopPrice, unset: .empty)
        w.double(o.trailingPercent, unset: .empty)
        w.double(o.basisPoints, unset: .empty)
        w.int(o.basisPointsType, unset: .empty)
        w.comboLegs(o, contract: c)
        w.tagValues(o.smartComboRoutingParams)
        w.scaleOrder(o, initUnset: .sentinel)
        w.hedge(o)
        w.bool(o.optOutSmartRouting)
        w.string(o.clearingAccount)
        w.string(o.clearingIntent)
        w.bool(o.notHeld)
        w.deltaNeutralContract(c)
        w.algo(o)
        w.bool(o.solicited)
        w.bool(o.whatIf)
        w.orderStateWhatIf(s, serverVersion: sv)
        w.bool(o.randomizeSize)
        w.bool(o.randomizePrice)
        w.pegBench(o)
        w.orderConditions(o.conditions, ignoreRth: o.conditionsIgnoreRth, cancelOrder: o.conditionsCancelOrder)
        w.string(o.adjustedOrderType)
        w.double(o.triggerPrice, unset: .sentinel)
        w.double(o.trailStopPrice, unset: .sentinel)
        w.double(o.lmtPriceOffset, unset: .sentinel)
        w.double(o.adjustedStopPrice, unset: .sentinel)
        w.double(o.adjustedStopLimitPrice, unset: .sentinel)
        w.double(o.adjustedTrailingAmount, unset: .sentinel)
        w.int(o.adjustableTrailingUnit)
        w.string(o.softDollarTier.name)
        w.string(o.softDollarTier.value)
        w.string(o.softDollarTier.displayName)
        w.double(o.cashQty, unset: .sentinel)
        w.bool(o.dontUseAutoPriceForHedge)
        w.bool(o.isOmsContainer)
        w.bool(o.discretionaryUpToLimitPrice)
        w.optionalBool(o.usePriceMgmtAlgo)
        if sv >= ServerVersion.duration { w.int(o.duration, unset: .empty) }
        if sv >= ServerVersion.postToATS { w.int(o.postToAts, unset: .empty) }
        if sv >= ServerVersion.autoCancelParent { w.bool(o.autoCancelParent) }
        if sv >= ServerVersion.pegBestPegMidOffsets { w.pegBestPegMid(o) }
        if sv >= ServerVersion.customerAccount { w.string(o.customerAccount) }
        if sv >= ServerVersion.professionalCustomer { w.bool(o.professionalCustomer) }
        if sv >= ServerVersion.bondAccruedInterest { w.string(o.bondAccruedInterest) }
        if sv >= ServerVersion.includeOvernight { w.bool(o.includeOvernight) }
        if sv >= ServerVersion.cmeTaggingFieldsInOpenOrder {
            w.string(o.extOperator)
            w.int(o.manualOrderIndicator, unset: .empty)
        }
        if sv >= ServerVersion.submitter { w.string(o.submitter) }
        if sv >= ServerVersion.imbalanceOnly { w.bool(o.imbalanceOnly) }
    }
}

extension FieldReader {
    /// Order status, margin texts, commissions and (from 195) the preview fields.
    mutating func orderStateWhatIf(into s: inout OrderState, serverVersion sv: Int) throws(WireDecodingError) {
        s.status = try string("status")
        s.initMarginBefore = try string("initMarginBefore")
        s.maintMarginBefore = try string("maintMarginBefore")
        s.equityWithLoanBefore = try string("equityWithLoanBefore")
        s.initMarginChange = try string("initMarginChange")
        s.maintMarginChange = try string("maintMarginChange")
        s.equityWithLoanChange = try string("equityWithLoanChange")
        s.initMarginAfter = try string("initMarginAfter")
        s.maintMarginAfter = try string("maintMarginAfter")
        s.equityWithLoanAfter = try string("equityWithLoanAfter")
        s.commissionAndFees = try optionalDouble("commission")
        s.minCommissionAndFees = try optionalDouble("minCommission")
        s.maxCommissionAndFees = try optionalDouble("maxCommission")
        s.commissionAndFeesCurrency = try string("commissionCurrency")
        if sv >= ServerVersion.fullOrderPreviewFields {
            s.marginCurrency = try string("marginCurrency")
            for index in 0..<9 { s.outsideRTHMargins[index] = try optionalDouble("outsideRTHMargin") }
            s.suggestedSize = try optionalQuantity("suggestedSize")
            s.rejectReason = try string("rejectReason")
            let count = try int("orderAllocationsCount")
            try checkCount(count, "orderAllocationsCount")
            for _ in 0..<count {
                var a = OrderAllocation()
                a.account = try string("account")
                a.position = try optionalQuantity("position")
                a.positionDesired = try optionalQuantity("positionDesired")
                a.positionAfter = try optionalQuantity("positionAfter")
                a.desiredAllocQty = try optionalQuantity("desiredAllocQty")
                a.allowedAllocQty = try optionalQuantity("allowedAllocQty")
                a.isMonetary = try bool("isMonetary")
                s.orderAllocations.append(a)
            }
        }
        s.warningText = try string("warningText")
    }
}

extension FieldWriter {
    mutating func orderStateWhatIf(_ s: OrderState, serverVersion sv: Int) {
        string(s.status)
        string(s.initMarginBefore)
        string(s.maintMarginBefore)
        string(s.equityWithLoanBefore)
        string(s.initMarginChange)
        string(s.maintMarginChange)
        string(s.equityWithLoanChange)
        string(s.initMarginAfter)
        string(s.maintMarginAfter)
        string(s.equityWithLoanAfter)
        double(s.commissionAndFees, unset: .empty)
        double(s.minCommissionAndFees, unset: .empty)
        double(s.maxCommissionAndFees, unset: .empty)
        string(s.commissionAndFeesCurrency)
        if sv >= ServerVersion.fullOrderPreviewFields {
            string(s.marginCurrency)
            for index in 0..<9 { double(index < s.outsideRTHMargins.count ? s.outsideRTHMargins[index] : nil, unset: .sentinel) }
            quantity(s.suggestedSize)
            string(s.rejectReason)
            int(s.orderAllocations.count)
            for a in s.orderAllocations {
                string(a.account)
                quantity(a.position)
                quantity(a.positionDesired)
                quantity(a.positionAfter)
                quantity(a.desiredAllocQty)
                quantity(a.allowedAllocQty)
                bool(a.isMonetary)
            }
        }
        string(s.warningText)
    }
}
