import Dashboard

/// How the views draw a quote's `Freshness` (Dashboard's word for how far a quote can be
/// trusted): only `.live` prices are drawn in the ordinary text style; every other state draws
/// its prices in its own role, next to its mark (`MarkGlyphs`) and its word with the age
/// (`stale 47 s`), so the states stay apart without colour too.
extension Freshness {
    /// The theme role of the state's mark and word (and of its prices unless live).
    public var role: ThemeRole {
        switch self {
        case .live: .live
        case .aging: .aging
        case .stale: .stale
        case .polled: .polled
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
