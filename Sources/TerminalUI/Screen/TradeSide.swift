/// Buy or sell, as the ticket, orders and executions label and colour it.
public enum TradeSide: String, CaseIterable, Hashable, Sendable {
    /// Buy.
    case buy
    /// Sell.
    case sell

    /// The upper-case label: `BUY`, `SELL`.
    public var label: String { rawValue.uppercased() }

    /// The side's role (`.buy` or `.sell`).
    public var role: ThemeRole { self == .buy ? .buy : .sell }
}
