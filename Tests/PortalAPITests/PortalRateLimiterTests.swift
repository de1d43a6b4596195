import PortalAPI
import Testing
import Vocabulary

@Suite struct PortalRateLimiterTests {
    private let start = SessionInstant.seconds(1000)

    @Test func theKeyDropsThePrefixQueryAndTrailingSlash() {
        #expect(PortalRateLimiter.key(method: "get", path: "/v1/api/iserver/account/orders?force=true") == "GET /iserver/account/orders")
        #expect(PortalRateLimiter.key(method: "GET", path: "/iserver/marketdata/snapshot/") == "GET /iserver/marketdata/snapshot")
        #expect(PortalRateLimiter.key(method: "POST", path: "/tickle") == "POST /tickle")
    }

    /// IB: 10 requests per second through the CP Gateway; the eleventh in the same second is 429.
    @Test func theGlobalLimitIsTenPerSecond() {
        var limiter = PortalRateLimiter()
        for index in 0..<10 {
            let result1 = limiter.admit(method: "GET", path: "/portfolio/DU1/summary", at: start + .milliseconds(index * 10))
            #expect(result1 == .allow)
        }
        let result2 = limiter.admit(method: "GET", path: "/iserver/accounts", at: start + .milliseconds(500))
        #expect(result2 == .tooMany(retryAfter: .milliseconds(500)))
        let result3 = limiter.admit(method: "GET", path: "/iserver/accounts", at: start + .seconds(1))
        #expect(result3 == .allow)
    }

    /// IB: /iserver/account/orders is 1 request per 5 seconds.
    @Test func liveOrdersAreOnceInFiveSeconds() {
        var limiter = PortalRateLimiter()
        let result4 = limiter.admit(method: "GET", path: "/v1/api/iserver/account/orders", at: start)
        #expect(result4 == .allow)
        let result5 = limiter.admit(method: "GET", path: "/v1/api/iserver/account/orders?force=true", at: start + .seconds(2))
        #expect(result5 == .tooMany(retryAfter: .seconds(3)))
        let result6 = limiter.admit(method: "GET", path: "/iserver/account/orders", at: start + .seconds(5))
        #expect(result6 == .allow)
    }

    @Test(arguments: [
        ("GET", "/tickle", 1, Duration.seconds(1)), ("POST", "/tickle", 1, .seconds(1)), ("GET", "/sso/validate", 1, .seconds(60)),
        ("GET", "/portfolio/accounts", 1, .seconds(5)), ("GET", "/iserver/account/trades", 1, .seconds(5)),
        ("GET", "/iserver/marketdata/snapshot", 10, .seconds(1)),
    ])
    func eachDocumentedEndpointHasItsLimit(method: String, path: String, requests: Int, window: Duration) {
        #expect(PortalRateLimiter.documented[PortalRateLimiter.key(method: method, path: path)] == PortalRateLimiter.Limit(requests, per: window))
        // Spread out so the global limit never binds: exactly `requests` pass in one window.
        var limiter = PortalRateLimiter(global: PortalRateLimiter.Limit(1000, per: .seconds(1)))
        let step = window / (requests * 2)
        for index in 0..<requests {
            let result7 = limiter.admit(method: method, path: path, at: start + step * index)
            #expect(result7 == .allow)
        }
        guard case .tooMany(let wait) = limiter.admit(method: method, path: path, at: start + step * requests) else {
            Issue.record("\(method) \(path): request \(requests + 1) in one window was allowed")
            return
        }
        #expect(wait == window - step * requests)
        let result8 = limiter.admit(method: method, path: path, at: start + window)
        #expect(result8 == .allow)
    }

    @Test func aRefusedRequestIsNotCounted() {
        var limiter = PortalRateLimiter()
        let result9 = limiter.admit(method: "GET", path: "/tickle", at: start)
        #expect(result9 == .allow)
        for tenth in 1...9 {
            let result10 = limiter.admit(method: "GET", path: "/tickle", at: start + .milliseconds(tenth * 100))
            #expect(result10 != .allow)
        }
        let result11 = limiter.admit(method: "GET", path: "/tickle", at: start + .seconds(1))
        #expect(result11 == .allow)
    }

    @Test func aLimitedEndpointDoesNotHoldUpAnother() {
        var limiter = PortalRateLimiter()
        let result12 = limiter.admit(method: "GET", path: "/portfolio/accounts", at: start)
        #expect(result12 == .allow)
        let result13 = limiter.admit(method: "GET", path: "/portfolio/accounts", at: start + .milliseconds(100))
        #expect(result13 != .allow)
        let result14 = limiter.admit(method: "GET", path: "/tickle", at: start + .milliseconds(100))
        #expect(result14 == .allow)
    }

    @Test func whenBothLimitsBindTheLongerWaitIsGiven() {
        var limiter = PortalRateLimiter(global: PortalRateLimiter.Limit(1, per: .seconds(2)))
        let result15 = limiter.admit(method: "GET", path: "/tickle", at: start)
        #expect(result15 == .allow)
        let result16 = limiter.admit(method: "GET", path: "/tickle", at: start + .milliseconds(500))
        #expect(result16 == .tooMany(retryAfter: .milliseconds(1500)))
    }
}
