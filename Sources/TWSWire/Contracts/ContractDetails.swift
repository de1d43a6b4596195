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
    public var priceMagnifier: Int = 0
    public var underConId: Int = 0
    /// The instrument's full name, e.g. `APPLE INC`.
    public var longName: String = ""
    public var contractMonth: String = ""
    public var industry: String = ""
    public var category: String = ""
    public var subcategory: String = ""
    /// Time zone of the trading hours, e.g. `US/Eastern`.
    public var timeZoneId: String = ""
    /// Trading sessions, `;`-separated (`20250324:0400-20250324:2000;...`).
    public var tradingHours: String = ""
    /// Regular (liquid) sessions, same format.
    public var liquidHours: String = ""
    public var evRule: String = ""
    public var evMultiplier: Int? = nil
    /// Security ids such as `ISIN`.
    public var secIdList: [TagValue] = []
    public var aggGroup: Int? = nil
    public var underSymbol: String = ""
    public var underSecType: String = ""
    /// Market rule ids, one per valid exchange.
    public var marketRuleIds: String = ""
    public var realExpirationDate: String = ""
    /// E.g. `COMMON`, `ETF`.
    public var stockType: String = ""
    /// The market-data size multiplier (only below server version 164).
    public var mdSizeMultiplier: Int? = nil
    /// The size tick (only at server version 163).
    public var sizeMinTick: Quantity? = nil
    /// Order size rules (from server version 164).
    public var minSize: Quantity? = nil
    public var sizeIncrement: Quantity? = nil
    public var suggestedSizeIncrement: Quantity? = nil
    /// The 17 fund fields of a `FUND` contract, in IB's order (from server version 179).
    public var fundFields: [String] = []
    /// Why the contract cannot be traded, as (id, description) pairs (from server version 186).
    public var ineligibilityReasons: [TagValue] = []

    /// Creates empty details.
    public init() {}
}
