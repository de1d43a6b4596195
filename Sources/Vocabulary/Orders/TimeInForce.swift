/// How long an order stays working, with IB's `Order.tif` codes as raw values.
public enum TimeInForce: String, Sendable, Hashable, Codable, CaseIterable {
    /// `DAY`: cancelled when the trading session ends.
    case day = "DAY"
    /// `GTC`: works across sessions until filled or cancelled.
    case goodTillCancelled = "GTC"
    /// `IOC`: fills what it can at once; the rest is cancelled.
    case immediateOrCancel = "IOC"
    /// `FOK`: fills whole at once, or not at all.
    case fillOrKill = "FOK"

    /// Whether the order lives only at its arrival (IOC, FOK).
    public var isImmediate: Bool { self == .immediateOrCancel || self == .fillOrKill }
}
