/// The answer of `GET|POST /tickle`, the call that keeps a session alive.
///
/// Shape as IB documents it (https://www.interactivebrokers.com/campus/ibkr-api-page/cpapi-v1/#tickle):
/// `{"session":"bb665d0f55b6289d70bc7380089fc96f","ssoExpires":460311,"collission":false,
///   "userId":123456789,"hmds":{"error":"no bridge"},"iserver":{"authStatus":{…}}}`.
/// IB spells `collission` with two s's; the key is kept as sent.
public struct Tickle: Codable, Sendable, Equatable {
    /// The session's identifier (usable as the `api` cookie).
    public var session: String
    /// Milliseconds until the SSO session expires.
    public var ssoExpires: Int64
    /// Internal to IB (`collission`, sic).
    public var collission: Bool
    /// Internal to IB: the user's number.
    public var userId: Int64
    /// The historical-data bridge's state (`{"error":"no bridge"}` when none is requested).
    public var hmds: HMDS?
    /// The brokerage session's status, as `/iserver/auth/status` gives it.
    public var iserver: IServer

    /// A tickle answer with every field given.
    public init(session: String, ssoExpires: Int64, collission: Bool = false, userId: Int64, hmds: HMDS? = nil, iserver: IServer) {
        self.session = session
        self.ssoExpires = ssoExpires
        self.collission = collission
        self.userId = userId
        self.hmds = hmds
        self.iserver = iserver
    }

    /// `hmds`: the historical market data service's note.
    public struct HMDS: Codable, Sendable, Equatable {
        /// `no bridge` when no historical data is being requested.
        public var error: String?

        /// A note.
        public init(error: String?) { self.error = error }
    }

    /// `iserver`: the brokerage session.
    public struct IServer: Codable, Sendable, Equatable {
        /// The same object `/iserver/auth/status` answers.
        public var authStatus: AuthStatus

        /// The brokerage session's status.
        public init(authStatus: AuthStatus) { self.authStatus = authStatus }
    }
}
