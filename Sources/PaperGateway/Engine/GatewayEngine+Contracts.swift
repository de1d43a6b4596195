import PaperExchange
import TWSWire

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
}
