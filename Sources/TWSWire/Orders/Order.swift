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
    public var totalQuantity: Quantity? = nil
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
    public var activeStartTime: String = ""
    public var activeStopTime: String = ""
    public var ocaGroup: String = ""
    public var ocaType: Int = 0
    public var blockOrder: Bool = false
    public var sweepToFill: Bool = false
    public var displaySize: Int? = 0
    public var triggerMethod: Int = 0
    public var hidden: Bool = false
    public var rule80A: String = ""
    public var allOrNone: Bool = false
    public var minQty: Int? = nil
    public var percentOffset: Double? = nil
    public var overridePercentageConstraints: Bool = false
    /// The trailing stop price (IB's decoders keep the value of the order events' second,
    /// "adjusted" block here).
    public var trailStopPrice: Double? = nil
    /// The trailing stop price as the first (trail parameters) block of OPEN_ORDER and
    /// COMPLETED_ORDER carries it; TWS writes the field twice and they can differ.
    public var trailParamsStopPrice: Double? = nil
    public var trailingPercent: Double? = nil
    public var faGroup: String = ""
    public var faMethod: String = ""
    public var faPercentage: String = ""
    public var faProfile: String = ""
    public var designatedLocation: String = ""
    public var openClose: String = ""
    public var origin: Int = 0
    public var shortSaleSlot: Int = 0
    public var exemptCode: Int = -1
    public var discretionaryAmt: Double = 0
    public var optOutSmartRouting: Bool = false
    public var auctionStrategy: Int = 0
    public var startingPrice: Double? = nil
    public var stockRefPrice: Double? = nil
    public var delta: Double? = nil
    public var stockRangeLower: Double? = nil
    public var stockRangeUpper: Double? = nil
    public var randomizePrice: Bool = false
    public var randomizeSize: Bool = false
    public var volatility: Double? = nil
    public var volatilityType: Int? = nil
    public var deltaNeutralOrderType: String = ""
    public var deltaNeutralAuxPrice: Double? = nil
    public var deltaNeutralConId: Int = 0
    public var deltaNeutralSettlingFirm: String = ""
    public var deltaNeutralClearingAccount: String = ""
    public var deltaNeutralClearingIntent: String = ""
    public var deltaNeutralOpenClose: String = ""
    public var deltaNeutralShortSale: Bool = false
    public var deltaNeutralShortSaleSlot: Int = 0
    public var deltaNeutralDesignatedLocation: String = ""
    public var continuousUpdate: Bool = false
    public var referencePriceType: Int? = nil
    public var basisPoints: Double? = nil
    public var basisPointsType: Int? = nil
    public var scaleInitLevelSize: Int? = nil
    public var scaleSubsLevelSize: Int? = nil
    public var scalePriceIncrement: Double? = nil
    public var scalePriceAdjustValue: Double? = nil
    public var scalePriceAdjustInterval: Int? = nil
    public var scaleProfitOffset: Double? = nil
    public var scaleAutoReset: Bool = false
    public var scaleInitPosition: Int? = nil
    public var scaleInitFillQty: Int? = nil
    public var scaleRandomPercent: Bool = false
    public var scaleTable: String = ""
    public var hedgeType: String = ""
    public var hedgeParam: String = ""
    public var settlingFirm: String = ""
    public var clearingAccount: String = ""
    public var clearingIntent: String = ""
    public var algoStrategy: String = ""
    public var algoParams: [TagValue] = []
    public var smartComboRoutingParams: [TagValue] = []
    public var algoId: String = ""
    public var whatIf: Bool = false
    public var notHeld: Bool = false
    public var solicited: Bool = false
    public var modelCode: String = ""
    /// Per-leg prices of a combo order.
    public var orderComboLegPrices: [Double?] = []
    public var orderMiscOptions: [TagValue] = []
    public var referenceContractId: Int = 0
    public var peggedChangeAmount: Double = 0
    public var isPeggedChangeAmountDecrease: Bool = false
    public var referenceChangeAmount: Double = 0
    public var referenceExchangeId: String = ""
    public var adjustedOrderType: String = ""
    public var triggerPrice: Double? = nil
    public var adjustedStopPrice: Double? = nil
    public var adjustedStopLimitPrice: Double? = nil
    public var adjustedTrailingAmount: Double? = nil
    public var adjustableTrailingUnit: Int = 0
    public var lmtPriceOffset: Double? = nil
    /// Order conditions (price, time, margin, execution, volume, percent change).
    public var conditions: [OrderCondition] = []
    public var conditionsCancelOrder: Bool = false
    public var conditionsIgnoreRth: Bool = false
    public var extOperator: String = ""
    public var softDollarTier: SoftDollarTier = SoftDollarTier()
    public var cashQty: Double? = nil
    public var mifid2DecisionMaker: String = ""
    public var mifid2DecisionAlgo: String = ""
    public var mifid2ExecutionTrader: String = ""
    public var mifid2ExecutionAlgo: String = ""
    public var dontUseAutoPriceForHedge: Bool = false
    public var isOmsContainer: Bool = false
    public var discretionaryUpToLimitPrice: Bool = false
    public var autoCancelDate: String = ""
    public var filledQuantity: Quantity? = nil
    public var refFuturesConId: Int = 0
    public var autoCancelParent: Bool = false
    public var shareholder: String = ""
    public var imbalanceOnly: Bool = false
    public var routeMarketableToBbo: Bool = false
    public var usePriceMgmtAlgo: Bool? = nil
    public var duration: Int? = nil
    public var postToAts: Int? = nil
    public var advancedErrorOverride: String = ""
    public var manualOrderTime: String = ""
    public var minTradeQty: Int? = nil
    public var minCompeteSize: Int? = nil
    public var competeAgainstBestOffset: Double? = nil
    public var midOffsetAtWhole: Double? = nil
    public var midOffsetAtHalf: Double? = nil
    public var customerAccount: String = ""
    public var professionalCustomer: Bool = false
    public var bondAccruedInterest: String = ""
    public var includeOvernight: Bool = false
    public var manualOrderIndicator: Int? = nil
    public var submitter: String = ""
    /// Deprecated fields that are still on the wire.
    public var sharesAllocation: String = ""
    public var eTradeOnly: Bool = false
    public var firmQuoteOnly: Bool = false
    public var nbboPriceCap: Double? = nil

    /// Creates an empty order.
    public init() {}

    /// Creates a simple order.
    public init(
        action: String, totalQuantity: Quantity, orderType: String,
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
    public var name: String = ""
    public var value: String = ""
    public var displayName: String = ""
    /// Creates a tier.
    public init(name: String = "", value: String = "", displayName: String = "") {
        self.name = name
        self.value = value
        self.displayName = displayName
    }
}
