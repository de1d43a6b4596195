import Vocabulary

/// An order as a client places it (IB: placeOrder), in IB's field names.
///
/// Placing a request whose `orderId` names an open order modifies that order.
public struct OrderRequest: Sendable, Hashable, Codable {
    /// The client's order id (`orderId`).
    public var orderId: Int
    /// The id of the client connection that placed it (`clientId`).
    public var clientId: Int
    /// The contract, resolved against the instrument universe.
    public var contract: ContractQuery
    /// `BUY` or `SELL`.
    public var action: OrderAction
    /// Quantity in shares, base-currency units or contracts (`totalQuantity`).
    public var totalQuantity: Int
    /// `MKT`, `LMT`, `STP` or `STP LMT`.
    public var orderType: OrderType
    /// The limit price for LMT and STP LMT (`lmtPrice`).
    public var lmtPrice: FixedDecimal?
    /// The stop price for STP and STP LMT (`auxPrice`).
    public var auxPrice: FixedDecimal?
    /// `DAY` or `GTC` (`tif`).
    public var tif: TimeInForce
    /// The account (`account`); empty means the paper account.
    public var account: String
    /// The client's free-text reference (`orderRef`).
    public var orderRef: String
    /// Parent, transmit and one-cancels-all ties; `nil` for a plain order.
    public var attachment: OrderAttachment?
    /// For trailing orders: the trail as a percentage of the price (instead of `auxPrice`).
    public var trailingPercent: FixedDecimal?
    /// For trailing orders: the initial stop; `nil` starts it one trail from the market.
    public var trailStopPrice: FixedDecimal?
    /// For `TRAIL LIMIT`: how far beyond the stop the limit is set when it triggers.
    public var limitPriceOffset: FixedDecimal?

    /// Creates a request.
    public init(
        orderId: Int, clientId: Int = 0, contract: ContractQuery, action: OrderAction,
        totalQuantity: Int, orderType: OrderType, lmtPrice: FixedDecimal? = nil,
        auxPrice: FixedDecimal? = nil, tif: TimeInForce = .day, account: String = "",
        orderRef: String = "", attachment: OrderAttachment? = nil, trailingPercent: FixedDecimal? = nil,
        trailStopPrice: FixedDecimal? = nil, limitPriceOffset: FixedDecimal? = nil
    ) {
        self.trailingPercent = trailingPercent
        self.trailStopPrice = trailStopPrice
        self.limitPriceOffset = limitPriceOffset
        self.orderId = orderId
        self.clientId = clientId
        self.contract = contract
        self.action = action
        self.totalQuantity = totalQuantity
        self.orderType = orderType
        self.lmtPrice = lmtPrice
        self.auxPrice = auxPrice
        self.tif = tif
        self.account = account
        self.orderRef = orderRef
        self.attachment = attachment?.isPlain == true ? nil : attachment
    }
}
