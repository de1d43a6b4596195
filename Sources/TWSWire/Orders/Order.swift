import Vocabulary

/// An order as the TWS API describes it (IB: `Order`).
///
/// Every field PLACE_ORDER, OPEN_ORDER and COMPLETED_ORDER carry is here under IB's name, so
/// a decoded order can be sent on unchanged. IB's "unset" sentinels are `nil`. Most orders set
/// only ``action``, ``totalQuantity``, ``orderType``, ``lmtPrice``/``auxPrice`` and ``tif``.
public struct Order: Hashable, Sendable, Codable {
    // MARK: Identity
    /// The client's id for this order (from nextValidId).
    public var orderId: Int = 0
    /// The API client id that placed it.
    public var clientId: Int = 0
    /// TWS's permanent id.
    public var permId: Int = 0
    /// Parent order id (brackets, attached orders); 0 for none.
    public var parentId: Int = 0
    /// Parent's permanent id (completed orders).
    public var parentPermId: Int = 0

    // MARK: Main fields
    /// `BUY`, `SELL` or `SSHORT`.
    public var action: String = ""
    /// Quantity to trade.
    public var totalQuantity: FixedDecimal? = nil
    /// `MKT`, `LMT`, `STP`, `STP LMT`, ...
    public var orderType: String = ""
    /// Limit price (LMT, STP LMT).
    public var lmtPrice: Double? = nil
    /// Auxiliary price: the stop trigger for STP and STP LMT.
    public var auxPrice: Double? = nil
    /// Time in force: `DAY`, `GTC`, `IOC`, `GTD`, ...
    public var tif: String = ""
    /// Account the order is for.
    public var account: String = ""
    /// Free text echoed back in order and execution messages.
    public var orderRef: String = ""
    /// Whether TWS transmits the order (false holds it in TWS).
    public var transmit: Bool = true
    /// Whether the order may fill outside regular trading hours.
    public var outsideRth: Bool = false
    /// Good-after time, `yyyymmdd hh:mm:ss [tz]`.
    public var goodAfterTime: String = ""
    /// Good-till date for GTD orders.
    public var goodTillDate: String = ""

