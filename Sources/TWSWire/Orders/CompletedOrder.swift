/// A filled or cancelled order from REQ_COMPLETED_ORDERS (IB: COMPLETED_ORDER, id 101).
///
/// Its layout differs from OPEN_ORDER: no order id or client id, and the final status,
/// completion time, filled quantity and parent perm id at the end.
public struct CompletedOrder: WireMessage {
    public static let wireName: StaticString = "COMPLETED_ORDER"
    /// The contract concerned.
    public var contract: Contract
    /// IB's `order` field.
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
        try r.eventContract(into: &c)
        try r.eventOrderHead(into: &o)
        o.permId = try r.int("permId")
        o.outsideRth = try r.bool("outsideRth")
        o.hidden = try r.bool("hidden")
        o.discretionaryAmt = try r.double("discretionaryAmt")
        o.goodAfterTime = try r.string("goodAfterTime")
        try r.eventOrderAllocation(into: &o, serverVersion: sv)
        try r.eventOrderBoxPrices(into: &o)
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
        w.eventOrderHead(o)
        w.int(o.permId)
        w.bool(o.outsideRth)
        w.bool(o.hidden)
        w.double(o.discretionaryAmt)
        w.string(o.goodAfterTime)
        w.eventOrderAllocation(o, serverVersion: sv)
        w.eventOrderBoxPrices(o)
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
