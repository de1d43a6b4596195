/// How many quotes are in each freshness state, for the status bar.
public struct FreshnessCounts: Sendable, Hashable {
    /// Counts in `Freshness.allCases` order (a frame counts every quote: no hashing).
    private var counts = [Int](repeating: 0, count: Freshness.allCases.count)

    /// Counts by state; states with no quotes are absent.
    public var byState: [Freshness: Int] {
        var result: [Freshness: Int] = [:]
        for (index, state) in Freshness.allCases.enumerated() where counts[index] > 0 { result[state] = counts[index] }
        return result
    }

    /// Creates empty counts.
    public init() {}

    /// The count for `state` (0 if none).
    public subscript(state: Freshness) -> Int {
        counts[state.ordinal]
    }

    /// The total number of quotes counted.
    public var total: Int { counts.reduce(0, +) }

    /// Adds one quote in `state`.
    public mutating func add(_ state: Freshness) {
        counts[state.ordinal] += 1
    }

    /// The status-bar summary, in `Freshness` order, skipping zero counts:
    /// `LIVE 8 · STALE 1 · NO ENTITLEMENT 1`.
    public var summary: String {
        Freshness.allCases.compactMap { state in
            let count = self[state]
            guard count > 0 else { return nil }
            return "\(state.badge) \(count)"
        }.joined(separator: " · ")
    }
}
