/// Whether orders would reach a paper (simulated) or a live (real-money) account.
public enum TradingEnvironment: Hashable, Sendable {
    /// Paper trading: account codes beginning `DU` or `DF`.
    case paper
    /// Real money: any other account code.
    case live
    /// Not known yet (no managed accounts); the guard treats it as live.
    case unknown
}
