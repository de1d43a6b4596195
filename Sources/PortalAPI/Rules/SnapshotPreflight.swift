/// IB's pre-flight rule for `/iserver/marketdata/snapshot`: the first request for a conid
/// answers without prices and starts the stream; later requests answer the fields streaming.
///
/// IB's words (https://www.interactivebrokers.com/campus/ibkr-api-page/webapi-doc/#md-snapshot):
/// "a 'pre-flight' request must be made … This initial request will not deliver any data, but
/// rather makes the stream available for future snapshot requests", answered
/// `[{"conid":265598,"conidEx":"265598"}]`; "Once a pre-flight request has been made for a given
/// conid, all requested fields will be delivered with all future responses; future snapshot
/// requests do not need to repeat the desired fields." A field first asked for on a later
/// request joins the stream and is answered from the request after (ibterm's reading; IB says
/// only that the pre-flight should name every field wanted). `/iserver/marketdata/{conid}/unsubscribe`
/// and `…/unsubscribeall` end streams, and a session's end ends them all.
public struct SnapshotPreflight: Sendable, Equatable {
    /// The fields streaming, by conid.
    public private(set) var streaming: [Int: Set<String>] = [:]

    /// No streams.
    public init() {}

    /// A request for a conid's fields: the fields to answer with now, nil for the pre-flight;
    /// the requested ones join the stream.
    public mutating func request(conid: Int, fields: [String]) -> Set<String>? {
        let answered = streaming[conid]
        streaming[conid, default: []].formUnion(fields)
        return answered
    }

    /// The answer to a request: a pre-flight answer (only `conid` and `conidEx`), or the
    /// streaming fields' values from `values` (the market's, by field code).
    public mutating func answer(
        conid: Int, fields: [String], values: [String: String], updated: Int64, serverID: String
    ) -> MarketDataSnapshot {
        guard let answered = request(conid: conid, fields: fields) else { return MarketDataSnapshot(conid: conid, conidEx: String(conid)) }
        return MarketDataSnapshot(
            conid: conid, conidEx: String(conid), updated: updated, serverID: serverID,
            fields: values.filter { answered.contains($0.key) }
        )
    }

    /// `/iserver/marketdata/{conid}/unsubscribe`: the conid's stream ends; the next request is a
    /// pre-flight again. Whether it was streaming.
    @discardableResult
    public mutating func unsubscribe(conid: Int) -> Bool { streaming.removeValue(forKey: conid) != nil }

    /// `/iserver/marketdata/unsubscribeall`, or the session's end: every stream ends.
    public mutating func unsubscribeAll() { streaming.removeAll() }
}
