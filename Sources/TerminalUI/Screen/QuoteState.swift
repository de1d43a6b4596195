/// How far a quote on screen can be trusted, as the views draw it. Mirrors the dashboard's
/// freshness states without depending on the `Dashboard` target.
///
/// Only `.live` prices are drawn in the ordinary text style; every other state draws its
/// prices in its own role, next to its mark (`MarkGlyphs`) and its word with the age
/// (`stale 47 s`), so the states stay apart without colour too.
public enum QuoteState: String, CaseIterable, Hashable, Sendable {
    /// Updated within half the staleness threshold.
    case live
    /// No update for more than half the threshold.
    case aging
    /// No update for more than the threshold; the last price is kept.
    case stale
    /// Delayed (not real-time) data.
    case delayed
    /// Frozen data: the last quote of a closed market.
    case frozen
    /// Trading is halted.
    case halted
    /// The account is not entitled to this data.
    case noEntitlement
    /// Subscribed, but nothing has arrived yet.
    case noData
    /// The connection is down.
    case disconnected

    /// The lower-case word shown with the age (`stale`, `no entitlement`).
    public var word: String {
        switch self {
        case .noEntitlement: "no entitlement"
        case .noData: "no data"
        default: rawValue
        }
    }

    /// The theme role of the state's mark and word (and of its prices unless live).
    public var role: ThemeRole {
        switch self {
        case .live: .live
        case .aging: .aging
        case .stale: .stale
        case .delayed: .delayed
        case .frozen: .frozen
        case .halted: .halted
        case .noEntitlement: .noEntitlement
        case .noData: .noData
        case .disconnected: .disconnected
        }
    }

    /// The role a price with this state is drawn in: plain text only when live.
    public var priceRole: ThemeRole {
        self == .live ? .text : role
    }

    /// The state word followed by the age when there is one: `stale 47 s`, `live`.
    public func label(age: String?) -> String {
        guard let age, !age.isEmpty else { return word }
        return "\(word) \(age)"
    }
}
