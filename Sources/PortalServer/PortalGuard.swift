import Hummingbird
import Logging
import PortalAPI

/// What stands in front of every route, in IB's order: the portal's slowness (a fault), the
/// rate limits (429, with `Retry-After`), then the session (401 for a brokerage call without
/// an authenticated brokerage session, or any call after the session ended or expired).
struct PortalGuard<Context: RequestContext>: RouterMiddleware {
    let state: PortalState
    let faults: PortalFaults
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if faults.down {
            // The listener is closed; a connection opened before answers this and is closed.
            return PortalAnswer.error(
                "The Client Portal is down (a portal-down fault): it takes no requests until it is up.",
                status: .serviceUnavailable, headers: [.connection: "close"])
        }
        let delay = faults.delay
        if delay > .zero { try await Task.sleep(for: delay) }
        let path = request.uri.path
        if case let .tooMany(retryAfter) = await state.limit(method: request.method.rawValue, path: path) {
            let seconds = max(1, Int((Double(retryAfter.components.seconds) + Double(retryAfter.components.attoseconds) / 1e18).rounded(.up)))
            logger.info("portal: 429 for \(request.method.rawValue) \(path): rate limit, retry after \(seconds) s")
            return PortalAnswer.error(
                "Too many requests: IB's Client Portal allows 10 a second, and fewer on some endpoints. Retry after \(seconds) s.",
                status: .tooManyRequests, headers: [.retryAfter: String(seconds)])
        }
        if let scope = Self.scope(of: path), !(await state.admit(scope)) {
            let status = await state.authStatus()
            let words = status.competing
                ? "Another session took the brokerage session (competing). Call POST /iserver/reauthenticate to take it back."
                : status.connected
                    ? "The brokerage session is not authenticated (it expires after 5 minutes without requests; keep it alive with /tickle). Call POST /iserver/reauthenticate."
                    : "Not logged in. Call POST /iserver/auth/ssodh/init to start a brokerage session."
            return PortalAnswer.error(words, status: .unauthorized)
        }
        return try await next(request, context)
    }

    /// Which session a path needs: none for the session's own endpoints, read-only for
    /// `/portfolio`, the brokerage session for `/iserver`.
    static func scope(of path: String) -> PortalSession.Scope? {
        let key = PortalRateLimiter.endpoint(path)
        let open = ["/iserver/auth/status", "/tickle", "/logout", "/sso/validate", "/iserver/reauthenticate", "/iserver/auth/ssodh/init", "/ws"]
        if open.contains(key) { return nil }
        return key.hasPrefix("/portfolio") ? .readOnly : .brokerage
    }
}
