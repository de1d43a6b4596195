import Dashboard

/// What the status bar shows.
public struct StatusBarModel: Hashable, Sendable {
    /// The kind of account, shown as a permanent badge.
    public enum AccountBadge: Hashable, Sendable {
        /// A paper-trading account: the `PAPER` badge.
        case paper
        /// A live account: the `LIVE` badge.
        case live
        /// Not known yet: `CONNECTING` while a connection is being made, else `NO ACCOUNT`.
        case unknown(connecting: Bool)

        /// The badge text, padded: ` PAPER `, ` LIVE `, ` CONNECTING `, ` NO ACCOUNT `.
        public var badge: String {
            switch self {
            case .paper: " PAPER "
            case .live: " LIVE "
            case .unknown(let connecting): connecting ? " CONNECTING " : " NO ACCOUNT "
            }
        }

        /// The badge's role.
        public var role: ThemeRole {
            switch self {
            case .paper: .paper
            case .live: .liveAccount
            case .unknown: .dim
            }
        }
    }

    /// The connection to the gateway.
    public enum Connection: Hashable, Sendable {
        /// Connected and usable.
        case connected
        /// The first connection attempt is under way.
        case connecting
        /// Up, but part of the path to IB is not (TWS lost IB, a data farm is broken): what.
        case degraded(String)
        /// Lost (`reason`); the next attempt is in `countdown` (formatted, `4 s`), attempt
        /// number `attempt`.
        case reconnecting(countdown: String, attempt: Int, reason: String)
        /// Down with no retry planned, and why.
        case disconnected(String)

        /// The words shown.
        public var text: String {
            switch self {
            case .connected: "connected"
            case .connecting: "connecting"
            case let .degraded(what): what
            case let .reconnecting(countdown, attempt, reason):
                (reason.isEmpty ? "" : "\(reason) · ") + "retry in \(countdown) (attempt \(attempt), r: now)"
            case let .disconnected(reason): reason.isEmpty ? "disconnected" : "disconnected: \(reason)"
            }
        }

        /// The role of the words.
        public var role: ThemeRole {
            switch self {
            case .connected: .live
            case .connecting: .aging
            case .reconnecting, .degraded: .warning
            case .disconnected: .disconnected
            }
        }
    }

    /// Gateway address (`127.0.0.1:4002`).
    public var gateway: String
    /// Negotiated server version (`178`), once known.
    public var serverVersion: String?
    /// The account id.
    public var account: String?
    /// The API client id in use (`id 18`), once known.
    public var clientID: String?
    /// Paper or live.
    public var accountBadge: AccountBadge
    /// The connection.
    public var connection: Connection
    /// How many quotes are in each freshness state; states with no quotes are not shown.
    public var freshnessCounts: [Freshness: Int]
    /// The wall-clock time with its zone, formatted (`14:32:05 UTC`).
    public var clock: String
    /// The replay badge (`REPLAY ×10`) while a recorded trace is played, else `nil`; with the
    /// recorded time at the playhead once known (`REPLAY ×10 14:32:05`, `REPLAY ×10 PAUSED
    /// 14:32:05`).
    public var replay: String?
    /// The replay's time bar, once the replay reports where it is.
    public var replayBar: ReplayTimeBar?
    /// The failover badge (`REST FAILOVER`) while the Client Portal stands in for the socket
    /// link, with its failure when it fails too; `nil` otherwise.
    public var failover: String?

    /// Creates a model.
    public init(
        gateway: String, serverVersion: String? = nil, account: String? = nil, accountBadge: AccountBadge,
        connection: Connection, freshnessCounts: [Freshness: Int] = [:], clock: String, clientID: String? = nil,
        replay: String? = nil, replayBar: ReplayTimeBar? = nil
    ) {
        self.replay = replay
        self.replayBar = replayBar
        self.gateway = gateway
        self.serverVersion = serverVersion
        self.account = account
        self.accountBadge = accountBadge
        self.connection = connection
        self.freshnessCounts = freshnessCounts
        self.clock = clock
        self.clientID = clientID
    }
}
