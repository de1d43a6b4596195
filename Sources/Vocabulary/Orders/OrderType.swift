/// The order types ibterm places and the paper exchange matches, with IB's `Order.orderType`
/// codes as raw values.
public enum OrderType: String, Sendable, Hashable, Codable, CaseIterable {
    /// `MKT`: fills at the touch.
    case market = "MKT"
    /// `LMT`: fills at the limit (`lmtPrice`) or better.
    case limit = "LMT"
    /// `STP`: becomes a market order when the stop (`auxPrice`) is reached.
    case stop = "STP"
    /// `STP LMT`: becomes a limit order at `lmtPrice` when the stop (`auxPrice`) is reached.
    case stopLimit = "STP LMT"
    /// `TRAIL`: a stop that follows the market by an amount (`auxPrice`) or a percentage
    /// (`trailingPercent`) and becomes a market order when reached.
    case trail = "TRAIL"
    /// `TRAIL LIMIT`: a trailing stop that becomes a limit order `lmtPriceOffset` beyond the
    /// stop when reached.
    case trailLimit = "TRAIL LIMIT"

    /// Whether the type needs a limit price (`lmtPrice`).
    public var needsLimitPrice: Bool { self == .limit || self == .stopLimit }

    /// Whether the type needs a stop (trigger) price (`auxPrice`).
    public var needsStopPrice: Bool { self == .stop || self == .stopLimit }

    /// Whether the stop trails the market (`TRAIL`, `TRAIL LIMIT`).
    public var isTrailing: Bool { self == .trail || self == .trailLimit }
}
