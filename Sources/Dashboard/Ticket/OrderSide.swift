/// Whether an order buys or sells. IB: `Order.action` (`BUY`, `SELL`).
public enum OrderSide: String, Sendable, Hashable, Codable, CaseIterable {
    /// Buy (IB `BUY`).
    case buy = "BUY"
    /// Sell (IB `SELL`).
    case sell = "SELL"

    /// The sign of the position change: +1 for a buy, -1 for a sell.
    public var sign: Int { self == .buy ? 1 : -1 }
}
