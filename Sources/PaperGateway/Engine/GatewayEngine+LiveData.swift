import PaperExchange
import TWSWire
import Vocabulary

extension GatewayEngine {
    /// The most tick-by-tick lines one client may hold (IB ties it to market-data lines; the
    /// paper account has the base allowance).
    static let maximumTickByTickLines = 5
    /// The most real-time bar lines one client may hold.
    static let maximumRealTimeBarLines = 50

    // MARK: Tick by tick

    /// reqTickByTickData: every trade (Last, AllLast), quote change (BidAsk) or midpoint change
    /// (MidPoint) of the simulated market as it happens.
    func subscribeTickByTick(_ request: RequestTickByTick, session: ClientSession) {
        let reqId = request.reqId
        let kind = TickByTickStream.Kind(rawValue: request.tickType)
        guard let instrument = openLine(
            request.contract, reqId: reqId, inUse: session.tickByTick[reqId] != nil, openLines: session.tickByTick.count,
            limit: Self.maximumTickByTickLines,
            full: LineRefusal(code: 322, text: "Error processing request.-'bT' : cause - Max number of tick-by-tick requests has been reached."),
            session: session,
            validate: { instrument in
                guard let kind else {
                    return LineRefusal(code: 321, text: "Error validating request.-'bT' : cause - Invalid tick-by-tick type '\(request.tickType)'. Legal ones are: Last, AllLast, BidAsk, MidPoint")
                }
                guard instrument.secType.printsTrades || (kind != .last && kind != .allLast) else {
                    return LineRefusal(code: 321, text: "Error validating request.-'bT' : cause - \(request.tickType) ticks are not available for \(instrument.symbol) (FX has no trades); use BidAsk or MidPoint")
                }
                return nil
            }), let kind
        else { return }
        var stream = TickByTickStream(conId: instrument.conId, kind: kind, ignoreSize: request.ignoreSize, lastQuote: nil)
        if let quote = exchange.quote(conId: instrument.conId), kind == .bidAsk || kind == .midPoint {
            sendTickByTick(&stream, quote: quote, trade: nil, time: now, instrument: instrument, reqId: reqId, to: session)
        }
        session.tickByTick[reqId] = stream
    }

    private func sendTickByTick(
        _ stream: inout TickByTickStream, quote: TopOfBook, trade: Trade?, time: Timestamp, instrument: Instrument,
        reqId: Int, to session: ClientSession
    ) {
        let seconds = Int(time.secondsSinceEpoch)
        let previous = stream.lastQuote
        stream.lastQuote = quote
        switch stream.kind {
        case .last, .allLast:
            guard let trade else { return }
            session.send(.tickByTick(TickByTick(reqId: reqId, time: seconds, payload: .trade(
                allLast: stream.kind == .allLast, price: trade.price.doubleValue, size: FixedDecimal(trade.size), mask: 0,
                exchange: instrument.secType == .stock ? instrument.primaryExchange : instrument.exchange, specialConditions: ""))))
        case .bidAsk:
            if let previous, previous.bid == quote.bid, previous.ask == quote.ask,
               stream.ignoreSize || (previous.bidSize == quote.bidSize && previous.askSize == quote.askSize) { return }
            session.send(.tickByTick(TickByTick(reqId: reqId, time: seconds, payload: .bidAsk(
                bidPrice: quote.bid.doubleValue, askPrice: quote.ask.doubleValue,
                bidSize: FixedDecimal(quote.bidSize), askSize: FixedDecimal(quote.askSize), mask: 0))))
        case .midPoint:
            if let previous, previous.midpoint == quote.midpoint { return }
            session.send(.tickByTick(TickByTick(reqId: reqId, time: seconds, payload: .midPoint(quote.midpoint.doubleValue))))
        }
    }

    /// cancelTickByTickData: ends the line; nothing is sent for one that is not open.
    func cancelTickByTick(reqId: Int, session: ClientSession) {
        session.tickByTick[reqId] = nil
    }

    // MARK: Real-time bars

    /// reqRealTimeBars: a 5-second bar (TRADES, MIDPOINT, BID or ASK) as each completes.
    func subscribeRealTimeBars(_ request: RequestRealTimeBars, session: ClientSession) {
        let reqId = request.reqId
        let show = RealTimeBarStream.Show(rawValue: request.whatToShow.uppercased())
        guard let instrument = openLine(
            request.contract, reqId: reqId, inUse: session.realTimeBars[reqId] != nil, openLines: session.realTimeBars.count,
            limit: Self.maximumRealTimeBarLines,
            full: LineRefusal(code: 420, text: "Invalid Real-time Query: too many real-time bar requests (at most \(Self.maximumRealTimeBarLines))"),
            session: session,
            validate: { instrument in
                guard request.barSize == 5 else {
                    return LineRefusal(code: 321, text: "Error validating request.-'bR' : cause - Real-time bars come in 5-second bars only (barSize \(request.barSize))")
                }
                guard let show, show != .trades || instrument.secType.printsTrades else {
                    return LineRefusal(code: 321, text: "Error validating request.-'bR' : cause - whatToShow '\(request.whatToShow)' is not available for \(instrument.symbol); legal ones are TRADES (not FX), MIDPOINT, BID, ASK")
                }
                return nil
            }), let show
        else { return }
        let quote = exchange.quote(conId: instrument.conId)
        let value = quote.map { RealTimeBarStream.opening(show, quote: $0) } ?? instrument.referencePrice.doubleValue
        let start = now.secondsSinceEpoch / 5 * 5
        session.realTimeBars[reqId] = RealTimeBarStream(conId: instrument.conId, show: show, regularHours: request.useRTH, start: start, value: value)
    }

