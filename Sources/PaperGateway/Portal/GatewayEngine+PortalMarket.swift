import PaperExchange
import PortalAPI
import Vocabulary

/// Contracts and market data as the Client Portal API shows them (``PortalBackend``).
extension GatewayEngine {
    /// The instrument with this conid, if the engine lists it.
    func portalInstrument(conid: Int) -> Instrument? {
        universe.instruments.first { $0.conId == conid }
    }

    /// `/iserver/secdef/search`: instruments whose symbol is `text` first, then those whose
    /// symbol starts with it, then (with `byName`) those whose name contains it; at most
    /// `limit`, securities of `secType` only when one is given.
    func portalSearch(_ text: String, byName: Bool, secType: String?, limit: Int) -> [SecDefSearchResult] {
        let wanted = text.uppercased()
        guard !wanted.isEmpty else { return [] }
        let candidates = universe.instruments.filter { secType == nil || $0.secType.rawValue == secType?.uppercased() }
        let exact = candidates.filter { $0.symbol.uppercased() == wanted }
        let prefix = candidates.filter { $0.symbol.uppercased() != wanted && $0.symbol.uppercased().hasPrefix(wanted) }
            .sorted { $0.symbol < $1.symbol }
        let named = byName ? candidates.filter {
            !$0.symbol.uppercased().hasPrefix(wanted) && $0.longName.uppercased().contains(wanted)
        }.sorted { $0.symbol < $1.symbol } : []
        return (exact + prefix + named).prefix(limit).map { instrument in
            SecDefSearchResult(
                conid: String(instrument.conId), companyHeader: "\(instrument.longName) - \(instrument.primaryExchange)",
                companyName: instrument.longName, symbol: instrument.symbol, description: instrument.primaryExchange,
                sections: [SecDefSearchResult.Section(secType: instrument.secType.rawValue, exchange: instrument.exchange)])
        }
    }

    /// `/iserver/contract/{conid}/info`.
    func portalContractInfo(conid: Int) -> ContractInfo? {
        guard let instrument = portalInstrument(conid: conid) else { return nil }
        var info = ContractInfo(
            conid: conid, symbol: instrument.symbol, companyName: instrument.longName, currency: instrument.currency,
            exchange: instrument.exchange,
            validExchanges: instrument.secType == .stock ? Instrument.stockVenues.joined(separator: ",") : instrument.exchange,
            industry: instrument.industry, category: instrument.category)
        info.instrument_type = instrument.secType.rawValue
        info.local_symbol = instrument.localSymbol
        info.trading_class = instrument.tradingClass
        if instrument.multiplier != 1 { info.multiplier = String(instrument.multiplier) }
        if !instrument.lastTradeDateOrContractMonth.isEmpty { info.maturity_date = instrument.lastTradeDateOrContractMonth }
        return info
    }

    /// The snapshot's field values for a conid now (every field the server knows; the
    /// pre-flight rule picks what a request gets), and the quote's time in milliseconds; `nil`
    /// for a conid the engine does not list. An instrument the account is not entitled to
    /// answers only its availability, `N`; a stalled one keeps its last values and their time.
    func portalQuote(conid: Int) -> (values: [String: String], updated: Int64)? {
        guard portalInstrument(conid: conid) != nil else { return nil }
        if notEntitledConIds.contains(conid) {
            return ([PortalMarketFields.availability.code: MarketDataAvailability(kind: .notSubscribed).description], now.millisecondsSinceEpoch)
        }
        guard let quote = exchange.quote(conId: conid) else {
            return ([PortalMarketFields.availability.code: MarketDataAvailability(kind: .realtime, delivery: .consolidated).description], now.millisecondsSinceEpoch)
        }
        var values: [String: String] = [
            PortalMarketFields.bid.code: quote.bid.description,
            PortalMarketFields.ask.code: quote.ask.description,
            PortalMarketFields.bidSize.code: String(quote.bidSize),
            PortalMarketFields.askSize.code: String(quote.askSize),
            PortalMarketFields.volume.code: String(quote.volume),
            PortalMarketFields.priorClose.code: quote.close.description,
            PortalMarketFields.close.code: quote.close.description,
            PortalMarketFields.availability.code: MarketDataAvailability(kind: .realtime, delivery: .consolidated).description,
        ]
        if let last = quote.last {
            values[PortalMarketFields.last.code] = last.description
            values[PortalMarketFields.lastSize.code] = String(quote.lastSize)
            let change = last - quote.close
            values[PortalMarketFields.change.code] = change.description
            if quote.close != .zero {
                let percent = change.doubleValue / quote.close.doubleValue * 100
                values[PortalMarketFields.changePercent.code] = FixedDecimal(rounding: percent).formatted(fractionDigits: 2)
            }
        }
        if let open = quote.open { values[PortalMarketFields.open.code] = open.description }
        if let high = quote.high { values[PortalMarketFields.high.code] = high.description }
        if let low = quote.low { values[PortalMarketFields.low.code] = low.description }
        return (values, quote.time.millisecondsSinceEpoch)
    }

    /// The price the order questions measure against: the last trade, else the midpoint;
    /// `nil` without market data (not entitled, or no quote).
    func portalMarketPrice(conid: Int) -> Double? {
        guard !notEntitledConIds.contains(conid), let quote = exchange.quote(conId: conid) else { return nil }
        return (quote.last ?? quote.midpoint).doubleValue
    }

    /// `/iserver/marketdata/history`: bars of `barSize` over `duration` (IB's socket texts, as
    /// ``PortalHistoryRequest`` translates the portal's), regular hours unless `outsideRTH`.
    func portalHistory(conid: Int, duration: String, barSize: String, outsideRTH: Bool) -> Result<[HistoricalBar], HistoricalRequestError> {
        guard let instrument = portalInstrument(conid: conid) else {
            return .failure(HistoricalRequestError(code: 200, message: "No security definition has been found for the request"))
        }
        do {
            let query = try HistoricalQuery(
                barSize: barSize, duration: duration, whatToShow: "TRADES", useRTH: outsideRTH ? 0 : 1, endDateTime: "", keepUpToDate: false)
            let answer = try historyDrawer(for: instrument).answer(query)
            return .success(answer.bars)
        } catch {
            return .failure(error)
        }
    }
}
