/// The answer of `GET /portfolio/{accountId}/summary`: the account's values, each keyed by a
/// lower-case name (`netliquidation`, `totalcashvalue`, `availablefunds`, `buyingpower`, …).
///
/// Shape (https://www.interactivebrokers.com/campus/ibkr-api-page/webapi-doc/#portfolio-summary):
/// `{"accountcode":{"amount":0.0,"currency":null,"isNull":false,"timestamp":1702582422000,
///   "value":"U1234567","severity":0}, "netliquidation":{"amount":…,"currency":"USD",…}, …}`.
public typealias PortalAccountSummary = [String: AccountSummaryValue]

/// One value of an account summary: a number (`amount`) or a text (`value`), with its currency
/// and when it was taken.
public struct AccountSummaryValue: Codable, Sendable, Equatable {
    /// The figure, 0 for a text value.
    public var amount: Double
    /// The figure's currency, null for a text value.
    public var currency: String?
    /// The value is absent.
    public var isNull: Bool
    /// When it was taken, milliseconds since the epoch.
    public var timestamp: Int64
    /// The text of a text value (`accountcode`), else null.
    public var value: String?
    /// IB's severity mark, 0 normally.
    public var severity: Int?

    /// A summary value.
    public init(amount: Double, currency: String?, isNull: Bool = false, timestamp: Int64, value: String? = nil, severity: Int? = 0) {
        self.amount = amount
        self.currency = currency
        self.isNull = isNull
        self.timestamp = timestamp
        self.value = value
        self.severity = severity
    }
}

/// The summary's keys ibterm reads, spelled as IB sends them.
public enum AccountSummaryKey {
    /// The account id, as a text value.
    public static let accountCode = "accountcode"
    /// Net liquidation value.
    public static let netLiquidation = "netliquidation"
    /// Total cash.
    public static let totalCashValue = "totalcashvalue"
    /// Funds available for new positions.
    public static let availableFunds = "availablefunds"
    /// Buying power.
    public static let buyingPower = "buyingpower"
    /// Gross position value.
    public static let grossPositionValue = "grosspositionvalue"
}
