/// The staleness monitor: every subscribed quote, its last values and its freshness.
///
/// ### Purpose
/// Feed it subscriptions, quote updates, notices and connection changes, each with the time it
/// happened; ask it for a quote's `QuoteFreshness` at any `now`. It tells three failures apart:
/// a silent stall (age grows past the threshold: `stale`), an entitlement error (`noEntitlement`,
/// from the notice) and a dead connection (`disconnected`, for every quote at once).
///
/// Recovery never makes a quote live by itself: after 1101, 1102, a reconnect or a
/// resubscription the quote stays `stale` (keeping its last price and its age) until a tick of
/// data arrives.
public struct FreshnessTracker: Sendable {
    /// The thresholds.
    public var policy: StalenessPolicy
    /// The state of the link to TWS and IB, as last reported.
    public internal(set) var connection: ConnectionState
    /// Quotes by symbol.
    public internal(set) var quotes: [String: TrackedQuote] = [:]
    /// Symbols whose market-data request died (1101 or a new session) and must be re-requested.
    /// `subscribe` removes a symbol from this set.
    public internal(set) var symbolsNeedingResubscription: Set<String> = []
    var symbolsByRequestID: [Int: String] = [:]

    /// Creates a tracker with no quotes.
    public init(policy: StalenessPolicy = .standard, connection: ConnectionState = .disconnected) {
        self.policy = policy
        self.connection = connection
    }

    /// Records a market-data request for `symbol` (a first subscription or a resubscription).
    ///
    /// A resubscription keeps the last values, clears entitlement errors and the halt flag (the
    /// new request reports them again), and leaves the quote stale until a fresh tick arrives.
    public mutating func subscribe(
        _ symbol: String, requestID: Int, instrumentClass: InstrumentClass = .stock, at time: Timestamp
    ) {
        if var existing = quotes[symbol] {
            symbolsByRequestID[existing.requestID] = nil
            existing.requestID = requestID
            existing.instrumentClass = instrumentClass
            existing.subscribedAt = time
            existing.entitlementCode = nil
            existing.partialEntitlementCodes = []
            existing.delayedByNotice = false
            existing.marketDataType = nil
            existing.isHalted = false
            if existing.lastTickAt != nil {
                existing.awaitingFreshTick = true
                existing.recoveryReasonCode = nil
            }
            quotes[symbol] = existing
        } else {
            quotes[symbol] = TrackedQuote(
                symbol: symbol, instrumentClass: instrumentClass, requestID: requestID, subscribedAt: time)
        }
        symbolsByRequestID[requestID] = symbol
        symbolsNeedingResubscription.remove(symbol)
    }

    /// Forgets `symbol` (its market-data request was cancelled).
    public mutating func unsubscribe(_ symbol: String) {
        guard let existing = quotes.removeValue(forKey: symbol) else { return }
        symbolsByRequestID[existing.requestID] = nil
        symbolsNeedingResubscription.remove(symbol)
    }

    /// The symbol a request id belongs to, if it is a current market-data request.
    public func symbol(forRequestID requestID: Int) -> String? {
        symbolsByRequestID[requestID]
    }

    /// The tracked quote for `symbol`.
    public func tracked(_ symbol: String) -> TrackedQuote? {
        quotes[symbol]
    }

    /// The freshness of `symbol` at `now`, or `nil` if it is not subscribed.
    public func freshness(of symbol: String, at now: Timestamp) -> QuoteFreshness? {
        guard let tracked = quotes[symbol] else { return nil }
        return classify(tracked, at: now)
    }

    /// Counts of subscribed quotes per state at `now`, for the status bar.
    public func counts(at now: Timestamp) -> FreshnessCounts {
        var counts = FreshnessCounts()
        for tracked in quotes.values {
            counts.add(classify(tracked, at: now).state)
        }
        return counts
    }

    /// The context for explaining a notice: the symbol its request id names and when that
    /// symbol's last good quote arrived.
    public func messageContext(for notice: Notice, at now: Timestamp) -> MessageContext {
        guard let symbol = symbolsByRequestID[notice.requestID] else { return MessageContext(now: now) }
        return MessageContext(symbol: symbol, lastGoodQuote: quotes[symbol]?.lastGoodTickAt, now: now)
    }

    /// Applies the precedence rules of `Freshness` to one quote.
    func classify(_ tracked: TrackedQuote, at now: Timestamp) -> QuoteFreshness {
        let age = tracked.lastTickAt.map { now - $0 }
        let partial = !tracked.partialEntitlementCodes.isEmpty
        func result(_ state: Freshness, _ reason: Int? = nil) -> QuoteFreshness {
            QuoteFreshness(state: state, age: age, reasonCode: reason, hasMissingFields: partial)
        }
        if !connection.isUsable {
            return result(.disconnected, connection == .linkLost ? 1100 : nil)
        }
        if let code = tracked.entitlementCode { return result(.noEntitlement, code) }
        guard age != nil else { return result(.noData) }
        if tracked.awaitingFreshTick { return result(.stale, tracked.recoveryReasonCode) }
        if tracked.isHalted { return result(.halted) }
        if tracked.marketDataType == .frozen { return result(.frozen) }
        if tracked.isDelayed { return result(.delayed, tracked.delayedByNotice ? 10167 : nil) }
        let threshold = policy.threshold(for: tracked.symbol, instrumentClass: tracked.instrumentClass)
        return result(policy.classify(age: age ?? .zero, threshold: threshold))
    }
}
