/// How many quotes are in each freshness state, for the status bar.
public struct FreshnessCounts: Sendable, Hashable {
    /// Counts by state; states with no quotes are absent.
    public private(set) var byState: [Freshness: Int] = [:]

    /// Creates empty counts.
    public init() {}

    /// The count for `state` (0 if none).
    public subscript(state: Freshness) -> Int {
        byState[state] ?? 0
    }

    /// The total number of quotes counted.
    public var total: Int { byState.values.reduce(0, +) }

    /// Adds one quote in `state`.
    public mutating func add(_ state: Freshness) {
        byState[state, default: 0] += 1
    }

    /// The status-bar summary, in `Freshness` order, skipping zero counts:
    /// `LIVE 8 · STALE 1 · NO ENTITLEMENT 1`.
    public var summary: String {
        Freshness.allCases.compactMap { state in
            guard let count = byState[state], count > 0 else { return nil }
            return "\(state.badge) \(count)"
        }.joined(separator: " · ")
    }
}
