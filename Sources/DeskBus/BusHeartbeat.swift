import Dashboard
import Vocabulary

/// The bridge's sign of life, published every ``intervalMilliseconds`` to the desk's heartbeat
/// stream (and kept in its heartbeat key): which bridge, how far it has counted, and the state
/// of its gateway connection, with what a dashboard needs to show the link as connected.
///
/// A dashboard on a bridge takes its link from these (``BridgeLinkMonitor``): a bridge that
/// stops beating is a lost link, whatever the gateway's state.
public struct BusHeartbeat: Sendable, Hashable, Codable {
    /// The bridge's run: a UUID string the bridge makes at start. A new id is a restarted bridge.
    public var bridgeID: String
    /// Counts the run's heartbeats from 1; a reader drops one not above the last it took.
    public var sequence: Int
    /// The bridge's connection to the gateway.
    public var link: LinkState
    /// The bridge's gateway-connection generation (its connections counted from 1; 0 before
    /// the first): a new generation is a reconnect.
    public var generation: Int
    /// How often the bridge beats, in milliseconds.
    public var intervalMilliseconds: Int
    /// The gateway's server version, once connected.
    public var serverVersion: Int?
    /// The accounts the gateway manages (IB `managedAccounts`).
    public var accounts: [String]
    /// The gateway's next valid order id, as the bridge last knew it.
    public var nextOrderID: Int?
    /// The bridge's wall clock when it beat (display only, never a verdict).
    public var sentAt: Timestamp

    /// Creates a heartbeat.
    public init(
        bridgeID: String, sequence: Int, link: LinkState, generation: Int, intervalMilliseconds: Int = 500,
        serverVersion: Int? = nil, accounts: [String] = [], nextOrderID: Int? = nil, sentAt: Timestamp
    ) {
        self.bridgeID = bridgeID
        self.sequence = sequence
        self.link = link
        self.generation = generation
        self.intervalMilliseconds = intervalMilliseconds
        self.serverVersion = serverVersion
        self.accounts = accounts
        self.nextOrderID = nextOrderID
        self.sentAt = sentAt
    }

    /// Whether the bridge's socket to the gateway is up (connected, or connected with the
    /// gateway's own link to IB lost, which notices report).
    public var gatewaySocketUp: Bool { link == .connected || link == .linkLost }
}
