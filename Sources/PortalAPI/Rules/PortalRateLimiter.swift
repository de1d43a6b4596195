import Vocabulary

/// IB's request rate limits for the Client Portal Web API: a global limit per session and the
/// documented per-endpoint limits, answered with HTTP 429 when exceeded. Sliding windows;
/// time comes in as values.
///
/// The figures are IB's "Pacing Limitations" table of the Web API documentation
/// (https://www.interactivebrokers.com/campus/ibkr-api-page/webapi-doc/#pacing-limits):
/// "Users making requests via the CP Gateway tool are restricted to 10 requests per second"
/// (the 50 per second there is for sessions outside the gateway, so the paper gateway, a CP
/// Gateway, uses 10); "When a rate limit is exceeded, the Web API will return a 429 Too Many
/// Requests status code". Per endpoint: `/iserver/marketdata/snapshot` GET 10 req/s,
/// `/iserver/account/orders` GET 1 req/5 s (the table's `/iserver/orders`),
/// `/iserver/account/trades` GET 1 req/5 s (`/iserver/trades`), `/iserver/account/pnl/partitioned`
/// GET 1 req/5 s, `/portfolio/accounts` and `/portfolio/subaccounts` GET 1 req/5 s,
/// `/iserver/scanner/params` GET 1 req/15 min, `/iserver/scanner/run` POST 1 req/s, `/tickle`
/// 1 req/s, `/sso/validate` GET 1 req/min. Not modelled: IB's "penalty box" (a violator's IP
/// refused for 10 minutes — the table says "may be") and `/iserver/marketdata/history`'s
/// "5 concurrent requests", a limit on requests in flight that the server enforces.
public struct PortalRateLimiter: Sendable {
    /// A limit: at most `requests` in any window of `window`.
    public struct Limit: Sendable, Equatable {
        /// Requests allowed in a window.
        public var requests: Int
        /// The window.
        public var window: Duration

        /// A limit.
        public init(_ requests: Int, per window: Duration) {
            self.requests = requests
            self.window = window
        }
    }

    /// The verdict on a request.
    public enum Verdict: Sendable, Equatable {
        /// Serve it.
        case allow
        /// Answer 429; a request after `retryAfter` would be allowed.
        case tooMany(retryAfter: Duration)
    }

    /// The CP Gateway's global limit: 10 requests per second.
    public static let gatewayGlobal = Limit(10, per: .seconds(1))

    /// IB's documented per-endpoint limits, keyed `METHOD path` (`/tickle` by both methods).
    public static let documented: [String: Limit] = [
        "GET /iserver/marketdata/snapshot": Limit(10, per: .seconds(1)),
        "GET /iserver/account/orders": Limit(1, per: .seconds(5)),
        "GET /iserver/account/trades": Limit(1, per: .seconds(5)),
        "GET /iserver/account/pnl/partitioned": Limit(1, per: .seconds(5)),
        "GET /portfolio/accounts": Limit(1, per: .seconds(5)),
        "GET /portfolio/subaccounts": Limit(1, per: .seconds(5)),
        "GET /iserver/scanner/params": Limit(1, per: .seconds(15 * 60)),
        "POST /iserver/scanner/run": Limit(1, per: .seconds(1)),
        "GET /tickle": Limit(1, per: .seconds(1)),
        "POST /tickle": Limit(1, per: .seconds(1)),
        "GET /sso/validate": Limit(1, per: .seconds(60)),
    ]

    /// The global limit.
    public let global: Limit
    /// The per-endpoint limits.
    public let endpoints: [String: Limit]
    private var globalAdmitted: [SessionInstant] = []
    private var endpointAdmitted: [String: [SessionInstant]] = [:]

    /// A limiter with IB's figures, or others.
    public init(global: Limit = PortalRateLimiter.gatewayGlobal, endpoints: [String: Limit] = PortalRateLimiter.documented) {
        self.global = global
        self.endpoints = endpoints
    }

    /// The key a request's limit is found by: the method in capitals and the path without the
    /// `/v1/api` prefix, the query or a trailing slash (`GET /iserver/account/orders`).
    public static func key(method: String, path: String) -> String {
        "\(method.uppercased()) \(endpoint(path))"
    }

    /// A request's path as the endpoint IB names it: without the query, the `/v1/api` prefix
    /// and a trailing slash (`/v1/api/tickle/?x=1` → `/tickle`).
    public static func endpoint(_ path: String) -> String {
        var path = Substring(path)
        if let query = path.firstIndex(of: "?") { path = path[..<query] }
        if path.hasPrefix("/v1/api/") { path = path.dropFirst("/v1/api".count) }
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        return String(path)
    }

    /// A request arrives: allowed (and counted) when both the global and its endpoint's window
    /// have room, else `tooMany` with the wait until both have (a refused request is not counted).
    public mutating func admit(method: String, path: String, at now: SessionInstant) -> Verdict {
        let key = Self.key(method: method, path: path)
        Self.prune(&globalAdmitted, window: global.window, at: now)
        var wait = Self.wait(globalAdmitted, limit: global, at: now)
        let limit = endpoints[key]
        if let limit {
            Self.prune(&endpointAdmitted[key, default: []], window: limit.window, at: now)
            wait = max(wait, Self.wait(endpointAdmitted[key, default: []], limit: limit, at: now))
        }
        guard wait == .zero else { return .tooMany(retryAfter: wait) }
        globalAdmitted.append(now)
        if limit != nil { endpointAdmitted[key, default: []].append(now) }
        return .allow
    }

    private static func prune(_ admitted: inout [SessionInstant], window: Duration, at now: SessionInstant) {
        admitted.removeAll { now - $0 >= window }
    }

    /// Zero when the window has room, else the time until its oldest request leaves it.
    private static func wait(_ admitted: [SessionInstant], limit: Limit, at now: SessionInstant) -> Duration {
        guard admitted.count >= limit.requests else { return .zero }
        let blocking = admitted[admitted.count - limit.requests]
        return blocking + limit.window - now
    }
}
