/// The gateway's account-level P&L. IB: `pnl(reqId, dailyPnL, unrealizedPnL, realizedPnL)`
/// (inbound 94). IB's no-value sentinel (the largest double) arrives here as `nil`.
public struct AccountPnL: Sendable, Hashable, Codable {
    /// P&L since the start of the trading day.
    public var daily: Double?
    /// P&L of open positions against their average cost.
    public var unrealized: Double?
    /// P&L realised by closing trades today.
    public var realized: Double?

    /// Creates an account P&L.
    public init(daily: Double?, unrealized: Double?, realized: Double?) {
        self.daily = daily
        self.unrealized = unrealized
        self.realized = realized
    }
}
