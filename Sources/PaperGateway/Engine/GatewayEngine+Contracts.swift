import PaperExchange
import TWSWire
import Vocabulary

extension GatewayEngine {
    /// reqContractDetails: CONTRACT_DATA per matching instrument and CONTRACT_DATA_END, or 200.
    func sendContractDetails(_ request: RequestContractDetails, to session: ClientSession) {
        let query = request.contract.query
        let matches = query == ContractQuery() ? [] : universe.instruments(matching: query)
        guard !matches.isEmpty else {
            send(error: 200, "No security definition has been found for the request", id: request.reqId, to: session)
            return
        }
        for instrument in matches {
            session.send(.contractData(ContractData(reqId: request.reqId, details: instrument.contractDetails)))
        }
        session.send(.contractDataEnd(reqId: request.reqId))
    }

    /// reqHistoricalData: bars from the simulated path, then (from server version 196)
    /// HISTORICAL_DATA_END; 200 for an unknown contract, 321 for a malformed request.
    func sendHistoricalData(_ request: RequestHistoricalData, to session: ClientSession) {
        guard let instrument = universe.resolve(request.contract.query) else {
            send(error: 200, "No security definition has been found for the request", id: request.reqId, to: session)
            return
        }
        let time = now
        let offset = exchange.configuration.sessionUTCOffsetSeconds
        let builder = HistoricalBarBuilder(seed: configuration.seed, utcOffsetSeconds: offset)
        let mark = exchange.quote(conId: instrument.conId)?.markPrice ?? instrument.referencePrice
        do {
            let bars = try builder.bars(for: request, instrument: instrument, mark: mark, end: time)
            let endText = TimeText.dateTime(time, utcOffsetSeconds: offset)
            let startSeconds = (try? HistoricalBarBuilder.seconds(ofDuration: request.durationString)) ?? 0
            let startText = TimeText.dateTime(
                time.adding(milliseconds: -startSeconds * 1000), utcOffsetSeconds: offset)
            session.send(.historicalData(HistoricalData(reqId: request.reqId, startDate: startText, endDate: endText, bars: bars)))
            if session.serverVersion >= 196 {
                session.send(.historicalDataEnd(HistoricalDataEnd(reqId: request.reqId, startDate: startText, endDate: endText)))
            }
        } catch {
            send(error: 321, "Error validating request.-'bP' : cause - \(error.reason)", id: request.reqId, to: session)
        }
    }
}
