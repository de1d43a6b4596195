/// One fill.
public struct ExecutionLine: Hashable, Sendable {
    /// When, formatted (`10:31:05`).
    public var time: String
    /// Buy or sell.
    public var side: TradeSide
    /// Filled quantity.
    public var quantity: String
    /// Symbol.
    public var symbol: String
    /// Fill price.
    public var price: String
    /// Commission, once reported.
    public var commission: String?
    /// The order it belongs to.
    public var orderID: String
    /// The exchange it filled on.
    public var exchange: String?
    /// Whether it arrived a moment ago (the row flashes).
    public var isFlashing = false

    /// Creates a row.
    public init(
        time: String, side: TradeSide, quantity: String, symbol: String, price: String,
        commission: String? = nil, orderID: String, exchange: String? = nil
    ) {
        self.time = time
        self.side = side
        self.quantity = quantity
        self.symbol = symbol
        self.price = price
        self.commission = commission
        self.orderID = orderID
        self.exchange = exchange
    }
}

extension ExecutionLine: FlashingRow {}
