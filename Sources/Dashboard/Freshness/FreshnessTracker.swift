import Vocabulary

/// The staleness monitor: every subscribed quote, its last values and its freshness.
///
/// ### Purpose
/// Feed it subscriptions, quote updates, notices and connection changes, each with the
/// monotonic instant it was observed at; ask it for a quote's `QuoteFreshness` at any instant.
/// It tells three failures apart: a silent stall (age grows past the threshold: `stale`), an
/// entitlement error (`noEntitlement`, from the notice) and a dead link (`disconnected`, for
/// every quote at once, when the socket is down or TWS reports its link to IB lost).
///
/// ### Evidence
/// A quote is live only on evidence: a tick that changed one of its values, received on the
/// current connection after its (re)subscription and after the last recovery or farm outage
/// that concerns it, within its threshold. Recovery never makes a quote live by itself, and
/// neither does a resubscription's first answer that repeats the values already shown: the age
/// keeps counting from the last real change. Events may be applied slightly out of order (they
/// come from several streams); every decision compares the instants they were observed at, so
/// a late tick of a closed connection is never taken for news of the current one.
public struct FreshnessTracker: Sendable {
    /// The thresholds.
    public var policy: StalenessPolicy
    /// The state of the link to TWS and IB: the socket's state, or `linkLost` while the socket
    /// is up and TWS reports its link to IB lost.
    public var connection: LinkState {
        socket == .connected && serverLinkLostAt != nil ? .linkLost : socket
    }
    /// Quotes by symbol.
    public internal(set) var quotes: [String: TrackedQuote] = [:]
    /// Moves whenever a symbol is added to or removed from `quotes` (not when a quote changes):
    /// what depends on the set of subscribed symbols alone is kept while it stays.
    public private(set) var symbolsVersion: UInt64 = 0
    /// When the current socket connection was established, while it is.
    public internal(set) var connectedAt: SessionInstant?
    /// When TWS reported its link to IB lost (1100, 2110) and not yet restored.
    public internal(set) var serverLinkLostAt: SessionInstant?
    /// Market-data farms reported broken (2103), by name, with when; removed on 2104.
    public internal(set) var brokenFarms: [String: SessionInstant] = [:]
    var socket: LinkState
    var symbolsByRequestID: [Int: String] = [:]

    /// Creates a tracker with no quotes.
    public init(policy: StalenessPolicy = .standard, connection: LinkState = .disconnected) {
        self.policy = policy
        self.socket = connection == .linkLost ? .connected : connection
        if connection == .linkLost { serverLinkLostAt = .origin }
    }

    /// Records a market-data request for `symbol` (a first subscription or a resubscription).
    ///
    /// A resubscription keeps the last values, clears entitlement errors and the halt flag (the
    /// new request reports them again), and leaves the quote stale until a change arrives.
    public mutating func subscribe(
        _ symbol: String, requestID: Int, instrumentClass: InstrumentClass = .stock, at instant: SessionInstant
    ) {
        if var existing = quotes[symbol] {
            symbolsByRequestID[existing.requestID] = nil
            existing.requestID = requestID
            existing.instrumentClass = instrumentClass
            existing.subscribedAt = instant
            existing.entitlementCode = nil
            existing.partialEntitlementCodes = []
            existing.delayedByNotice = false
            existing.marketDataType = nil
            existing.isHalted = false
            existing.reportedDelay = nil
            existing.delayReportedAt = nil
            existing.requireEvidence(after: instant, reason: nil)
            quotes[symbol] = existing
        } else {
            var tracked = TrackedQuote(
                symbol: symbol, instrumentClass: instrumentClass, requestID: requestID, subscribedAt: instant)
            if let connectedAt { tracked.requireEvidence(after: connectedAt, reason: nil) }
            quotes[symbol] = tracked
            symbolsVersion &+= 1
        }
        symbolsByRequestID[requestID] = symbol
    }

    /// Forgets `symbol` (its market-data request was cancelled).
    public mutating func unsubscribe(_ symbol: String) {
        guard let existing = quotes.removeValue(forKey: symbol) else { return }
        symbolsVersion &+= 1
        symbolsByRequestID[existing.requestID] = nil
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
    public func freshness(of symbol: String, at now: SessionInstant) -> QuoteFreshness? {
        guard let tracked = quotes[symbol] else { return nil }
        return classify(tracked, at: now)
    }

    /// Calls `body` with every subscribed quote's symbol and freshness at `now`, in no order:
    /// one pass without a lookup per symbol (a frame's status counts and column widths).
    public func forEachFreshness(at now: SessionInstant, _ body: (String, QuoteFreshness) -> Void) {
        for (symbol, tracked) in quotes { body(symbol, classify(tracked, at: now)) }
    }

    /// Counts of subscribed quotes per state at `now`, for the status bar.
    public func counts(at now: SessionInstant) -> FreshnessCounts {
        var counts = FreshnessCounts()
        for tracked in quotes.values {
            counts.add(classify(tracked, at: now).state)
        }
        return counts
    }

    /// The context for explaining a notice: the symbol its request id names and when that
    /// symbol's last good quote arrived (wall clock, for display).
    public func messageContext(for notice: Notice, at now: Timestamp) -> MessageContext {
        guard let symbol = symbolsByRequestID[notice.requestID] else { return MessageContext(now: now) }
        return MessageContext(symbol: symbol, lastGoodQuote: quotes[symbol]?.lastGoodTickWall, now: now)
    }

    /// Applies the precedence rules of `Freshness` to one quote.
    func classify(_ tracked: TrackedQuote, at now: SessionInstant) -> QuoteFreshness {
        // A monotonic age is never negative unless `now` was read before the tick was stamped;
        // such a quote is as fresh as can be, not fresher.
        let age = tracked.lastChangeAt.map { max(.zero, now - $0) }
        let partial = !tracked.partialEntitlementCodes.isEmpty
        func result(_ state: Freshness, _ reason: Int? = nil) -> QuoteFreshness {
            QuoteFreshness(state: state, age: age, reasonCode: reason, hasMissingFields: partial)
        }
        if !connection.isUsable {
            if let polled = tracked.polledAt {
                return QuoteFreshness(state: .polled, age: max(.zero, now - polled), reasonCode: nil, hasMissingFields: partial)
            }
            return result(.disconnected, connection == .linkLost ? 1100 : nil)
        }
        if let code = tracked.entitlementCode { return result(.noEntitlement, code) }
        guard age != nil else { return result(.noData) }
        if tracked.awaitingFreshTick { return result(.stale, tracked.recoveryReasonCode) }
        if tracked.isHalted { return result(.halted) }
        if tracked.marketDataType == .frozen { return result(.frozen) }
        if tracked.isDelayed {
            var delayed = result(.delayed, tracked.delayedByNotice ? 10167 : nil)
            if let reported = tracked.reportedDelay, let at = tracked.delayReportedAt {
                delayed.delay = reported + max(.zero, now - at)
            }
            return delayed
        }
        let threshold = policy.threshold(for: tracked.symbol, instrumentClass: tracked.instrumentClass)
        return result(policy.classify(age: age ?? .zero, threshold: threshold))
    }
}
