import PortalAPI

extension PortalClient {
    /// How often a snapshot is asked again while the gateway answers pre-flight.
    public static let snapshotAttempts = 5

    /// `GET /iserver/secdef/search`: contracts by symbol (or, `byName`, by company name).
    public func search(_ symbol: String, byName: Bool = false, secType: String? = nil) async throws(PortalClientError) -> [SecDefSearchResult] {
        var query = [("symbol", symbol)]
        if byName { query.append(("name", "true")) }
        if let secType { query.append(("secType", secType)) }
        return try await send(.GET, "/iserver/secdef/search", query: query, as: [SecDefSearchResult].self)
    }

    /// `GET /iserver/contract/{conid}/info`.
    public func contractInfo(conid: Int) async throws(PortalClientError) -> ContractInfo {
        try await send(.GET, "/iserver/contract/\(conid)/info", as: ContractInfo.self)
    }

    /// `GET /iserver/marketdata/snapshot` for `conids`, through IB's pre-flight: the first
    /// request for a conid only starts its stream and answers without prices, so the conids
    /// answered without fields are asked again, after `pause`, up to `attempts` requests in all.
    /// A conid still without fields then (an unknown conid, no market data) is returned as
    /// answered: ``MarketDataSnapshot/isPreflight`` says so.
    public func snapshot(
        conids: [Int], fields: [PortalMarketField] = PortalMarketFields.all, attempts: Int = PortalClient.snapshotAttempts,
        pause: Duration = .milliseconds(250)
    ) async throws(PortalClientError) -> [MarketDataSnapshot] {
        var answered: [Int: MarketDataSnapshot] = [:]
        var waiting = conids
        let fieldList = fields.map(\.code).joined(separator: ",")
        for attempt in 0..<max(1, attempts) where !waiting.isEmpty {
            if attempt > 0 {
                do { try await Task.sleep(for: pause) } catch { throw .timedOut(path: "GET /iserver/marketdata/snapshot", after: timeout) }
            }
            let query = [("conids", waiting.map(String.init).joined(separator: ",")), ("fields", fieldList)]
            let snapshots = try await send(.GET, "/iserver/marketdata/snapshot", query: query, as: [MarketDataSnapshot].self)
            for snapshot in snapshots { answered[snapshot.conid] = snapshot }
            waiting = waiting.filter { answered[$0]?.isPreflight ?? true }
        }
        return conids.map { answered[$0] ?? MarketDataSnapshot(conid: $0, conidEx: String($0)) }
    }

    /// `GET /iserver/marketdata/history`: bars of `bar` (`1min`, `1h`, `1d`, …) over `period`
    /// (`1d`, `1w`, …).
    public func history(conid: Int, period: String = "1d", bar: String = "1min", outsideRTH: Bool = false) async throws(PortalClientError) -> PortalHistory {
        var query = [("conid", String(conid)), ("period", period), ("bar", bar)]
        if outsideRTH { query.append(("outsideRth", "true")) }
        return try await send(.GET, "/iserver/marketdata/history", query: query, as: PortalHistory.self)
    }
}
