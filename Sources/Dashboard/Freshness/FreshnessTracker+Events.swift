import Vocabulary

extension FreshnessTracker {
    /// Codes after which the named market-data request is dead for lack of entitlement.
    ///
    /// From the reference: 354, 10168 and 10186 are dead outright; 10089 is dead for live data
    /// (delayed ticks may still follow, which `apply(_:at:)` accepts); 10197 means a competing
    /// session takes the data. 10167 is *delayed* (the stream continues with delayed prices) and
    /// 10090/10091 are partial (the stream continues with some fields missing).
    public static let noEntitlementCodes: Set<Int> = [354, 10089, 10168, 10186, 10197]
    /// The notice that says delayed data is served instead of live.
    public static let delayedNoticeCode = 10167
    /// Notices that say some fields lack a subscription while the quote keeps streaming.
    public static let partialEntitlementCodes: Set<Int> = [10090, 10091]
    /// The notice (IB's 508, "bad message") the client reports when it skipped a message it
    /// could not read; on a quote's request id, the quote may be incomplete.
    public static let unreadableMessageCode = 508
    /// Notices that say TWS lost its link to IB's servers.
    public static let serverLinkLostCodes: Set<Int> = [1100, 2110]

    /// Applies a quote update observed at `time` (for a tick, when its bytes were read).
    ///
    /// An update carrying data merges its values. It is news only when it changes one of them:
    /// then the age restarts, and when it was received after the instant the quote needs
    /// evidence from (its subscription, the current connection, the last recovery or farm
    /// outage) it ends the wait for a fresh tick and clears an entitlement error, because data
    /// arriving is the final proof that data flows (10089 with delayed data requested is
    /// followed by delayed ticks). A data-type or halt indication alone changes only those facts.
    /// Updates for symbols that are not subscribed are ignored.
    public mutating func apply(_ update: QuoteUpdate, at time: EventTime) {
        // Changed in place: one lookup, no copy of the quote out and back.
        guard let index = quotes.index(forKey: update.symbol) else { return }
        Self.apply(update, to: &quotes.values[index], at: time, connectionIsUsable: connection.isUsable)
    }

    /// Applies a snapshot read over the Client Portal at `time` while the socket link is down:
    /// its values replace the quote's, and the quote is `polled`, aged from `time`, until the
    /// socket link is back (then it needs a fresh tick, as every quote after a reconnect).
    /// Ignored while the socket link is usable (its ticks are the evidence then) and for
    /// symbols that are not subscribed.
    public mutating func applyPolled(_ update: QuoteUpdate, at time: EventTime) {
        guard !connection.isUsable, let index = quotes.index(forKey: update.symbol), update.carriesMarketData else { return }
        quotes.values[index].quote.merge(update)
        quotes.values[index].polledAt = max(quotes.values[index].polledAt ?? time.instant, time.instant)
    }

    private static func apply(_ update: QuoteUpdate, to tracked: inout TrackedQuote, at time: EventTime, connectionIsUsable: Bool) {
        if let type = update.marketDataType {
            tracked.marketDataType = type
            if type == .live { tracked.delayedByNotice = false }
        }
        if let halted = update.haltedValue {
            tracked.isHalted = halted > 0
        }
        if let traded = update.lastTradeTime {
            tracked.reportedDelay = max(.zero, time.wall - traded)
            tracked.delayReportedAt = time.instant
        }
        if update.carriesMarketData {
            let changes = tracked.quote.isChanged(by: update)
            tracked.quote.merge(update)
            if changes {
                tracked.lastChangeAt = max(tracked.lastChangeAt ?? time.instant, time.instant)
                if time.instant >= tracked.evidenceNeededAfter {
                    tracked.entitlementCode = nil
                    tracked.hasUnreadableTick = false
                    if connectionIsUsable && !tracked.isDelayed && tracked.marketDataType != .frozen {
                        tracked.lastGoodTickWall = time.wall
                    }
                }
            }
        }
    }

