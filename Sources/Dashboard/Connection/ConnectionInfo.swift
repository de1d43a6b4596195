import Vocabulary

/// What the status bar shows about the link to the gateway.
public struct ConnectionInfo: Sendable, Hashable {
    /// The state of the socket and of TWS's link to IB.
    public var state: LinkState
    /// `host:port` of TWS or IB Gateway.
    public var gateway: String
    /// The server version agreed in the handshake, once connected.
    public var serverVersion: Int?
    /// The accounts the login manages (IB `managedAccounts`).
    public var accounts: [String]
    /// Why the connection was last lost, in words.
    public var lostReason: String?
    /// The reconnect attempt under way (1 for the first retry), while reconnecting.
    public var reconnectAttempt: Int?
    /// When the next reconnect attempt is due (monotonic), while waiting for it.
    public var nextReconnectAt: SessionInstant?
    /// When the current connection was established.
    public var connectedSince: Timestamp?
    /// The API client id the connection uses (or is trying), once known.
    public var clientID: Int?

    /// Creates the info for a dashboard not yet connected to `gateway`.
    public init(gateway: String) {
        self.state = .disconnected
        self.gateway = gateway
        self.serverVersion = nil
        self.accounts = []
    }

    /// The account orders go to (the first managed account).
    public var account: String? { accounts.first }

    /// Paper or live, from the account id; `nil` until the accounts are known.
    public var accountKind: AccountKind? { account.map(AccountKind.init(accountID:)) }

    /// The permanent badge: `PAPER`, `LIVE`, or `?` before the accounts are known.
    public var accountBadge: String {
        switch accountKind {
        case .paper: "PAPER"
        case .live: "LIVE"
        case nil: "?"
        }
    }

    /// Time left until the next reconnect attempt at `now` (never negative), while waiting.
    public func reconnectCountdown(at now: SessionInstant) -> Duration? {
        guard let nextReconnectAt else { return nil }
        let left = nextReconnectAt - now
        return left < .zero ? .zero : left
    }
}
