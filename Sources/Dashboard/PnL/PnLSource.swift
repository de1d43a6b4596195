/// Where a P&L number came from, shown next to it so the trader knows what to trust.
public enum PnLSource: String, Sendable, Hashable, Codable, CaseIterable {
    /// Reported by the gateway (IB: `reqPnL` / `reqPnLSingle`).
    case gateway
    /// Computed by ibterm from positions and quotes.
    case computed
    /// Neither available; displayed as "—".
    case unavailable
}
