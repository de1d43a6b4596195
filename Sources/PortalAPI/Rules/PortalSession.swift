import Vocabulary

/// The rules of a Client Portal session, as the paper gateway keeps them: authenticated after
/// `/sso/validate`, alive while requests or `/tickle` keep coming, timed out after an idle
/// spell, displaced by a competing session, ended by `/logout`. Time comes in as values.
///
/// IB's words (https://www.interactivebrokers.com/campus/ibkr-api-page/cpapi-v1/#session, FAQ
/// "How long does a session remain authenticated?"): "Sessions will time out after approximately
/// 6 minutes without sending new requests or maintaining the /tickle endpoint at least every 5
/// minutes", and "If the brokerage session has timed out but the session is still connected to
/// the IBKR backend, the response to /auth/status returns 'connected':true and
/// 'authenticated':false." A username has one brokerage session at a time across all IB
/// platforms (Web API documentation, "Trading Sessions"); another one taking it shows as
/// `competing: true`. The idle limit here defaults to the 5 minutes IB asks clients to keep to.
public struct PortalSession: Sendable, Equatable {
    /// Where the session stands.
    public enum State: Sendable, Equatable {
        /// No session: never validated, or logged out. Nothing answers but the login calls.
        case unauthenticated
        /// Authenticated: `/iserver` endpoints answer.
        case authenticated
        /// Another session of the username holds the brokerage session.
        case competing
        /// Timed out without a request or tickle; still connected, not authenticated.
        case timedOut
    }

    /// What a request needs.
    public enum Scope: Sendable, Equatable {
        /// The read-only session (`/portfolio`, `/tickle`, `/iserver/auth/status`, …).
        case readOnly
        /// The brokerage session (every other `/iserver` endpoint).
        case brokerage
    }

    /// The idle spell after which the session times out: 5 minutes by default.
    public let idleTimeout: Duration
    /// When the last admitted request arrived.
    public private(set) var lastActivity: SessionInstant?
    private var phase: Phase = .none

    private enum Phase: Equatable { case none, authenticated, competing }

    /// The 5 minutes IB asks a client to tickle within.
    public static let defaultIdleTimeout: Duration = .seconds(5 * 60)

    /// A session not yet validated.
    public init(idleTimeout: Duration = PortalSession.defaultIdleTimeout) {
        self.idleTimeout = idleTimeout
    }

    /// The state at an instant (a session idle for `idleTimeout` or longer has timed out).
    public func state(at now: SessionInstant) -> State {
        switch phase {
        case .none: return .unauthenticated
        case .authenticated, .competing:
            if let lastActivity, now - lastActivity >= idleTimeout { return .timedOut }
            return phase == .authenticated ? .authenticated : .competing
        }
    }

    /// `/sso/validate` (and the paper gateway's login): the session opens authenticated.
    public mutating func validate(at now: SessionInstant) {
        phase = .authenticated
        lastActivity = now
    }

    /// `/iserver/reauthenticate`: takes the brokerage session back after a time-out or from a
    /// competing session. Refused (false) when there is no session at all.
    @discardableResult
    public mutating func reauthenticate(at now: SessionInstant) -> Bool {
        guard phase != .none else { return false }
        phase = .authenticated
        lastActivity = now
        return true
    }

    /// Another session of the same username took the brokerage session.
    public mutating func competingSessionStarted(at now: SessionInstant) {
        guard state(at: now) == .authenticated else { return }
        phase = .competing
    }

    /// The session expires now, as if idle for ``idleTimeout`` (a fault scenario's "session
    /// expired"): it answers `authenticated: false` until validated or reauthenticated.
    public mutating func expire(at now: SessionInstant) {
        guard phase != .none else { return }
        lastActivity = now - idleTimeout
    }

    /// `/logout`: the session ends.
    public mutating func logout() {
        phase = .none
        lastActivity = nil
    }

    /// A request of a scope arrives: whether it is admitted (a refused `/iserver` call is IB's
    /// 401). An admitted request keeps the session alive, as a tickle does; a refused one does not.
    public mutating func admit(_ scope: Scope, at now: SessionInstant) -> Bool {
        let state = state(at: now)
        let admitted: Bool
        switch (scope, state) {
        case (_, .unauthenticated): admitted = false
        case (.readOnly, _): admitted = state != .timedOut
        case (.brokerage, _): admitted = state == .authenticated
        }
        if admitted { lastActivity = now }
        return admitted
    }

    /// `/tickle`: keeps a live session alive (a timed-out one stays timed out) and says where it
    /// stands.
    public mutating func tickle(at now: SessionInstant) -> AuthStatus {
        _ = admit(.readOnly, at: now)
        return authStatus(at: now)
    }

    /// `/iserver/auth/status` at an instant.
    public func authStatus(at now: SessionInstant, serverInfo: AuthStatus.ServerInfo? = nil) -> AuthStatus {
        let state = state(at: now)
        return AuthStatus(
            authenticated: state == .authenticated,
            competing: state == .competing,
            connected: state != .unauthenticated,
            message: "",
            serverInfo: serverInfo
        )
    }
}
