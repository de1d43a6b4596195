/// Whether an order buys or sells, with IB's `action` codes as raw values.
public enum OrderAction: String, Sendable, Hashable, Codable, CaseIterable {
    /// `BUY`.
    case buy = "BUY"
    /// `SELL`.
    case sell = "SELL"

    /// The execution side IB reports in execDetails: `BOT` or `SLD`.
    public var executionSide: String { self == .buy ? "BOT" : "SLD" }

    /// +1 for a buy, −1 for a sell.
    public var sign: Int { self == .buy ? 1 : -1 }
}