    // MARK: Less common fields (IB's names; see IB's Order documentation)
    /// IB's `activeStartTime` field.
    public var activeStartTime: String = ""
    /// IB's `activeStopTime` field.
    public var activeStopTime: String = ""
    /// IB's `ocaGroup` field.
    public var ocaGroup: String = ""
    /// IB's `ocaType` field.
    public var ocaType: Int = 0
    /// IB's `blockOrder` field.
    public var blockOrder: Bool = false
    /// IB's `sweepToFill` field.
    public var sweepToFill: Bool = false
    /// IB's `displaySize` field.
    public var displaySize: Int? = 0
    /// IB's `triggerMethod` field.
    public var triggerMethod: Int = 0
    /// IB's `hidden` field.
    public var hidden: Bool = false
    /// IB's `rule80A` field.
    public var rule80A: String = ""
    /// IB's `allOrNone` field.
    public var allOrNone: Bool = false
    /// IB's `minQty` field.
    public var minQty: Int? = nil
    /// IB's `percentOffset` field.
    public var percentOffset: Double? = nil
    /// IB's `overridePercentageConstraints` field.
    public var overridePercentageConstraints: Bool = false
    /// The trailing stop price (IB's decoders keep the value of the order events' second,
    /// "adjusted" block here).
    public var trailStopPrice: Double? = nil
    /// The trailing stop price as the first (trail parameters) block of OPEN_ORDER and
    /// COMPLETED_ORDER carries it; TWS writes the field twice and they can differ.
    public var trailParamsStopPrice: Double? = nil
    /// IB's `trailingPercent` field.
    public var trailingPercent: Double? = nil
    /// IB's `faGroup` field.
    public var faGroup: String = ""
    /// IB's `faMethod` field.
    public var faMethod: String = ""
    /// IB's `faPercentage` field.
    public var faPercentage: String = ""
    /// IB's `faProfile` field.
    public var faProfile: String = ""
    /// IB's `designatedLocation` field.
    public var designatedLocation: String = ""
    /// IB's `openClose` field.
    public var openClose: String = ""
    /// IB's `origin` field.
    public var origin: Int = 0
    /// IB's `shortSaleSlot` field.
    public var shortSaleSlot: Int = 0
    /// IB's `exemptCode` field.
    public var exemptCode: Int = -1
    /// IB's `discretionaryAmt` field.
    public var discretionaryAmt: Double = 0
    /// IB's `optOutSmartRouting` field.
    public var optOutSmartRouting: Bool = false
    /// IB's `auctionStrategy` field.
    public var auctionStrategy: Int = 0
    /// IB's `startingPrice` field.
    public var startingPrice: Double? = nil
    /// IB's `stockRefPrice` field.
    public var stockRefPrice: Double? = nil
    /// Delta.
    public var delta: Double? = nil
    /// IB's `stockRangeLower` field.
    public var stockRangeLower: Double? = nil
    /// IB's `stockRangeUpper` field.
    public var stockRangeUpper: Double? = nil
    /// IB's `randomizePrice` field.
    public var randomizePrice: Bool = false
    /// IB's `randomizeSize` field.
    public var randomizeSize: Bool = false
    /// IB's `volatility` field.
    public var volatility: Double? = nil
    /// IB's `volatilityType` field.
    public var volatilityType: Int? = nil
    /// IB's `deltaNeutralOrderType` field.
    public var deltaNeutralOrderType: String = ""
    /// IB's `deltaNeutralAuxPrice` field.
    public var deltaNeutralAuxPrice: Double? = nil
    /// IB's `deltaNeutralConId` field.
    public var deltaNeutralConId: Int = 0
    /// IB's `deltaNeutralSettlingFirm` field.
    public var deltaNeutralSettlingFirm: String = ""
    /// IB's `deltaNeutralClearingAccount` field.
    public var deltaNeutralClearingAccount: String = ""
    /// IB's `deltaNeutralClearingIntent` field.
    public var deltaNeutralClearingIntent: String = ""
    /// IB's `deltaNeutralOpenClose` field.
    public var deltaNeutralOpenClose: String = ""
    /// IB's `deltaNeutralShortSale` field.
    public var deltaNeutralShortSale: Bool = false
    /// IB's `deltaNeutralShortSaleSlot` field.
    public var deltaNeutralShortSaleSlot: Int = 0
    /// IB's `deltaNeutralDesignatedLocation` field.
    public var deltaNeutralDesignatedLocation: String = ""
    /// IB's `continuousUpdate` field.
    public var continuousUpdate: Bool = false
    /// IB's `referencePriceType` field.
    public var referencePriceType: Int? = nil
    /// IB's `basisPoints` field.
    public var basisPoints: Double? = nil
    /// IB's `basisPointsType` field.
    public var basisPointsType: Int? = nil
    /// IB's `scaleInitLevelSize` field.
    public var scaleInitLevelSize: Int? = nil
    /// IB's `scaleSubsLevelSize` field.
    public var scaleSubsLevelSize: Int? = nil
    /// IB's `scalePriceIncrement` field.
    public var scalePriceIncrement: Double? = nil
    /// IB's `scalePriceAdjustValue` field.
    public var scalePriceAdjustValue: Double? = nil
    /// IB's `scalePriceAdjustInterval` field.
    public var scalePriceAdjustInterval: Int? = nil
    /// IB's `scaleProfitOffset` field.
    public var scaleProfitOffset: Double? = nil
    /// IB's `scaleAutoReset` field.
    public var scaleAutoReset: Bool = false
    /// IB's `scaleInitPosition` field.
    public var scaleInitPosition: Int? = nil
    /// IB's `scaleInitFillQty` field.
    public var scaleInitFillQty: Int? = nil
    /// IB's `scaleRandomPercent` field.
    public var scaleRandomPercent: Bool = false
    /// IB's `scaleTable` field.
    public var scaleTable: String = ""
    /// IB's `hedgeType` field.
    public var hedgeType: String = ""
    /// IB's `hedgeParam` field.
    public var hedgeParam: String = ""
    /// IB's `settlingFirm` field.
    public var settlingFirm: String = ""
    /// IB's `clearingAccount` field.
    public var clearingAccount: String = ""
    /// IB's `clearingIntent` field.
    public var clearingIntent: String = ""
    /// IB's `algoStrategy` field.
    public var algoStrategy: String = ""
    /// IB's `algoParams` field.
    public var algoParams: [TagValue] = []
    /// IB's `smartComboRoutingParams` field.
    public var smartComboRoutingParams: [TagValue] = []
    /// IB's `algoId` field.
    public var algoId: String = ""
    /// IB's `whatIf` field.
    public var whatIf: Bool = false
    /// IB's `notHeld` field.
    public var notHeld: Bool = false
    /// IB's `solicited` field.
    public var solicited: Bool = false
    /// Advisor model code; empty for none.
    public var modelCode: String = ""
    /// Per-leg prices of a combo order.
    public var orderComboLegPrices: [Double?] = []
    /// IB's `orderMiscOptions` field.
    public var orderMiscOptions: [TagValue] = []
    /// IB's `referenceContractId` field.
    public var referenceContractId: Int = 0
    /// IB's `peggedChangeAmount` field.
    public var peggedChangeAmount: Double = 0
    /// IB's `isPeggedChangeAmountDecrease` field.
    public var isPeggedChangeAmountDecrease: Bool = false
    /// IB's `referenceChangeAmount` field.
    public var referenceChangeAmount: Double = 0
    /// IB's `referenceExchangeId` field.
    public var referenceExchangeId: String = ""
    /// IB's `adjustedOrderType` field.
    public var adjustedOrderType: String = ""
    /// IB's `triggerPrice` field.
    public var triggerPrice: Double? = nil
    /// IB's `adjustedStopPrice` field.
    public var adjustedStopPrice: Double? = nil
    /// IB's `adjustedStopLimitPrice` field.
    public var adjustedStopLimitPrice: Double? = nil
    /// IB's `adjustedTrailingAmount` field.
    public var adjustedTrailingAmount: Double? = nil
    /// IB's `adjustableTrailingUnit` field.
    public var adjustableTrailingUnit: Int = 0
    /// IB's `lmtPriceOffset` field.
    public var lmtPriceOffset: Double? = nil
    /// Order conditions (price, time, margin, execution, volume, percent change).
    public var conditions: [OrderCondition] = []
    /// IB's `conditionsCancelOrder` field.
    public var conditionsCancelOrder: Bool = false
    /// IB's `conditionsIgnoreRth` field.
    public var conditionsIgnoreRth: Bool = false
    /// External operator id (CME tagging).
    public var extOperator: String = ""
    /// IB's `softDollarTier` field.
    public var softDollarTier: SoftDollarTier = SoftDollarTier()
    /// IB's `cashQty` field.
    public var cashQty: Double? = nil
    /// IB's `mifid2DecisionMaker` field.
    public var mifid2DecisionMaker: String = ""
    /// IB's `mifid2DecisionAlgo` field.
    public var mifid2DecisionAlgo: String = ""
    /// IB's `mifid2ExecutionTrader` field.
    public var mifid2ExecutionTrader: String = ""
    /// IB's `mifid2ExecutionAlgo` field.
    public var mifid2ExecutionAlgo: String = ""
    /// IB's `dontUseAutoPriceForHedge` field.
    public var dontUseAutoPriceForHedge: Bool = false
    /// IB's `isOmsContainer` field.
    public var isOmsContainer: Bool = false
    /// IB's `discretionaryUpToLimitPrice` field.
    public var discretionaryUpToLimitPrice: Bool = false
    /// IB's `autoCancelDate` field.
    public var autoCancelDate: String = ""
    /// IB's `filledQuantity` field.
    public var filledQuantity: FixedDecimal? = nil
    /// IB's `refFuturesConId` field.
    public var refFuturesConId: Int = 0
    /// IB's `autoCancelParent` field.
    public var autoCancelParent: Bool = false
    /// IB's `shareholder` field.
    public var shareholder: String = ""
    /// IB's `imbalanceOnly` field.
    public var imbalanceOnly: Bool = false
    /// IB's `routeMarketableToBbo` field.
    public var routeMarketableToBbo: Bool = false
    /// IB's `usePriceMgmtAlgo` field.
    public var usePriceMgmtAlgo: Bool? = nil
    /// IB's `duration` field.
    public var duration: Int? = nil
    /// IB's `postToAts` field.
    public var postToAts: Int? = nil
    /// IB's `advancedErrorOverride` field.
    public var advancedErrorOverride: String = ""
    /// IB's `manualOrderTime` field.
    public var manualOrderTime: String = ""
    /// IB's `minTradeQty` field.
    public var minTradeQty: Int? = nil
    /// IB's `minCompeteSize` field.
    public var minCompeteSize: Int? = nil
    /// IB's `competeAgainstBestOffset` field.
    public var competeAgainstBestOffset: Double? = nil
    /// IB's `midOffsetAtWhole` field.
    public var midOffsetAtWhole: Double? = nil
    /// IB's `midOffsetAtHalf` field.
    public var midOffsetAtHalf: Double? = nil
    /// IB's `customerAccount` field.
    public var customerAccount: String = ""
    /// IB's `professionalCustomer` field.
    public var professionalCustomer: Bool = false
    /// IB's `bondAccruedInterest` field.
    public var bondAccruedInterest: String = ""
    /// IB's `includeOvernight` field.
    public var includeOvernight: Bool = false
    /// CME manual-order indicator; `nil` when unset.
    public var manualOrderIndicator: Int? = nil
    /// IB's `submitter` field.
    public var submitter: String = ""
    /// Deprecated fields that are still on the wire.
    public var sharesAllocation: String = ""
    /// IB's `eTradeOnly` field.
    public var eTradeOnly: Bool = false
    /// IB's `firmQuoteOnly` field.
    public var firmQuoteOnly: Bool = false
    /// IB's `nbboPriceCap` field.
    public var nbboPriceCap: Double? = nil

