import Vocabulary

/// Settings of a ``PaperMarket``.
public struct PaperExchangeConfiguration: Sendable, Hashable {
    /// The market simulator's settings, including the seed.
    public var market: MarketSimulatorConfiguration
    /// The paper account id (managedAccounts).
    public var accountId: String
    /// Cash of a fresh account, USD.
    public var initialCash: FixedDecimal
    /// The time zone of trading days, as seconds from UTC (default −5 h, New York standard
    /// time): a session ends at local midnight, when DAY orders expire.
    public var sessionUTCOffsetSeconds: Int
    /// Commission and fee schedule.
    public var commissions: CommissionSchedule
    /// Margin requirements.
    public var margin: MarginPolicy

    /// Creates a configuration with IBKR Pro tiered commissions and a 4× margin account.
    public init(
        seed: UInt64, accountId: String = "DU0000001", initialCash: FixedDecimal = 1_000_000,
        sessionUTCOffsetSeconds: Int = -5 * 3600, commissions: CommissionSchedule = .ibkrProTiered,
        margin: MarginPolicy = .marginAccount
    ) {
        market = MarketSimulatorConfiguration(seed: seed)
        self.accountId = accountId
        self.initialCash = initialCash
        self.sessionUTCOffsetSeconds = sessionUTCOffsetSeconds
        self.commissions = commissions
        self.margin = margin
    }
}
