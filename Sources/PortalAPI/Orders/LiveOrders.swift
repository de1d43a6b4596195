/// The answer of `GET /iserver/account/orders`: the orders of the brokerage session, working,
/// filled or cancelled, and whether this is a full `snapshot`.
///
/// Shape (https://www.interactivebrokers.com/campus/ibkr-api-page/webapi-doc/#live-orders):
/// `{"orders":[{"acct":"U1234567","conidex":"265598","conid":265598,"account":"U1234567",
///   "orderId":1234568790,"cashCcy":"USD","sizeAndFills":"5","orderDesc":"Sold 5 Market, GTC",
///   "description1":"AAPL","ticker":"AAPL","secType":"STK","listingExchange":"NASDAQ.NMS",
///   "remainingQuantity":0.0,"filledQuantity":5.0,"totalSize":5.0,"companyName":"APPLE INC",
///   "status":"Filled","order_ccp_status":"Filled","avgPrice":"192.26","origOrderType":"MARKET",
///   "supportsTaxOpt":"1","lastExecutionTime":"231211180049","orderType":"Market","bgColor":"#FFFFFF",
///   "fgColor":"#000000","order_ref":"Order123","timeInForce":"GTC","lastExecutionTime_r":1702317649000,
///   "side":"SELL"}],"snapshot":true}`.
public struct LiveOrders: Codable, Sendable, Equatable {
    /// The orders.
    public var orders: [LiveOrder]
    /// Whether the list is complete (false while the gateway is still filling it).
    public var snapshot: Bool

    /// A list of orders.
    public init(orders: [LiveOrder], snapshot: Bool) {
        self.orders = orders
        self.snapshot = snapshot
    }
}

/// One order of `/iserver/account/orders`.
public struct LiveOrder: Codable, Sendable, Equatable {
    /// The account.
    public var acct: String
    /// The contract with its exchange.
    public var conidex: String
    /// The contract.
    public var conid: Int
    /// The account again.
    public var account: String?
    /// The order's id, a number here.
    public var orderId: Int
    /// The cash currency.
    public var cashCcy: String?
    /// Size and fills as text.
    public var sizeAndFills: String?
    /// The order described (`Sold 5 Market, GTC`).
    public var orderDesc: String?
    /// The symbol line.
    public var description1: String?
    /// The symbol.
    public var ticker: String
    /// The security type.
    public var secType: String
    /// The listing exchange.
    public var listingExchange: String?
    /// Still to fill.
    public var remainingQuantity: Double
    /// Filled.
    public var filledQuantity: Double
    /// The order's size.
    public var totalSize: Double
    /// The company's name.
    public var companyName: String?
    /// `PreSubmitted`, `Submitted`, `Filled`, `Cancelled`, `Inactive`, …
    public var status: String
    /// The status at the clearing house.
    public var order_ccp_status: String?
    /// The average fill price, as text; absent before a fill.
    public var avgPrice: String?
    /// The order type in capitals (`MARKET`, `LIMIT`).
    public var origOrderType: String?
    /// Internal to IB.
    public var supportsTaxOpt: String?
    /// The last fill's time, `yyMMddHHmmss`.
    public var lastExecutionTime: String?
    /// The order type as shown (`Market`, `Limit`).
    public var orderType: String
    /// Display colours.
    public var bgColor: String?
    /// Display colours.
    public var fgColor: String?
    /// The client's reference (the ticket's `cOID`).
    public var order_ref: String?
    /// The time in force.
    public var timeInForce: String
    /// The last fill's time, milliseconds since the epoch.
    public var lastExecutionTime_r: Int64?
    /// `BUY` or `SELL`.
    public var side: String
    /// The limit price, as text, for a limit order.
    public var price: String?

    /// An order with the fields the paper gateway fills.
    public init(
        account: String, conid: Int, orderId: Int, ticker: String, secType: String = "STK", side: String, orderType: String, origOrderType: String,
        timeInForce: String, totalSize: Double, filledQuantity: Double, status: String, price: String? = nil, avgPrice: String? = nil,
        orderRef: String? = nil, lastExecutionTime: String? = nil, lastExecutionTimeMilliseconds: Int64? = nil, companyName: String? = nil
    ) {
        acct = account
        conidex = String(conid)
        self.conid = conid
        self.account = account
        self.orderId = orderId
        cashCcy = nil
        sizeAndFills = nil
        orderDesc = nil
        description1 = ticker
        self.ticker = ticker
        self.secType = secType
        listingExchange = nil
        remainingQuantity = totalSize - filledQuantity
        self.filledQuantity = filledQuantity
        self.totalSize = totalSize
        self.companyName = companyName
        self.status = status
        order_ccp_status = status
        self.avgPrice = avgPrice
        self.origOrderType = origOrderType
        supportsTaxOpt = nil
        self.lastExecutionTime = lastExecutionTime
        self.orderType = orderType
        bgColor = nil
        fgColor = nil
        order_ref = orderRef
        self.timeInForce = timeInForce
        lastExecutionTime_r = lastExecutionTimeMilliseconds
        self.side = side
        self.price = price
    }
}
