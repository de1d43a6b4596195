import Vocabulary
import PaperExchange
import TWSWire

extension GatewayEngine {
    static let notSubscribedText = "Requested market data is not subscribed. Check API status by selecting "
        + "the Account menu then under Management choose Market Data Subscription Manager and/or the "
        + "Market Data Subscriptions page.Delayed market data is available."
    static let delayedNoticeText = "Requested market data is not subscribed. Displaying delayed market data."

    /// reqMktData: resolves the contract, checks lines and entitlements, then sends
    /// MARKET_DATA_TYPE, TICK_REQ_PARAMS and the current quote (and TICK_SNAPSHOT_END for a snapshot).
    func subscribe(_ request: RequestMarketData, session: ClientSession) {
        let reqId = request.reqId
        guard let instrument = universe.resolve(request.contract.query) else {
            send(error: 200, "No security definition has been found for the request", id: reqId, to: session)
            return
        }
        guard session.tickers[reqId] == nil else {
            send(error: 322, "Error processing request.-'bW' : cause - Duplicate ticker id", id: reqId, to: session)
            return
        }
        if !request.snapshot, session.tickers.count >= configuration.maxMarketDataLines {
            send(error: 101, "Max number of tickers has been reached.", id: reqId, to: session)
            return
        }
        var type = 1
        if notEntitledConIds.contains(instrument.conId) {
            guard session.marketDataType >= 3 else {
                send(error: 354, Self.notSubscribedText, id: reqId, to: session)
                return
            }
            send(error: 10167, Self.delayedNoticeText, id: reqId, to: session)
            type = session.marketDataType
        } else if session.marketDataType == 2 {
            type = 2
        }
        let generic: GenericTicks
        do {
            generic = try GenericTicks(list: request.genericTickList)
        } catch {
            send(error: 321, "Error validating request.-'bW' : cause - Incorrect generic tick list of \(error.tick).  Legal ones for (\(instrument.secType.rawValue)) are: \(GenericTicks.legal.sorted().map(String.init).joined(separator: ","))", id: reqId, to: session)
            return
        }
        var ticker = ClientSession.Ticker(conId: instrument.conId, delayed: type >= 3)
        ticker.rtVolume = generic.rtVolume
        ticker.markPrice = generic.markPrice
        session.send(.marketDataType(MarketDataTypeMessage(reqId: reqId, marketDataType: type)))
        session.send(.tickRequestParameters(TickRequestParameters(
            reqId: reqId, minTick: instrument.minTick.doubleValue, bboExchange: "9c0001", snapshotPermissions: 3)))
        if ticker.delayed {
            if let quote = delayedQuote(conId: instrument.conId, at: now), !isStalled(instrument.conId) {
                sendTicks(quote: quote, changed: .all, ticker: ticker, reqId: reqId, instrument: instrument, to: session)
                ticker.shownDelayed = quote
            }
        } else if let quote = exchange.quote(conId: instrument.conId), !isStalled(instrument.conId) {
            sendTicks(quote: quote, changed: .all, ticker: ticker, reqId: reqId, instrument: instrument, to: session)
        }
        sendGenericTicks(generic, instrument: instrument, reqId: reqId, to: session)
        if request.snapshot {
            session.send(.tickSnapshotEnd(TickSnapshotEnd(reqId: reqId)))
        } else {
            session.tickers[reqId] = ticker
        }
    }

    /// cancelMktData: silent, or 300 for an unknown ticker id.
    func cancelMarketData(reqId: Int, session: ClientSession) {
        guard session.tickers.removeValue(forKey: reqId) != nil else {
            send(error: 300, "Can't find EId with tickerId:\(reqId)", id: reqId, to: session)
            return
        }
    }

    /// Whether ticks for `conId` are currently held back by a fault.
    func isStalled(_ conId: Int) -> Bool {
        allStalled || connectivityLost || stalledConIds.contains(conId)
    }

    /// The quote a delayed line of `conId` shows now: the market `delayedDataDelay` ago as far as
    /// the tape reaches (the current quote is recorded first when the tape holds none).
    func delayedQuote(conId: Int, at time: Timestamp) -> TopOfBook? {
        if delayedTape.sampleCount(conId: conId) == 0, let current = exchange.quote(conId: conId) {
            delayedTape.record(current, at: time)
        }
        return delayedTape.quote(conId: conId, at: time)
    }

    /// Moves every delayed line to the sample the delay now reaches: the fields that changed,
    /// and IB's delayed last timestamp (tick 88) with the sample's time, from which a client
    /// reads how far behind the line runs.
    func dispatchDelayed() {
        let time = now
        for session in readySessions where !session.tickers.isEmpty {
            for (reqId, ticker) in session.tickers where ticker.delayed && !isStalled(ticker.conId) {
                guard let sample = delayedQuote(conId: ticker.conId, at: time), sample != ticker.shownDelayed,
                      let instrument = universe.instrument(conId: ticker.conId) else { continue }
                let changed = ticker.shownDelayed.map { sample.changedFields(since: $0) } ?? .all
                sendTicks(quote: sample, changed: changed, ticker: ticker, reqId: reqId, instrument: instrument, to: session)
                if !changed.contains(.last) {
                    session.send(.tickString(TickString(
                        reqId: reqId, tickType: .delayedLastTimestamp, value: String(sample.time.secondsSinceEpoch))))
                }
                session.tickers[reqId]?.shownDelayed = sample
            }
        }
    }

