import TWSSession
import TWSWire
import Vocabulary

/// Historical bars, symbol search, market depth and tick-by-tick data.
extension IBClient {
    /// The bars of `contract` over `duration` ending at `endDateTime` (IB: reqHistoricalData,
    /// without keepUpToDate), oldest first. Intraday bars are asked for with epoch-second dates
    /// (IB's formatDate 2), so each bar's start is an instant whatever the gateway's zone.
    ///
    /// IB limits how often history may be asked for (identical requests within 15 s, 60
    /// requests of small bars in 10 minutes, ...); the gateway refuses a request past its
    /// limits with 162 and the call fails with it.
    ///
    /// - Parameters:
    ///   - endDateTime: IB's `yyyyMMdd HH:mm:ss [zone]` (or `yyyyMMdd-HH:mm:ss` in UTC); empty
    ///     for now.
    ///   - duration: IB's duration, e.g. `1 D`, `5 D`, `2 W`, `1 M`, `1 Y`.
    ///   - barSize: IB's bar size, e.g. `1 min`, `5 mins`, `1 hour`, `1 day`.
    ///   - whatToShow: `TRADES`, `MIDPOINT`, `BID`, `ASK`, `BID_ASK`, ...
    ///   - useRTH: only the regular trading hours.
    /// - Throws: ``TWSClientError/Code/requestFailed`` with the gateway's notice (200: no such
    ///   contract; 321: a field that does not validate, e.g. the duration; 162: the historical
    ///   service refused, e.g. pacing or no data of that kind), ``TWSClientError/Code/timedOut``
    ///   after ``TWSClientConfiguration/historicalDataTimeout``, or a connection error.
    public func historicalBars(
        _ contract: Contract, endDateTime: String = "", duration: String = "1 D", barSize: String = "5 mins",
        whatToShow: String = "TRADES", useRTH: Bool = true
    ) async throws(TWSClientError) -> [PriceBar] {
        try requireUsable()
        let reqId = requestIDs.allocate()
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: [PriceBar].self)
        pending.bars[reqId] = .init(continuation: continuation)
        requestContexts.record(RequestContext(kind: .history, requestID: reqId, symbol: contract.symbol))
        send(.requestHistoricalData(RequestHistoricalData(
            reqId: reqId, contract: contract, endDateTime: endDateTime, barSizeSetting: barSize, durationString: duration,
            useRTH: useRTH ? 1 : 0, whatToShow: whatToShow, formatDate: 2, keepUpToDate: false)))
        armRequestTimeout(reqId, after: configuration.historicalDataTimeout)
        return try await firstResult(of: stream)
    }

    /// The contracts whose symbol starts with `pattern` or whose name has a word starting with
    /// it (IB: reqMatchingSymbols, answered by SYMBOL_SAMPLES).
    ///
    /// IB serves one search a second: a search sooner than
    /// ``TWSClientConfiguration/symbolSearchSpacing`` after the previous one waits for its turn
    /// (searches made together go one a second, in the order made) rather than be refused.
    ///
    /// - Throws: ``TWSClientError/Code/requestFailed`` with the gateway's notice,
    ///   ``TWSClientError/Code/timedOut``, or a connection error (also when the caller's task
    ///   is cancelled while waiting for its turn).
    public func matchingSymbols(_ pattern: String) async throws(TWSClientError) -> [SymbolMatch] {
        try requireUsable()
        let now = clock.now()
        let turn = symbolSearches.reserve(now: now)
        if turn > now {
            do {
                try await clock.sleep(until: turn)
            } catch {
                throw TWSClientError(.requestFailed, "the symbol search was cancelled while waiting for its turn")
            }
            try requireUsable()
        }
        let reqId = requestIDs.allocate()
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: [SymbolMatch].self)
        pending.symbolSearches[reqId] = continuation
        requestContexts.record(RequestContext(kind: .search, requestID: reqId, detail: pattern))
        send(.requestMatchingSymbols(RequestMatchingSymbols(reqId: reqId, pattern: pattern)))
        armRequestTimeout(reqId)
        return try await firstResult(of: stream)
    }

    /// Streams `contract`'s order book (IB: reqMktDepth): after each socket read that changed
    /// it, the whole book, at most `rows` rows a side (rows the gateway sends past them are
    /// dropped). Notices for the request (309: too many depth lines; 354: not subscribed; 317:
    /// the book was reset, which empties it) reach the stream. Re-sent after every reconnect
    /// and after 1101 (the book starts empty again and is sent whole), and cancelled
    /// (cancelMktDepth) when the stream is dropped.
    ///
    /// The stream holds at most the 16 newest events for a slow reader: each book is whole, so
    /// only the latest matters.
    ///
    /// - Parameter smartDepth: the book aggregated over the exchanges SMART routes to, each
    ///   row naming its exchange, rather than one exchange's book.
    public func marketDepth(_ contract: Contract, rows: Int, smartDepth: Bool = false) -> AsyncStream<SubscriptionEvent<DepthBook>> {
        let rows = max(rows, 1)
        let (stream, continuation) = AsyncStream.makeStream(
            of: SubscriptionEvent<DepthBook>.self, bufferingPolicy: .bufferingNewest(16))
        let key = subscribe(.marketDepth(contract, rows: rows, smart: smartDepth), sink: .depth(continuation))
        router.openDepth(key, rows: rows)
        continuation.onTermination = { [weak self] _ in Task { await self?.unsubscribe(key) } }
        return stream
    }

    /// Streams every trade (`.last`, `.allLast`), quote change (`.bidAsk`) or midpoint change
    /// (`.midpoint`) of `contract` (IB: reqTickByTickData), each as the gateway sends it, with
    /// notices for the request. Re-sent after every reconnect and after 1101, and cancelled
    /// (cancelTickByTickData) when the stream is dropped.
    ///
    /// A reader that falls behind loses the oldest events: the stream holds at most the 4,096
    /// newest.
    public func tickByTick(_ contract: Contract, type: TickByTickType) -> AsyncStream<SubscriptionEvent<TickByTickEvent>> {
        let (stream, continuation) = AsyncStream.makeStream(
            of: SubscriptionEvent<TickByTickEvent>.self, bufferingPolicy: .bufferingNewest(4096))
        let key = subscribe(.tickByTick(contract, type: type), sink: .tickByTick(continuation))
        continuation.onTermination = { [weak self] _ in Task { await self?.unsubscribe(key) } }
        return stream
    }

    // MARK: Inbound

    /// HISTORICAL_DATA: the request's bars; below server version 196 the answer is complete.
    func handleBars(_ m: HistoricalData) {
        guard pending.bars[m.reqId] != nil else { return }
        pending.bars[m.reqId]?.bars.append(contentsOf: m.bars.map(PriceBar.init))
        if let version = serverVersion, version < ServerVersion.historicalDataEnd { finishBars(m.reqId) }
    }

    /// HISTORICAL_DATA_END (or a complete HISTORICAL_DATA below 196): the call returns.
    func finishBars(_ reqId: Int) {
        guard let query = pending.bars.removeValue(forKey: reqId) else { return }
        query.continuation.yield(query.bars)
        query.continuation.finish()
    }

    /// SYMBOL_SAMPLES: the search returns.
    func finishSymbolSearch(_ m: SymbolSamples) {
        guard let continuation = pending.symbolSearches.removeValue(forKey: m.reqId) else { return }
        continuation.yield(m.matches.map(SymbolMatch.init))
        continuation.finish()
    }
}
