import Vocabulary

/// One subscribed quote and the facts the staleness monitor keeps about it.
///
/// Times are monotonic instants (`SessionInstant`), except `lastGoodTickWall`, which is only
/// displayed ("last good quote at 14:31:07").
public struct TrackedQuote: Sendable, Hashable {
    /// The last known values (kept when the quote goes stale).
    public internal(set) var quote: WatchedQuote
    /// The instrument class, which selects the staleness threshold.
    public internal(set) var instrumentClass: InstrumentClass
    /// The current market-data request id (IB ticker id).
    public internal(set) var requestID: Int
    /// When the current subscription was made.
    public internal(set) var subscribedAt: SessionInstant
    /// When a tick last changed one of the quote's values, over any subscription, or `nil` if no
    /// data ever arrived. The quote's age counts from here: a tick that repeats what is already
    /// shown (as a resubscription's first answer does) is not a change and does not reset it.
    public internal(set) var lastChangeAt: SessionInstant?
    /// The wall-clock time of the last change received while the quote was live-type data on a
    /// working connection: the "last good quote" a 354 message names.
    public internal(set) var lastGoodTickWall: Timestamp?
    /// The instant from which a change must be received before the quote can be live again
    /// (instants come from one monotonic clock, so in the app a tie does not happen):
    /// the (re)subscription, the current connection, a recovery (1101, 1102) or a farm outage.
    public internal(set) var evidenceNeededAfter: SessionInstant
    /// The notice that last moved `evidenceNeededAfter` (1101, 1102, 2103, …), for the label.
    public internal(set) var recoveryReasonCode: Int?
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
    /// Whether a tick of this quote could not be read (the client skipped it): the quote may be
    /// incomplete and is not live until a readable change arrives.
    public internal(set) var hasUnreadableTick: Bool
    /// How far the line lay behind when it last said: the wall time a last-trade time (IB tick
    /// 45, or 88 on a delayed line) was read at, less that time. A delayed quote shows it grown
    /// by the monotonic time since (`delayed 15 min`): the price on screen is that old.
    public internal(set) var reportedDelay: Duration?
    /// The monotonic instant ``reportedDelay`` was read at.
    public internal(set) var delayReportedAt: SessionInstant?
    /// When a Client Portal snapshot of this quote was last read while the socket link was
    /// down (the quote is then `polled`, aged from this instant); `nil` once the link is back.
    public internal(set) var polledAt: SessionInstant?

    init(symbol: String, instrumentClass: InstrumentClass, requestID: Int, subscribedAt: SessionInstant) {
        self.quote = WatchedQuote(symbol: symbol)
        self.instrumentClass = instrumentClass
        self.requestID = requestID
        self.subscribedAt = subscribedAt
        self.lastChangeAt = nil
        self.lastGoodTickWall = nil
        self.evidenceNeededAfter = subscribedAt
        self.recoveryReasonCode = nil
        self.marketDataType = nil
        self.delayedByNotice = false
        self.isHalted = false
        self.entitlementCode = nil
        self.partialEntitlementCodes = []
        self.hasUnreadableTick = false
        self.reportedDelay = nil
        self.delayReportedAt = nil
        self.polledAt = nil
    }

    /// The symbol.
    public var symbol: String { quote.symbol }

    /// Whether TWS serves delayed data for this quote.
    public var isDelayed: Bool {
        delayedByNotice || marketDataType == .delayed || marketDataType == .delayedFrozen
    }

    /// Whether values are shown but no change has been received since the last recovery,
    /// resubscription, new connection or farm outage: the quote is stale until one is.
    public var awaitingFreshTick: Bool {
        guard let lastChangeAt else { return false }
        return lastChangeAt < evidenceNeededAfter || hasUnreadableTick
    }

    /// Requires a change received after `instant` before the quote may be live again.
    mutating func requireEvidence(after instant: SessionInstant, reason: Int?) {
        guard instant >= evidenceNeededAfter else { return }
        evidenceNeededAfter = instant
        recoveryReasonCode = reason
    }
}
