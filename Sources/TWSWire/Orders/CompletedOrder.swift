/// A filled or cancelled order from REQ_COMPLETED_ORDERS (IB: COMPLETED_ORDER, id 101).
///
/// Its layout differs from OPEN_ORDER: no order id or client id, and the final status,
/// completion time, filled quantity and parent perm id at the end.
public struct CompletedOrder: WireMessage {
    public static let wireName: StaticString = "COMPLETED_ORDER"
    public var contract: Contract
    public var order: Order
    public var orderState: OrderState

    public init(contract: Contract, order: Order, orderState: OrderState) {
        self.contract = contract
        self.order = order
        self.orderState = orderState
    }

    public init(from r: inout FieldReader, serverVersion sv: Int) throws(WireDecodingError) {
        var o = Order()
        var c = Contract()
        var s = OrderState()
        try r.eventContract(into: &c)
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
        o.permId = try r.int("permId")
        o.outsideRth = try r.bool("outsideRth")
        o.hidden = try r.bool("hidden")
        o.discretionaryAmt = try r.double("discretionaryAmt")
        o.goodAfterTime = try r.string("goodAfterTime")
        o.faGroup = try r.string("faGroup")
        o.faMethod = try r.string("faMethod")
        o.faPercentage = try r.string("faPercentage")
        if sv < ServerVersion.faProfileDesupport { o.faProfile = try r.string("faProfile") }
        o.modelCode = try r.string("modelCode")
        o.goodTillDate = try r.string("goodTillDate")
        o.rule80A = try r.string("rule80A")
        o.percentOffset = try r.optionalDouble("percentOffset")
        o.settlingFirm = try r.string("settlingFirm")
        o.shortSaleSlot = try r.int("shortSaleSlot")
        o.designatedLocation = try r.string("designatedLocation")
        o.exemptCode = try r.int("exemptCode")
        o.startingPrice = try r.optionalDouble("startingPrice")
        o.stockRefPrice = try r.optionalDouble("stockRefPrice")
        o.delta = try r.optionalDouble("delta")
        o.stockRangeLower = try r.optionalDouble("stockRangeLower")
        o.stockRangeUpper = try r.optionalDouble("stockRangeUpper")
        o.displaySize = try r.optionalInt("displaySize")
        o.sweepToFill = try r.bool("sweepToFill")
        o.allOrNone = try r.bool("allOrNone")
        o.minQty = try r.optionalInt("minQty")
        o.ocaType = try r.int("ocaType")
        o.triggerMethod = try r.int("triggerMethod")
        try r.volatilityOrder(into: &o, openOrderAttributes: false)
        o.trailParamsStopPrice = try r.optionalDouble("trailStopPrice")
        o.trailingPercent = try r.optionalDouble("trailingPercent")
        try r.comboLegs(into: &o, contract: &c)
        o.smartComboRoutingParams = try r.tagValues("smartComboRoutingParamsCount")
        try r.scaleOrder(into: &o)
        try r.hedge(into: &o)
        o.clearingAccount = try r.string("clearingAccount")
        o.clearingIntent = try r.string("clearingIntent")
        o.notHeld = try r.bool("notHeld")
        try r.deltaNeutralContract(into: &c)
        try r.algo(into: &o)
        o.solicited = try r.bool("solicited")
        s.status = try r.string("status")
        o.randomizeSize = try r.bool("randomizeSize")
        o.randomizePrice = try r.bool("randomizePrice")
        try r.pegBench(into: &o)
        (o.conditions, o.conditionsIgnoreRth, o.conditionsCancelOrder) = try r.orderConditions()
        o.trailStopPrice = try r.optionalDouble("trailStopPrice")
        o.lmtPriceOffset = try r.optionalDouble("lmtPriceOffset")
        o.cashQty = try r.optionalDouble("cashQty")
        o.dontUseAutoPriceForHedge = try r.bool("dontUseAutoPriceForHedge")
        o.isOmsContainer = try r.bool("isOmsContainer")
        o.autoCancelDate = try r.string("autoCancelDate")
        o.filledQuantity = try r.optionalQuantity("filledQuantity")
        o.refFuturesConId = try r.int("refFuturesConId")
        o.autoCancelParent = try r.bool("autoCancelParent")
        o.shareholder = try r.string("shareholder")
        o.imbalanceOnly = try r.bool("imbalanceOnly")
        o.routeMarketableToBbo = try r.bool("routeMarketableToBbo")
        o.parentPermId = try r.int("parentPermId")
        s.completedTime = try r.string("completedTime")
        s.completedStatus = try r.string("completedStatus")
        if sv >= ServerVersion.pegBestPegMidOffsets { try r.pegBestPegMid(into: &o) }
        if sv >= ServerVersion.customerAccount { o.customerAccount = try r.string("customerAccount") }
        if sv >= ServerVersion.professionalCustomer { o.professionalCustomer = try r.bool("professionalCustomer") }
        if sv >= ServerVersion.submitter { o.submitter = try r.string("submitter") }
        contract = c
        order = o
        orderState = s
    }

