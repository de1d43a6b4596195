/// How far a quote on screen can be trusted.
///
/// The cases are ordered from best to worst for display; `FreshnessTracker` decides which one
/// applies, with this precedence: disconnected (or polled, when a snapshot was read over the
/// Client Portal since), no entitlement, no data, stale after recovery,
/// halted, frozen, delayed, then the age rule (live, aging, stale).
public enum Freshness: String, Sendable, Hashable, Codable, CaseIterable {
    /// Updated within half the staleness threshold.
    case live
    /// No update for more than half the threshold (but not more than the threshold).
    case aging
    /// No update for more than the threshold, or waiting for the first tick after a recovery.
    /// The last price is kept, but must not be drawn like a live one.
    case stale
    /// Read by polling a snapshot (the Client Portal's, while the socket link is down): a price
    /// as old as its age, never live however recent.
    case polled
    /// Delayed data (market data type 3 or 4, or notice 10167), typically 15–20 minutes old.
    case delayed
    /// Frozen data: the last quote at the close (market data type 2).
    case frozen
    /// Trading in the instrument is halted (IB generic tick 49 above 0).
    case halted
    /// No market-data entitlement: 354, 10089, 10168, 10186 or 10197. No prices will arrive.
    case noEntitlement
    /// Subscribed, but not a single tick has arrived yet.
    case noData
    /// The connection to TWS, or TWS's link to IB, is down (socket closed, 1100, 2110).
    case disconnected

    /// The upper-case badge the UI shows (`LIVE`, `NO ENTITLEMENT`).
    public var badge: String {
        switch self {
        case .live: "LIVE"
        case .aging: "AGING"
        case .stale: "STALE"
        case .polled: "POLLED"
        case .delayed: "DELAYED"
        case .frozen: "FROZEN"
        case .halted: "HALTED"
        case .noEntitlement: "NO ENTITLEMENT"
        case .noData: "NO DATA"
        case .disconnected: "DISCONNECTED"
        }
    }

    /// The lower-case word used in labels (`stale 47 s`).
    public var word: String {
        switch self {
        case .noEntitlement: "no entitlement"
        case .noData: "no data"
        default: rawValue
        }
    }

    /// Whether a price with this freshness may be drawn and traded like a live one.
    public var isLive: Bool { self == .live }
}

extension Freshness {
    /// The state's place in `allCases`.
    public var ordinal: Int {
        switch self {
        case .live: 0
        case .aging: 1
        case .stale: 2
        case .polled: 3
        case .delayed: 4
        case .frozen: 5
        case .halted: 6
        case .noEntitlement: 7
        case .noData: 8
        case .disconnected: 9
        }
    }
}
