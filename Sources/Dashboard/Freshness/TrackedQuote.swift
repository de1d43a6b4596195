/// One subscribed quote and the facts the staleness monitor keeps about it.
public struct TrackedQuote: Sendable, Hashable {
    /// The last known values (kept when the quote goes stale).
    public internal(set) var quote: Quote
    /// The instrument class, which selects the staleness threshold.
    public internal(set) var instrumentClass: InstrumentClass
    /// The current market-data request id (IB ticker id).
    public internal(set) var requestID: Int
    /// When the current subscription was made.
    public internal(set) var subscribedAt: Timestamp
    /// When the last tick of data arrived, over any subscription, or `nil` if none ever did.
    public internal(set) var lastTickAt: Timestamp?
    /// When the last tick arrived while the quote was live-type data on a working connection:
    /// the "last good quote" a 354 message names.
    public internal(set) var lastGoodTickAt: Timestamp?
    /// The data type TWS says it serves for this request, if it said.
    public internal(set) var marketDataType: MarketDataType?
    /// Whether notice 10167 said delayed data is served instead of live.
    public internal(set) var delayedByNotice: Bool
    /// Whether tick 49 says trading is halted.
    public internal(set) var isHalted: Bool
    /// The entitlement error that killed the request (354, 10089, 10168, 10186, 10197).
    public internal(set) var entitlementCode: Int?
    /// Partial-entitlement notices seen (10090, 10091); the quote still streams.
    public internal(set) var partialEntitlementCodes: Set<Int>
    /// Whether a recovery (1101, 1102, reconnect, resubscription) happened and no tick of data
    /// has arrived since: the quote is stale until one does.
    public internal(set) var awaitingFreshTick: Bool
    /// The notice or event that set `awaitingFreshTick`, for the label's reason.
    public internal(set) var recoveryReasonCode: Int?

    init(symbol: String, instrumentClass: InstrumentClass, requestID: Int, subscribedAt: Timestamp) {
        self.quote = Quote(symbol: symbol)
        self.instrumentClass = instrumentClass
        self.requestID = requestID
        self.subscribedAt = subscribedAt
        self.lastTickAt = nil
        self.lastGoodTickAt = nil
        self.marketDataType = nil
        self.delayedByNotice = false
        self.isHalted = false
        self.entitlementCode = nil
        self.partialEntitlementCodes = []
        self.awaitingFreshTick = false
        self.recoveryReasonCode = nil
    }

    /// The symbol.
    public var symbol: String { quote.symbol }

    /// Whether TWS serves delayed data for this quote.
    public var isDelayed: Bool {
        delayedByNotice || marketDataType == .delayed || marketDataType == .delayedFrozen
    }
}
