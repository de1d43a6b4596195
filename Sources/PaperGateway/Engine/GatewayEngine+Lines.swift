import PaperExchange
import TWSWire

/// A refusal TWS sends for a request: its code and text.
struct LineRefusal {
    var code: Int
    var text: String
}

extension GatewayEngine {
    /// The checks TWS makes before it opens a streaming line (depth, tick-by-tick, real-time
    /// bars), in its order: the contract resolves (else 200), the request's own fields
    /// (`validate`, 321), the id is not in use (322), the client is under its limit (`full`),
    /// the account is entitled (354). Returns the instrument, or `nil` once the refusal is sent.
    func openLine(
        _ contract: Contract, reqId: Int, inUse: Bool, openLines: Int, limit: Int, full: LineRefusal,
        session: ClientSession, validate: (Instrument) -> LineRefusal? = { _ in nil }
    ) -> Instrument? {
        let refusal: LineRefusal?
        let instrument = universe.resolve(contract.query)
        if let instrument {
            if let invalid = validate(instrument) {
                refusal = invalid
            } else if inUse {
                refusal = LineRefusal(code: 322, text: "Error processing request.-'bW' : cause - Duplicate ticker id")
            } else if openLines >= limit {
                refusal = full
            } else if notEntitledConIds.contains(instrument.conId) {
                refusal = LineRefusal(code: 354, text: Self.notSubscribedText)
            } else {
                refusal = nil
            }
        } else {
            refusal = LineRefusal(code: 200, text: "No security definition has been found for the request")
        }
        if let refusal {
            send(error: refusal.code, refusal.text, id: reqId, to: session)
            return nil
        }
        return instrument
    }
}