    /// cancelRealTimeBars: ends the line; nothing is sent for one that is not open.
    func cancelRealTimeBars(reqId: Int, session: ClientSession) {
        session.realTimeBars[reqId] = nil
    }

    /// Sends every real-time bar line the bars completed by `time` and starts the next; with
    /// useRTH, bars outside the regular session are not sent (as TWS).
    func closeRealTimeBars(at time: Timestamp) {
        let second = time.secondsSinceEpoch
        for session in readySessions where !session.realTimeBars.isEmpty {
            for (reqId, stream) in session.realTimeBars.sorted(by: { $0.key < $1.key }) where second >= stream.start + 5 {
                guard let instrument = universe.instrument(conId: stream.conId) else { continue }
                let inSession = !stream.regularHours || !TradingCalendar.sessions(
                    of: instrument.secType, regularHours: instrument.secType != .forex, from: stream.start, to: stream.start + 5).isEmpty
                if inSession, !isStalled(stream.conId) {
                    let trades = stream.show == .trades
                    let wap = stream.volume > 0 ? stream.notional / Double(stream.volume) : stream.close
                    session.send(.realTimeBar(RealTimeBar(
                        reqId: reqId, time: Int(stream.start), open: stream.open, high: stream.high, low: stream.low, close: stream.close,
                        volume: trades ? FixedDecimal(stream.volume) : FixedDecimal(-1),
                        wap: trades ? FixedDecimal(raw: Int64((wap * 1_000_000).rounded()) * 100) : FixedDecimal(-1),
                        count: trades ? stream.count : -1)))
                }
                session.realTimeBars[reqId] = RealTimeBarStream(
                    conId: stream.conId, show: stream.show, regularHours: stream.regularHours, start: second / 5 * 5, value: stream.close)
            }
        }
    }

    /// Feeds tick-by-tick and real-time bar lines with the market's moves.
    func dispatchLiveStreams(_ events: [MarketEvent]) {
        for session in readySessions where !session.tickByTick.isEmpty || !session.realTimeBars.isEmpty {
            for event in events where !isStalled(event.conId) {
                for (reqId, stream) in session.tickByTick.sorted(by: { $0.key < $1.key }) where stream.conId == event.conId {
                    guard let instrument = universe.instrument(conId: event.conId) else { continue }
                    var updated = stream
                    sendTickByTick(&updated, quote: event.quote, trade: event.trade, time: event.time, instrument: instrument, reqId: reqId, to: session)
                    session.tickByTick[reqId] = updated
                }
                for (reqId, stream) in session.realTimeBars where stream.conId == event.conId {
                    guard let (value, size) = stream.value(of: event) else { continue }
                    session.realTimeBars[reqId]?.take(value, size: size)
                }
            }
        }
    }

    // MARK: Contract queries

    /// reqMatchingSymbols: up to 16 instruments whose symbol starts with the pattern or whose
    /// name has a word that does (SYMBOL_SAMPLES; none is an empty list, as TWS).
    func sendMatchingSymbols(_ request: RequestMatchingSymbols, to session: ClientSession) {
        let pattern = request.pattern.uppercased().trimmingCharacters(in: " ")
        var matches: [SymbolSamples.Match] = []
        if !pattern.isEmpty {
            let bySymbol = universe.instruments.filter { $0.symbol.uppercased().hasPrefix(pattern) }
            let byName = universe.instruments.filter { instrument in
                !bySymbol.contains { $0.conId == instrument.conId }
                    && instrument.longName.uppercased().split(separator: " ").contains { $0.hasPrefix(pattern) }
            }
            for instrument in (bySymbol.sorted { $0.symbol.count < $1.symbol.count } + byName).prefix(16) {
                var contract = Contract()
                contract.conId = instrument.conId
                contract.symbol = instrument.symbol
                contract.secType = instrument.secType.rawValue
                contract.primaryExchange = instrument.secType == .stock ? instrument.primaryExchange : instrument.exchange
                contract.currency = instrument.currency
                // The engine lists no options or futures options on anything.
                matches.append(SymbolSamples.Match(contract: contract, derivativeSecTypes: [], description: instrument.longName))
            }
        }
        session.send(.symbolSamples(SymbolSamples(reqId: request.reqId, matches: matches)))
    }

    /// reqMarketRule: the price increments of a rule contract details name; 321 for an id no
    /// instrument uses.
    func sendMarketRule(id: Int, to session: ClientSession) {
        guard let increment = MarketRuleBook.increment(ofRule: id, in: universe) else {
            send(error: 321, "Error validating request.-'bU' : cause - Unknown market rule id \(id)", id: -1, to: session)
            return
        }
        session.send(.marketRule(MarketRule(marketRuleId: id, increments: [MarketRule.Increment(lowEdge: 0, increment: increment.doubleValue)])))
    }

    /// reqSecDefOptParams: the engine lists no options, so the honest answer is the end
    /// message alone (an empty chain), for a known underlying; 200 for an unknown one.
    func sendOptionParameters(_ request: RequestOptionParameters, to session: ClientSession) {
        let known = universe.instrument(conId: request.underlyingConId) != nil
            || universe.instruments.contains { $0.symbol.uppercased() == request.underlyingSymbol.uppercased() }
        guard known else {
            send(error: 200, "No security definition has been found for the request", id: request.reqId, to: session)
            return
        }
        session.send(.optionParametersEnd(reqId: request.reqId))
    }
}

extension String {
    fileprivate func trimmingCharacters(in character: Character) -> String {
        String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
    }
}
