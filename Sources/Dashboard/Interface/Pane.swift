/// The panes that can take keyboard focus, in Tab order.
public enum Pane: String, Sendable, Hashable, CaseIterable {
    /// Quotes of the watchlist symbols.
    case watchlist
    /// Positions.
    case positions
    /// Orders and their lifecycles.
    case orders
    /// Executions (fills).
    case executions
    /// The message log.
    case messages

    /// The pane after this one (Tab), wrapping around.
    public var next: Pane {
        let all = Pane.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// The pane before this one (Shift-Tab), wrapping around.
    public var previous: Pane {
        let all = Pane.allCases
        return all[(all.firstIndex(of: self)! + all.count - 1) % all.count]
    }
}
