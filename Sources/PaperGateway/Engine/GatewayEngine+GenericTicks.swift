import PaperExchange
import TWSWire
import Vocabulary

extension GatewayEngine {
    /// The ticks a generic tick list asks for once, when the line opens.
    func sendGenericTicks(_ generic: GenericTicks, instrument: Instrument, reqId: Int, to session: ClientSession) {
        if generic.ids.contains(236), instrument.secType == .stock {
            // Above 2.5: at least 1,000 shares available to borrow (IB's "easy to borrow").
            session.send(.tickGeneric(TickGeneric(reqId: reqId, tickType: .shortable, value: 3)))
        }
        if generic.ids.contains(104) {
            session.send(.tickGeneric(TickGeneric(reqId: reqId, tickType: TickType(rawValue: 23), value: instrument.volatility)))
        }
        if generic.ids.contains(106), instrument.secType == .stock {
            session.send(.tickGeneric(TickGeneric(reqId: reqId, tickType: TickType(rawValue: 24), value: instrument.volatility * 1.1)))
        }
        if generic.markPrice, let quote = exchange.quote(conId: instrument.conId) {
            session.send(.tickPrice(TickPrice(reqId: reqId, tickType: .markPrice, price: quote.markPrice.doubleValue, size: .zero, attributes: TickAttributes(mask: 0))))
        }
        if generic.ids.contains(165) {
            sendMiscellaneousStatistics(instrument: instrument, reqId: reqId, to: session)
        }
    }

    /// Generic tick 165: the 13-, 26- and 52-week lows and highs of the daily bars history
    /// draws (so they agree with reqHistoricalData), and the average daily volume.
    private func sendMiscellaneousStatistics(instrument: Instrument, reqId: Int, to session: ClientSession) {
        let quote = exchange.quote(conId: instrument.conId)
        let drawer = HistoricalBars(instrument: instrument, seed: configuration.seed, mark: quote?.markPrice ?? instrument.referencePrice,
                                    now: now.secondsSinceEpoch, previousClose: quote?.close)
        let show = instrument.secType.printsTrades ? "TRADES" : "MIDPOINT"
        guard let query = try? HistoricalQuery(barSize: "1 day", duration: "1 Y", whatToShow: show, useRTH: 1, endDateTime: "", keepUpToDate: false),
              let bars = try? drawer.answer(query).bars, !bars.isEmpty else { return }
        for (weeks, lowType, highType) in [(13, 15, 16), (26, 17, 18), (52, 19, 20)] {
            let span = bars.suffix(weeks * 5)
            guard let low = span.map(\.low).min(), let high = span.map(\.high).max() else { continue }
            session.send(.tickPrice(TickPrice(reqId: reqId, tickType: TickType(rawValue: lowType), price: low, size: .zero, attributes: TickAttributes(mask: 0))))
            session.send(.tickPrice(TickPrice(reqId: reqId, tickType: TickType(rawValue: highType), price: high, size: .zero, attributes: TickAttributes(mask: 0))))
        }
        let volumes = bars.suffix(63).compactMap(\.volume)
        if !volumes.isEmpty {
            let average = Int(volumes.reduce(0, +) / Int64(volumes.count))
            session.send(.tickSize(TickSize(reqId: reqId, tickType: .avgVolume, size: displayedSize(average, instrument: instrument, session: session))))
        }
    }

    /// Generic tick 233: `price;size;time in ms;total volume;VWAP;single trade` after a trade.
    func sendRTVolume(_ trade: Trade, quote: TopOfBook, time: Timestamp, reqId: Int, to session: ClientSession) {
        let totals = tradeTotals[quote.conId] ?? (trade.size, trade.price.doubleValue * Double(trade.size))
        let vwap = totals.volume > 0 ? totals.notional / Double(totals.volume) : trade.price.doubleValue
        let vwapText = String((vwap * 100_000_000).rounded() / 100_000_000)
        let value = "\(trade.price);\(trade.size);\(time.millisecondsSinceEpoch);\(quote.volume);\(vwapText);true"
        session.send(.tickString(TickString(reqId: reqId, tickType: .rtVolume, value: value)))
    }
}