    public func write(to w: inout FieldWriter, serverVersion sv: Int) {
        let o = order, c = contract, s = orderState
        w.eventContract(c)
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
        w.int(o.permId)
        w.bool(o.outsideRth)
        w.bool(o.hidden)
        w.double(o.discretionaryAmt)
        w.string(o.goodAfterTime)
        w.string(o.faGroup)
        w.string(o.faMethod)
        w.string(o.faPercentage)
        if sv < ServerVersion.faProfileDesupport { w.string(o.faProfile) }
        w.string(o.modelCode)
        w.string(o.goodTillDate)
        w.string(o.rule80A)
        w.double(o.percentOffset, unset: .empty)
        w.string(o.settlingFirm)
        w.int(o.shortSaleSlot)
        w.string(o.designatedLocation)
        w.int(o.exemptCode)
        w.double(o.startingPrice, unset: .empty)
        w.double(o.stockRefPrice, unset: .empty)
        w.double(o.delta, unset: .empty)
        w.double(o.stockRangeLower, unset: .empty)
        w.double(o.stockRangeUpper, unset: .empty)
        w.int(o.displaySize, unset: .sentinel)
        w.bool(o.sweepToFill)
        w.bool(o.allOrNone)
        w.int(o.minQty, unset: .empty)
        w.int(o.ocaType)
        w.int(o.triggerMethod)
        w.volatilityOrder(o, openOrderAttributes: false)
        w.double(o.trailParamsStopPrice, unset: .empty)
        w.double(o.trailingPercent, unset: .empty)
        w.comboLegs(o, contract: c)
        w.tagValues(o.smartComboRoutingParams)
        w.scaleOrder(o, initUnset: .sentinel)
        w.hedge(o)
        w.string(o.clearingAccount)
        w.string(o.clearingIntent)
        w.bool(o.notHeld)
        w.deltaNeutralContract(c)
        w.algo(o)
        w.bool(o.solicited)
        w.string(s.status)
        w.bool(o.randomizeSize)
        w.bool(o.randomizePrice)
        w.pegBench(o)
        w.orderConditions(o.conditions, ignoreRth: o.conditionsIgnoreRth, cancelOrder: o.conditionsCancelOrder)
        w.double(o.trailStopPrice, unset: .sentinel)
        w.double(o.lmtPriceOffset, unset: .sentinel)
        w.double(o.cashQty, unset: .sentinel)
        w.bool(o.dontUseAutoPriceForHedge)
        w.bool(o.isOmsContainer)
        w.string(o.autoCancelDate)
        w.quantity(o.filledQuantity)
        w.int(o.refFuturesConId)
        w.bool(o.autoCancelParent)
        w.string(o.shareholder)
        w.bool(o.imbalanceOnly)
        w.bool(o.routeMarketableToBbo)
        w.int(o.parentPermId)
        w.string(s.completedTime)
        w.string(s.completedStatus)
        if sv >= ServerVersion.pegBestPegMidOffsets { w.pegBestPegMid(o) }
        if sv >= ServerVersion.customerAccount { w.string(o.customerAccount) }
        if sv >= ServerVersion.professionalCustomer { w.bool(o.professionalCustomer) }
        if sv >= ServerVersion.submitter { w.string(o.submitter) }
    }
}
