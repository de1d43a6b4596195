import Vocabulary

/// A validated order, ready for the client to send. IB: the `Order` of `placeOrder`.
public struct OrderInstruction: Sendable, Hashable, Codable {
    /// Buy or sell.
    public var side: OrderSide
    /// Whole number of shares, above zero.
    public var quantity: Int
    /// The symbol.
    public var symbol: String
    /// The order type.
    public var orderType: OrderType
    /// The limit price (limit and stop-limit orders).
    public var limitPrice: FixedDecimal?
    /// The stop trigger price (stop and stop-limit orders).
    public var stopPrice: FixedDecimal?
    /// The time in force.
    public var timeInForce: TimeInForce
    /// A trailing stop's distance from the market as an amount (`TRAIL`, `TRAIL LIMIT`).
    public var trailingAmount: FixedDecimal?
    /// A trailing stop's distance as a percentage (`1.5` for 1.5 %), instead of an amount.
    public var trailingPercent: FixedDecimal?
    /// A trailing stop-limit's limit offset from the stop (IB `lmtPriceOffset`).
    public var limitOffset: FixedDecimal?
    /// How the order is tied to others of its group, once numbered; `nil` for a plain order.
    public var link: OrderLink?

    /// Creates an instruction.
    public init(
        side: OrderSide, quantity: Int, symbol: String, orderType: OrderType,
        limitPrice: FixedDecimal? = nil, stopPrice: FixedDecimal? = nil, timeInForce: TimeInForce = .day,
        trailingAmount: FixedDecimal? = nil, trailingPercent: FixedDecimal? = nil, limitOffset: FixedDecimal? = nil,
        link: OrderLink? = nil
    ) {
        self.trailingAmount = trailingAmount
        self.trailingPercent = trailingPercent
        self.limitOffset = limitOffset
        self.link = link
        self.side = side
        self.quantity = quantity
        self.symbol = symbol
        self.orderType = orderType
        self.limitPrice = limitPrice
        self.stopPrice = stopPrice
        self.timeInForce = timeInForce
    }

    /// A one-line description: `BUY 100 AAPL LMT 231.40 DAY`, `SELL 100 AAPL TRAIL 1.5% GTC`.
    public var summary: String {
        var parts = [side.rawValue, "\(quantity)", symbol, orderType.rawValue]
        if let stopPrice { parts.append(stopPrice.formatted(minimumFractionDigits: 2)) }
        if let limitPrice { parts.append(limitPrice.formatted(minimumFractionDigits: 2)) }
        if let trailingAmount { parts.append(trailingAmount.formatted(minimumFractionDigits: 2)) }
        if let trailingPercent { parts.append("\(trailingPercent)%") }
        if let limitOffset { parts.append("offset \(limitOffset.formatted(minimumFractionDigits: 2))") }
        parts.append(timeInForce.rawValue)
        return parts.joined(separator: " ")
    }
}
