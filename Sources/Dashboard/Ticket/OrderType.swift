/// The order types the ticket supports. IB: `Order.orderType`.
public enum OrderType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Market order (IB `MKT`).
    case market = "MKT"
    /// Limit order (IB `LMT`).
    case limit = "LMT"
    /// Stop order (IB `STP`).
    case stop = "STP"
    /// Stop-limit order (IB `STP LMT`).
    case stopLimit = "STP LMT"

    /// Whether the type needs a limit price.
    public var needsLimitPrice: Bool { self == .limit || self == .stopLimit }
    /// Whether the type needs a stop (trigger) price.
    public var needsStopPrice: Bool { self == .stop || self == .stopLimit }
}
