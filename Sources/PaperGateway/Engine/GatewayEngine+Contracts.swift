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
        let seconds = now.secondsSinceEpoch
        for instrument in matches {
            var details = instrument.contractDetails
            details.timeZoneId = SessionHoursText.timeZoneId(of: instrument.secType)
            details.tradingHours = SessionHoursText.text(of: instrument.secType, regularHours: false, now: seconds)
            details.liquidHours = SessionHoursText.text(of: instrument.secType, regularHours: true, now: seconds)
            // The exchange the request named is echoed, as TWS does (SPY on ARCA stays ARCA).
            let asked = request.contract.exchange.uppercased()
            if !asked.isEmpty, details.validExchanges.uppercased().split(separator: ",").contains(Substring(asked)) {
                details.contract.exchange = asked
            }
            session.send(.contractData(ContractData(reqId: request.reqId, details: details)))
        }
        session.send(.contractDataEnd(reqId: request.reqId))
    }
}
