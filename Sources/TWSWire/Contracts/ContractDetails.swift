import Vocabulary

/// What CONTRACT_DATA says about one contract (IB: `ContractDetails`).
public struct ContractDetails: Hashable, Sendable, Codable {
    /// The contract, with its conId, exchange, currency and trading class filled in.
    public var contract: Contract = Contract()
    /// Market name, e.g. `NMS`.
    public var marketName: String = ""
    /// The smallest price increment.
    public var minTick: Double = 0
    /// Order types the contract accepts, comma-separated.
    public var orderTypes: String = ""
    /// Exchanges it trades on, comma-separated.
    public var validExchanges: String = ""
    /// IB's `priceMagnifier` field.
    public var priceMagnifier: Int = 0
    /// IB's `underConId` field.
    public var underConId: Int = 0
    /// The instrument's full name, e.g. `APPLE INC`.
    public var longName: String = ""
    /// IB's `contractMonth` field.
    public var contractMonth: String = ""
    /// IB's `industry` field.
    public var industry: String = ""
    /// IB's `category` field.
    public var category: String = ""
    /// IB's `subcategory` field.
    public var subcategory: String = ""
    /// Time zone of the trading hours, e.g. `US/Eastern`.
    public var timeZoneId: String = ""
    /// Trading sessions, `;`-separated (`20250324:0400-20250324:2000;...`).
    public var tradingHours: String = ""
    /// Regular (liquid) sessions, same format.
    public var liquidHours: String = ""
    /// Economic value rule.
    public var evRule: String = ""
    /// Economic value multiplier.
    public var evMultiplier: Int? = nil
    /// Security ids such as `ISIN`.
    public var secIdList: [TagValue] = []
    /// IB's `aggGroup` field.
    public var aggGroup: Int? = nil
    /// IB's `underSymbol` field.
    public var underSymbol: String = ""
    /// IB's `underSecType` field.
    public var underSecType: String = ""
    /// Market rule ids, one per valid exchange.
    public var marketRuleIds: String = ""
    /// IB's `realExpirationDate` field.
    public var realExpirationDate: String = ""
    /// E.g. `COMMON`, `ETF`.
    public var stockType: String = ""
    /// The market-data size multiplier (only below server version 164).
    public var mdSizeMultiplier: Int? = nil
    /// The size tick (only at server version 163).
    public var sizeMinTick: FixedDecimal? = nil
    /// Order size rules (from server version 164).
    public var minSize: FixedDecimal? = nil
    /// IB's `sizeIncrement` field.
    public var sizeIncrement: FixedDecimal? = nil
    /// IB's `suggestedSizeIncrement` field.
    public var suggestedSizeIncrement: FixedDecimal? = nil
    /// The 17 fund fields of a `FUND` contract, in IB's order (from server version 179).
    public var fundFields: [String] = []
    /// Why the contract cannot be traded, as (id, description) pairs (from server version 186).
    public var ineligibilityReasons: [TagValue] = []

    /// Creates empty details.
    public init() {}
}
