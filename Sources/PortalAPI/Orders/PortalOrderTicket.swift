/// The body of `POST /iserver/account/{accountId}/orders`: `{"orders":[ticket, …]}` (several
/// tickets make a bracket, children naming the parent's `cOID` in `parentId`).
///
/// Shape (https://www.interactivebrokers.com/campus/ibkr-api-page/webapi-doc/#place-order, and
/// the bracket example there): `{"orders":[{"acctId":"U1234567","conid":265598,"cOID":"Parent",
/// "orderType":"MKT","listingExchange":"SMART","outsideRTH":true,"side":"Buy","tif":"GTC",
/// "quantity":50}]}`. The modify call (`POST …/order/{orderId}`) takes one bare ticket.
/// Keys and values are case-sensitive.
public struct OrdersRequest: Codable, Sendable, Equatable {
    /// The tickets.
    public var orders: [PortalOrderTicket]

    /// A request of tickets.
    public init(orders: [PortalOrderTicket]) { self.orders = orders }
}

/// One order ticket.
public struct PortalOrderTicket: Codable, Sendable, Equatable {
    /// The account (optional: the path names it).
    public var acctId: String?
    /// The contract.
    public var conid: Int
    /// The client's own order id, unique per order.
    public var cOID: String?
    /// A child's parent `cOID`, for brackets.
    public var parentId: String?
    /// `MKT`, `LMT`, `STP`, `STOP_LIMIT`, …
    public var orderType: String
    /// The listing exchange, optional.
    public var listingExchange: String?
    /// Whether it may fill outside regular hours.
    public var outsideRTH: Bool?
    /// The limit price (or the stop price of a `STP`).
    public var price: Double?
    /// The stop price of a stop-limit.
    public var auxPrice: Double?
    /// `BUY` or `SELL`.
    public var side: String
    /// A free reference.
    public var referrer: String?
    /// `DAY`, `GTC`, `IOC`, `OPG`, …
    public var tif: String
    /// The quantity.
    public var quantity: Double

    /// A ticket.
    public init(
        acctId: String? = nil, conid: Int, cOID: String? = nil, parentId: String? = nil, orderType: String, listingExchange: String? = nil,
        outsideRTH: Bool? = nil, price: Double? = nil, auxPrice: Double? = nil, side: String, referrer: String? = nil, tif: String, quantity: Double
    ) {
        self.acctId = acctId
        self.conid = conid
        self.cOID = cOID
        self.parentId = parentId
        self.orderType = orderType
        self.listingExchange = listingExchange
        self.outsideRTH = outsideRTH
        self.price = price
        self.auxPrice = auxPrice
        self.side = side
        self.referrer = referrer
        self.tif = tif
        self.quantity = quantity
    }
}
