import PortalAPI

extension PortalClient {
    /// `POST /iserver/auth/status`: whether the brokerage session is authenticated, competing,
    /// connected.
    public func authStatus() async throws(PortalClientError) -> AuthStatus {
        try await send(.POST, "/iserver/auth/status", as: AuthStatus.self)
    }

    /// `POST /tickle`: keeps the session alive (IB: at least every 5 minutes, or it expires).
    public func tickle() async throws(PortalClientError) -> Tickle {
        try await send(.POST, "/tickle", as: Tickle.self)
    }

    /// `POST /iserver/reauthenticate`: takes the brokerage session back after it expired or
    /// another session took it.
    public func reauthenticate() async throws(PortalClientError) -> ReauthenticateAnswer {
        try await send(.POST, "/iserver/reauthenticate", as: ReauthenticateAnswer.self)
    }

    /// `POST /logout`: ends the session.
    public func logout() async throws(PortalClientError) -> LogoutAnswer {
        try await send(.POST, "/logout", as: LogoutAnswer.self)
    }
}