    /// Applies a notice from TWS observed at `instant`.
    ///
    /// Session notices change the link for every quote: 1100 and 2110 (TWS lost IB) take every
    /// quote off live at once; 1101 (data lost, requests re-sent) and 1102 (data kept) restore
    /// the link, and every quote then needs a change received after the notice; 1300 closes the
    /// socket. A market-data farm broken (2103) makes the quotes it feeds (every quote, when the
    /// farm's name does not say) need a change received after the notice. Entitlement, delayed
    /// and partial notices change the quote their request id names (a session-wide 10197
    /// applies to every quote). Other codes do not affect freshness.
    public mutating func apply(_ notice: Notice, at instant: SessionInstant) {
        switch notice.code {
        case let code where Self.serverLinkLostCodes.contains(code):
            // A notice from before the current connection was established is old news.
            if connectedAt.map({ instant >= $0 }) ?? true {
                serverLinkLostAt = max(serverLinkLostAt ?? instant, instant)
                requireEvidenceOfAll(after: instant, reason: code)
            }
        case 1101, 1102:
            if let lost = serverLinkLostAt, instant >= lost { serverLinkLostAt = nil }
            requireEvidenceOfAll(after: instant, reason: notice.code)
        case 1300:
            socket = .disconnected
            connectedAt = nil
        case 2103:
            let name = FarmNotice.farmName(in: notice.text) ?? "market data"
            brokenFarms[name] = instant
            for symbol in Array(quotes.keys) {
                guard let tracked = quotes[symbol], DataFarm.mayFeed(name, tracked.instrumentClass) else { continue }
                quotes[symbol]?.requireEvidence(after: instant, reason: 2103)
            }
        case 2104:
            if let name = FarmNotice.farmName(in: notice.text) { brokenFarms[name] = nil } else { brokenFarms = [:] }
        default:
            applyQuoteNotice(notice)
        }
    }

    /// Records a change of the socket state observed at `instant`.
    ///
    /// Every quote stops being live at once when the state is not `connected`. A new connection
    /// starts a new TWS session in which every market-data request is new: every quote needs a
    /// change received on it. A loss of IB's link reported before the new connection belongs to
    /// the old one and is forgotten (TWS repeats it to a new connection while it lasts); one
    /// reported on the new connection, even if applied first, stays.
    public mutating func connectionChanged(to state: LinkState, at instant: SessionInstant) {
        let previous = socket
        switch state {
        case .connected, .linkLost:
            socket = .connected
            if previous != .connected || connectedAt == nil {
                connectedAt = instant
                for symbol in Array(quotes.keys) { quotes[symbol]?.polledAt = nil }
                if let lost = serverLinkLostAt, lost < instant { serverLinkLostAt = nil }
                brokenFarms = brokenFarms.filter { $0.value >= instant }
                requireEvidenceOfAll(after: instant, reason: nil)
            }
            if state == .linkLost { serverLinkLostAt = serverLinkLostAt ?? instant }
        case .disconnected, .connecting:
            socket = state
            connectedAt = nil
        }
    }

    private mutating func requireEvidenceOfAll(after instant: SessionInstant, reason: Int?) {
        for symbol in Array(quotes.keys) {
            quotes[symbol]?.requireEvidence(after: instant, reason: reason)
        }
    }

    private mutating func applyQuoteNotice(_ notice: Notice) {
        let targets: [String]
        if let symbol = symbolsByRequestID[notice.requestID] {
            targets = [symbol]
        } else if notice.isSessionWide && notice.code == 10197 {
            targets = Array(quotes.keys)
        } else {
            return
        }
        for symbol in targets {
            guard var tracked = quotes[symbol] else { continue }
            if Self.noEntitlementCodes.contains(notice.code) {
                tracked.entitlementCode = notice.code
            } else if notice.code == Self.delayedNoticeCode {
                tracked.delayedByNotice = true
            } else if Self.partialEntitlementCodes.contains(notice.code) {
                tracked.partialEntitlementCodes.insert(notice.code)
            } else if notice.code == Self.unreadableMessageCode {
                tracked.hasUnreadableTick = true
            }
            quotes[symbol] = tracked
        }
    }
}
