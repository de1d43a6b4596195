/// How long an order stays working, with IB's `Order.tif` codes as raw values.
public enum TimeInForce: String, Sendable, Hashable, Codable, CaseIterable {
    /// `DAY`: cancelled when the trading session ends.
    case day = "DAY"
    /// `GTC`: works across sessions until filled or cancelled.
    case goodTillCancelled = "GTC"
}
