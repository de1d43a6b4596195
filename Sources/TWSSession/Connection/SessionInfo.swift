/// What one TWS connection told us during its start-up.
public struct SessionInfo: Hashable, Sendable {
    /// The server version chosen in the handshake reply.
    public var serverVersion: Int
    /// The connection time from the handshake reply, kept as the opaque text the server sent.
    public var connectionTime: String
    /// The managed accounts (MANAGED_ACCTS), never empty.
    public var accounts: [String]
    /// The API client id the connection started with (START_API).
    public var clientID: Int

    /// Creates session information.
    public init(serverVersion: Int, connectionTime: String, accounts: [String], clientID: Int = 0) {
        self.serverVersion = serverVersion
        self.connectionTime = connectionTime
        self.accounts = accounts
        self.clientID = clientID
    }
}
