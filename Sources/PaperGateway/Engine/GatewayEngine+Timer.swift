import PaperExchange
import TWSWire
import Vocabulary

extension GatewayEngine {
    /// One timer tick: faults that fell due, the market up to now, ticks to subscribers,
    /// resting-order fills (stored, then reported), and the periodic pushes.
    func tick() {
        let time = now
        if let timeline {
            let due = timeline.due(from: lastScenarioCheck, to: time.adding(milliseconds: 1))
            lastScenarioCheck = time.adding(milliseconds: 1)
            for fault in due { apply(fault) }
        }
        runMarket(until: time)
        closeRealTimeBars(at: time)
        drawHistory()
        periodicPushes(at: time)
        if time.milliseconds(since: lastHistoryPush) >= 1000 {
            lastHistoryPush = time
            pushHistoryUpdates()
        }
        closeStalledHandshakes()
        flushAll()
    }

    /// Advances the exchange to `time`, sends the ticks and commits the order outcomes.
    func runMarket(until time: Timestamp) {
        let step = exchange.advance(to: time)
        dispatch(step.marketEvents)
        dispatchDelayed()
        if !step.orderOutcomes.isEmpty {
            for outcome in step.orderOutcomes {
                if case let .filled(fill) = outcome {
                    logger.info("order \(fill.order.orderId) of client \(fill.order.clientId) filled \(fill.order.filledQuantity) @ \(fill.order.averageFillPrice)")
                }
            }
            commit(step.orderOutcomes, requester: nil)
        }
    }

    /// Carries out one fault, as the scenario timeline or a test control asks.
    func apply(_ fault: Fault) {
        logger.info("fault: \(fault)")
        switch fault {
        case let .expireSubscription(symbol):
            let conIds = conIds(symbol: symbol)
            for session in readySessions {
                for (reqId, ticker) in session.tickers.sorted(by: { $0.key < $1.key }) where conIds.contains(ticker.conId) {
                    session.tickers[reqId] = nil
                    send(error: 354, Self.notSubscribedText, id: reqId, to: session)
                }
            }
        case let .stallSymbol(symbol): stalledConIds.formUnion(conIds(symbol: symbol))
        case let .resumeSymbol(symbol): stalledConIds.subtract(conIds(symbol: symbol))
        case .stallAllMarketData: allStalled = true
        case .resumeAllMarketData: allStalled = false
        case .connectivityLost:
            connectivityLost = true
            broadcast(fault.notice)
        case .connectivityRestored:
            connectivityLost = false
            broadcast(fault.notice)
            // The farms come back with the link (clients that connected during the outage were
            // told they were broken).
            broadcast(Notice(code: 2104, text: "Market data farm connection is OK:usfarm"))
            broadcast(Notice(code: 2106, text: "HMDS data farm connection is OK:ushmds"))
        case .dropAllConnections:
            for session in sessions.values.sorted(by: { $0.connectionNumber < $1.connectionNumber }) { close(session, reason: .fault) }
        case .beginHalfOpen:
            halfOpen = true
            for session in sessions.values { session.beginHalfOpen(established: true) }
        case .endHalfOpen:
            halfOpen = false
            for session in sessions.values { session.endHalfOpen() }
        case let .rejectOrders(symbol, reason): rejectedOrderSymbols[symbol.uppercased()] = reason
        case let .acceptOrders(symbol): rejectedOrderSymbols[symbol.uppercased()] = nil
        case .exceedRate, .dataFarmBroken, .dataFarmRestored:
            broadcast(fault.notice)
        case .socketDown:
            refusingConnections = true
            for session in sessions.values.sorted(by: { $0.connectionNumber < $1.connectionNumber }) { close(session, reason: .fault) }
        case .socketUp:
            refusingConnections = false
        case .portalDown: portalFaultObserver?(.down)
        case .portalUp: portalFaultObserver?(.up)
        case let .portalSlow(milliseconds): portalFaultObserver?(.slow(milliseconds: milliseconds))
        case .portalSessionExpired: portalFaultObserver?(.sessionExpired)
        case .portalCompetingSession: portalFaultObserver?(.competingSession)
        }
        flushAll()
    }

    private func broadcast(_ notice: Notice?) {
        guard let notice else { return }
        for session in readySessions { send(error: notice.code, notice.text, id: -1, to: session) }
    }

    private func conIds(symbol: String) -> Set<Int> {
        let wanted = symbol.uppercased()
        return Set(universe.instruments.filter {
            $0.symbol.uppercased() == wanted || $0.localSymbol.uppercased() == wanted
        }.map(\.conId))
    }
}
