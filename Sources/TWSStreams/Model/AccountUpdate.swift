import TWSWire

/// One message of an account-updates subscription (IB: reqAccountUpdates).
public enum AccountUpdate: Hashable, Sendable {
    /// A key/value/currency triple such as `NetLiquidation` (IB: ACCT_VALUE).
    case value(AccountValue)
    /// One portfolio position with market value and P&L (IB: PORTFOLIO_VALUE).
    case portfolio(PortfolioValue)
    /// The time of the account's last update, `HH:MM` (IB: ACCT_UPDATE_TIME).
    case updateTime(String)
}
