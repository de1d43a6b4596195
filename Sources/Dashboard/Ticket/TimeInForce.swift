/// How long an order stays working. IB: `Order.tif`.
public enum TimeInForce: String, Sendable, Hashable, Codable, CaseIterable {
    /// Until the end of the trading day (IB `DAY`).
    case day = "DAY"
    /// Until cancelled (IB `GTC`).
    case goodTillCancelled = "GTC"
}