    /// Pushes quote changes to every subscribed ticker id.
    func dispatch(_ events: [MarketEvent]) {
        guard !events.isEmpty else { return }
        let time = now
        for event in events where notEntitledConIds.contains(event.conId) {
            delayedTape.record(event.quote, at: time)
        }
        for event in events {
            guard let trade = event.trade else { continue }
            let total = tradeTotals[event.conId] ?? (0, 0)
            tradeTotals[event.conId] = (total.volume + trade.size, total.notional + trade.price.doubleValue * Double(trade.size))
        }
        dispatchDepth(events)
        dispatchLiveStreams(events)
        var subscribers: [Int: [(ClientSession, Int, ClientSession.Ticker)]] = [:]
        for session in readySessions where !session.tickers.isEmpty {
            for (reqId, ticker) in session.tickers {
                subscribers[ticker.conId, default: []].append((session, reqId, ticker))
            }
        }
        guard !subscribers.isEmpty else { return }
        for event in events {
            guard let lines = subscribers[event.conId], !isStalled(event.conId),
                  let instrument = universe.instrument(conId: event.conId) else { continue }
            for (session, reqId, ticker) in lines where !ticker.delayed {
                sendTicks(quote: event.quote, changed: event.changed, ticker: ticker, reqId: reqId,
                          instrument: instrument, to: session)
                if ticker.rtVolume, let trade = event.trade {
                    sendRTVolume(trade, quote: event.quote, time: event.time, reqId: reqId, to: session)
                }
                if ticker.markPrice, !event.changed.isDisjoint(with: [.bid, .ask]) {
                    session.send(.tickPrice(TickPrice(reqId: reqId, tickType: .markPrice, price: event.quote.markPrice.doubleValue, size: .zero, attributes: TickAttributes(mask: 0))))
                }
            }
        }
    }

    /// TICK_PRICE (each followed by its TICK_SIZE for bid, ask and last), TICK_SIZE for sizes
    /// and volume, TICK_STRING for the last trade's time, in IB's tick types (delayed 66–76, 88
    /// for a delayed line).
    func sendTicks(
        quote: TopOfBook, changed: QuoteFields, ticker: ClientSession.Ticker, reqId: Int,
        instrument: Instrument, to session: ClientSession
    ) {
        let delayed = ticker.delayed
        func type(_ live: TickType) -> TickType { delayed ? live.delayed : live }
        func size(_ value: Int) -> FixedDecimal { displayedSize(value, instrument: instrument, session: session) }
        func price(_ tick: TickType, _ value: FixedDecimal, _ tickSize: Int?, _ sizeTick: TickType?) {
            session.send(.tickPrice(TickPrice(
                reqId: reqId, tickType: type(tick), price: value.doubleValue,
                size: tickSize.map(size) ?? .zero, attributes: TickAttributes(mask: tick == .bid || tick == .ask ? 1 : 0))))
            if let tickSize, let sizeTick {
                session.send(.tickSize(TickSize(reqId: reqId, tickType: type(sizeTick), size: size(tickSize))))
            }
        }
        if changed.contains(.bid) {
            price(.bid, quote.bid, quote.bidSize, .bidSize)
        } else if changed.contains(.bidSize) {
            session.send(.tickSize(TickSize(reqId: reqId, tickType: type(.bidSize), size: size(quote.bidSize))))
        }
        if changed.contains(.ask) {
            price(.ask, quote.ask, quote.askSize, .askSize)
        } else if changed.contains(.askSize) {
            session.send(.tickSize(TickSize(reqId: reqId, tickType: type(.askSize), size: size(quote.askSize))))
        }
        if let last = quote.last, changed.contains(.last) || (changed.contains(.lastSize) && quote.lastSize > 0) {
            price(.last, last, quote.lastSize, .lastSize)
            session.send(.tickString(TickString(
                reqId: reqId, tickType: type(.lastTimestamp), value: String(quote.time.secondsSinceEpoch))))
        }
        if changed.contains(.volume), instrument.secType.printsTrades {
            session.send(.tickSize(TickSize(reqId: reqId, tickType: type(.volume), size: size(quote.volume))))
        }
        if changed.contains(.high), let high = quote.high { price(.high, high, nil, nil) }
        if changed.contains(.low), let low = quote.low { price(.low, low, nil, nil) }
        if changed.contains(.close) { price(.close, quote.close, nil, nil) }
        if changed.contains(.open), let open = quote.open { price(.open, open, nil, nil) }
    }

    /// Sizes as TWS reports them: stocks in round lots of 100 below server version 164
    /// (before IB moved to share sizes with its size rules), shares from 164.
    func displayedSize(_ value: Int, instrument: Instrument, session: ClientSession) -> FixedDecimal {
        guard instrument.secType == .stock, session.serverVersion < 164 else { return FixedDecimal(value) }
        return FixedDecimal(value / 100)
    }
}
