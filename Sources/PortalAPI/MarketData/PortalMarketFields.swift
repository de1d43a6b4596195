/// A market data field of `/iserver/marketdata/snapshot` and the websocket's `smd` topic, by
/// IB's numeric code.
///
/// Codes and meanings from IB's field table
/// (https://www.interactivebrokers.com/campus/ibkr-api-page/cpapi-v1/#market-data-fields),
/// read in ibind's `ibkr_definitions.py` and in the table copied by public clients. Every value
/// is sent as a string; 31 (last) may carry a prefix, `C` (the previous close, no trade yet
/// today) or `H` (trading halted); 87 (volume) is formatted with `K`/`M`.
public struct PortalMarketField: Sendable, Hashable, CustomStringConvertible {
    /// The numeric code as the JSON key spells it (`"31"`).
    public let code: String
    /// The name ibterm gives it.
    public let name: String

    /// A field by code and name.
    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }

    public var description: String { "\(code) \(name)" }
}

/// The fields ibterm reads, with their codes.
public enum PortalMarketFields {
    /// 31: the last traded price (`C` prefix: the previous close; `H` prefix: halted).
    public static let last = PortalMarketField(code: "31", name: "last")
    /// 70: today's high.
    public static let high = PortalMarketField(code: "70", name: "high")
    /// 71: today's low.
    public static let low = PortalMarketField(code: "71", name: "low")
    /// 82: change from the previous close.
    public static let change = PortalMarketField(code: "82", name: "change")
    /// 83: change from the previous close, in percent.
    public static let changePercent = PortalMarketField(code: "83", name: "change %")
    /// 84: the bid price.
    public static let bid = PortalMarketField(code: "84", name: "bid")
    /// 85: the ask size.
    public static let askSize = PortalMarketField(code: "85", name: "ask size")
    /// 86: the ask price.
    public static let ask = PortalMarketField(code: "86", name: "ask")
    /// 87: today's volume, formatted with `K`/`M` (7762 is the precise one).
    public static let volume = PortalMarketField(code: "87", name: "volume")
    /// 88: the bid size.
    public static let bidSize = PortalMarketField(code: "88", name: "bid size")
    /// 6119: the delivery marker, like a request id (`q1`).
    public static let serviceMarker = PortalMarketField(code: "6119", name: "marker")
    /// 6509: market data availability (`MarketDataAvailability`, e.g. `RpB`).
    public static let availability = PortalMarketField(code: "6509", name: "availability")
    /// 7059: the last trade's size.
    public static let lastSize = PortalMarketField(code: "7059", name: "last size")
    /// 7295: today's open.
    public static let open = PortalMarketField(code: "7295", name: "open")
    /// 7296: today's close.
    public static let close = PortalMarketField(code: "7296", name: "close")
    /// 7741: yesterday's close.
    public static let priorClose = PortalMarketField(code: "7741", name: "prior close")

    /// Every field above, by code.
    public static let all: [PortalMarketField] = [
        last, high, low, change, changePercent, bid, askSize, ask, volume, bidSize, serviceMarker, availability, lastSize, open, close, priorClose,
    ]

    /// The field with a code, if ibterm knows it.
    public static func field(code: String) -> PortalMarketField? { all.first { $0.code == code } }
}
