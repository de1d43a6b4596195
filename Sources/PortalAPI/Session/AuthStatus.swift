/// The answer of `GET|POST /iserver/auth/status`: whether the brokerage session is
/// authenticated, connected to IB's back end, and competing with another session of the
/// same username.
///
/// Shape as IB documents it (https://www.interactivebrokers.com/campus/ibkr-api-page/cpapi-v1/#auth-status):
/// `{"authenticated":true,"competing":false,"connected":true,"message":"","MAC":"98:F2:B3:23:BF:A0",
///   "serverInfo":{"serverName":"JifN19053","serverVersion":"Build 10.25.0p, Dec 5, 2023 5:48:12 PM"},"fail":""}`.
/// A session that timed out but is still connected answers `connected: true, authenticated: false`.
public struct AuthStatus: Codable, Sendable, Equatable {
    /// The brokerage session is authenticated: `/iserver` endpoints answer.
    public var authenticated: Bool
    /// Another session of the same username holds the brokerage session (IB allows one).
    public var competing: Bool
    /// The session is connected to IB's back end.
    public var connected: Bool
    /// A note from the gateway, usually empty.
    public var message: String?
    /// The gateway machine's MAC address, as IB prints it (`MAC`).
    public var MAC: String?
    /// The server's name and build.
    public var serverInfo: ServerInfo?
    /// A failure reason, usually empty (`fail`).
    public var fail: String?

    /// A status with every field given.
    public init(
        authenticated: Bool, competing: Bool, connected: Bool, message: String? = "", MAC: String? = nil,
        serverInfo: ServerInfo? = nil, fail: String? = nil
    ) {
        self.authenticated = authenticated
        self.competing = competing
        self.connected = connected
        self.message = message
        self.MAC = MAC
        self.serverInfo = serverInfo
        self.fail = fail
    }

    /// `serverInfo`: which server answered, and its build.
    public struct ServerInfo: Codable, Sendable, Equatable {
        /// The server's name (`JifN19053`).
        public var serverName: String
        /// The server's build text (`Build 10.25.0p, Dec 5, 2023 5:48:12 PM`).
        public var serverVersion: String

        /// A server's name and build.
        public init(serverName: String, serverVersion: String) {
            self.serverName = serverName
            self.serverVersion = serverVersion
        }
    }
}
