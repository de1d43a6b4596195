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

    /// Applies a quote update received at `time`.
    ///
    /// An update carrying data (a price, size or volume) is a fresh tick: it refreshes the age,
    /// ends any wait for a fresh tick after a recovery, and clears an entitlement error, because
    /// data arriving is the final proof that data flows (10089 with delayed data requested is
    /// followed by delayed ticks). A data-type or halt indication alone changes only those facts.
    /// Updates for symbols that are not subscribed are ignored.
    public mutating func apply(_ update: QuoteUpdate, at time: Timestamp) {
        guard var tracked = quotes[update.symbol] else { return }
        if let type = update.marketDataType {
            tracked.marketDataType = type
            if type == .live { tracked.delayedByNotice = false }
        }
        if let halted = update.haltedValue {
            tracked.isHalted = halted > 0
        }
        if update.carriesMarketData {
            tracked.quote.merge(update)
            tracked.lastTickAt = time
            tracked.awaitingFreshTick = false
            tracked.recoveryReasonCode = nil
            tracked.entitlementCode = nil
            if connection.isUsable && !tracked.isDelayed && tracked.marketDataType != .frozen {
                tracked.lastGoodTickAt = time
            }
        }
        quotes[update.symbol] = tracked
    }

    /// Applies a notice from TWS received at `time`.
    ///
    /// Session notices (1100, 1101, 1102, 1300, 2110) change the connection for every quote;
    /// entitlement, delayed and partial notices change the quote their request id names (a
    /// session-wide 10197 applies to every quote). Other codes do not affect freshness.
    public mutating func apply(_ notice: Notice, at time: Timestamp) {
        switch notice.code {
        case 1100, 2110:
            if connection == .connected { connection = .linkLost }
        case 1101:
            connection = .connected
            markAllAwaitingFreshTick(reason: 1101)
            symbolsNeedingResubscription = Set(quotes.keys)
        case 1102:
            connection = .connected
            markAllAwaitingFreshTick(reason: 1102)
        case 1300:
            connection = .disconnected
        default:
            applyQuoteNotice(notice)
        }
    }

    /// Records a change of the socket or link state at `time`.
    ///
    /// Every quote stops being live at once when the state is not `connected`. A new connection
    /// after the socket was down (from `disconnected` or `connecting`) starts a new TWS session
    /// in which every market-data request is dead: all symbols need resubscription and stay
    /// stale until a fresh tick. A return from `linkLost` is treated like 1102.
    public mutating func connectionChanged(to state: ConnectionState, at time: Timestamp) {
        let previous = connection
        connection = state
        guard state == .connected, previous != .connected else { return }
        if previous == .linkLost {
            markAllAwaitingFreshTick(reason: 1102)
        } else {
            markAllAwaitingFreshTick(reason: nil)
            symbolsNeedingResubscription = Set(quotes.keys)
        }
    }

    private mutating func markAllAwaitingFreshTick(reason: Int?) {
        for symbol in Array(quotes.keys) where quotes[symbol]?.lastTickAt != nil {
            quotes[symbol]?.awaitingFreshTick = true
            quotes[symbol]?.recoveryReasonCode = reason
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
            }
            quotes[symbol] = tracked
        }
    }
}
