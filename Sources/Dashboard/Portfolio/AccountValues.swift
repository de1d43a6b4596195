/// The account's summary values, by IB key and currency.
///
/// IB: `updateAccountValue(key, value, currency, account)` (inbound 6) and `accountSummary`.
/// Values are kept as IB's text; typed accessors read them as numbers, preferring the `BASE`
/// currency, then `USD`, then any.
public struct AccountValues: Sendable, Hashable {
    /// IB's key for net liquidation value.
    public static let netLiquidationKey = "NetLiquidation"
    /// IB's key for buying power.
    public static let buyingPowerKey = "BuyingPower"
    /// IB's key for available funds.
    public static let availableFundsKey = "AvailableFunds"
    /// IB's key for excess liquidity.
    public static let excessLiquidityKey = "ExcessLiquidity"
    /// IB's key for total cash.
    public static let totalCashKey = "TotalCashValue"

    /// Values: key → currency → IB's text.
    public private(set) var values: [String: [String: String]] = [:]
    /// The account the values belong to, as last reported.
    public private(set) var account: String?

    /// Creates empty values.
    public init() {}

    /// Stores one value.
    public mutating func set(key: String, value: String, currency: String, account: String) {
        values[key, default: [:]][currency] = value
        if !account.isEmpty { self.account = account }
    }

    /// The text of `key`, preferring `BASE`, then `USD`, then any currency.
    public func text(_ key: String) -> String? {
        guard let byCurrency = values[key] else { return nil }
        return byCurrency["BASE"] ?? byCurrency["USD"] ?? byCurrency.sorted { $0.key < $1.key }.first?.value
    }

    /// The numeric value of `key`, if present and a number.
    public func amount(_ key: String) -> Double? {
        text(key).flatMap { Double($0) }
    }

    /// Net liquidation value.
    public var netLiquidation: Double? { amount(Self.netLiquidationKey) }
    /// Buying power.
    public var buyingPower: Double? { amount(Self.buyingPowerKey) }
    /// Available funds.
    public var availableFunds: Double? { amount(Self.availableFundsKey) }
    /// Excess liquidity.
    public var excessLiquidity: Double? { amount(Self.excessLiquidityKey) }
    /// Total cash.
    public var totalCash: Double? { amount(Self.totalCashKey) }
}
