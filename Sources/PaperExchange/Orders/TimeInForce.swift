/// How long an order works, with IB's `tif` codes as raw values.
public enum TimeInForce: String, Sendable, Hashable, Codable, CaseIterable {
    /// `DAY`: cancelled when the session ends.
    case day = "DAY"
    /// `GTC`: works across sessions until filled or cancelled.
    case goodTillCancel = "GTC"
}