    /// Creates an empty order.
    public init() {}

    /// Creates a simple order.
    public init(
        action: String, totalQuantity: FixedDecimal, orderType: String,
        lmtPrice: Double? = nil, auxPrice: Double? = nil, tif: String = "DAY", account: String = ""
    ) {
        self.action = action
        self.totalQuantity = totalQuantity
        self.orderType = orderType
        self.lmtPrice = lmtPrice
        self.auxPrice = auxPrice
        self.tif = tif
        self.account = account
    }

    /// Whether the order type is pegged to a benchmark (extra fields follow on the wire).
    var isPegBench: Bool { orderType == "PEG BENCH" || orderType == "PEGBENCH" }
    /// Whether the order type is PEG BEST.
    var isPegBest: Bool { orderType == "PEG BEST" || orderType == "PEGBEST" }
    /// Whether the order type is PEG MID.
    var isPegMid: Bool { orderType == "PEG MID" || orderType == "PEGMID" }
}

/// A soft-dollar tier (IB: `SoftDollarTier`).
public struct SoftDollarTier: Hashable, Sendable, Codable {
    /// IB's `name` field.
    public var name: String = ""
    /// The value, as IB sends it.
    public var value: String = ""
    /// IB's `displayName` field.
    public var displayName: String = ""
    /// Creates a tier.
    public init(name: String = "", value: String = "", displayName: String = "") {
        self.name = name
        self.value = value
        self.displayName = displayName
    }
}
