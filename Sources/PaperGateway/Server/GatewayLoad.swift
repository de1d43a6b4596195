/// What the gateway holds for its clients now, and the most it held since it started: the
/// bounded structures that keep one client's flood from growing the engine's memory or its
/// event-loop turns (``PaperGatewayServer/load()``).
///
/// Each peak has its bound in ``GatewayConfiguration`` or in IB's limits: connections at most
/// ``GatewayConfiguration/maximumConnections``; bytes buffered unread from one connection at most
/// ``GatewayConfiguration/maximumBufferedRequestBytes``; bytes waiting to be written to one
/// connection at most ``GatewayConfiguration/maximumOutboundBytes``; requests of one connection
/// handled in one turn at most ``GatewayConfiguration/requestsPerTurn``; history bars drawn in one
/// turn at most ``GatewayConfiguration/historyBarsPerTurn``.
public struct GatewayLoad: Sendable, Equatable {
    /// Connections open now (handshaking or ready).
    public var connections = 0
    /// The most connections open at once.
    public var peakConnections = 0
    /// The most bytes one connection had received and not yet handled (its partial request and
    /// the requests waiting for a later turn).
    public var peakInboundBytes = 0
    /// The most bytes waiting to be written to one connection: handed to the socket layer and
    /// not yet taken by the kernel, because the client does not read them fast enough.
    public var peakOutboundBytes = 0
    /// The most subscriptions one connection held (market data, depth, tick-by-tick and
    /// real-time-bar lines, kept-up-to-date history, account summaries and updates, PnL).
    public var peakSubscriptions = 0
    /// The most requests of one connection handled in one event-loop turn.
    public var peakRequestsPerTurn = 0
    /// Historical answers queued or being drawn now.
    public var historyJobs = 0
    /// The most historical answers queued or being drawn at once.
    public var peakHistoryJobs = 0
    /// The most bytes of history answers drawn and not yet sent, all jobs together.
    public var peakHistoryBytes = 0
    /// The most history bars drawn in one event-loop turn.
    public var peakHistoryBarsPerTurn = 0
    /// Connections whose requests are not read now because their client has not read its
    /// answers (more than ``GatewayConfiguration/outboundHighWaterBytes`` wait).
    public var waitingForWrites = 0
    /// Connections the gateway closed, by reason (a client that leaves is not counted).
    public var closed: [GatewayCloseReason: Int] = [:]

    /// An empty load.
    public init() {}
}

/// Why the gateway closed a connection.
public enum GatewayCloseReason: String, Sendable, Hashable, CaseIterable {
    /// Already ``GatewayConfiguration/maximumConnections`` connections (TWS serves 32).
    case connectionLimit
    /// No START_API within ``GatewayConfiguration/handshakeTimeoutMilliseconds``.
    case handshakeTimeout
    /// The handshake was not TWS's: no `API\0` prefix, or no server version in common.
    case badHandshake
    /// START_API with a client id another connection uses (326).
    case clientIdInUse
    /// A frame longer than ``GatewayConfiguration/maximumRequestBytes``.
    case oversizedRequest
    /// Over IB's message rate for ``GatewayConfiguration/pacingViolationsBeforeDisconnect``
    /// seconds in a row (100).
    case pacing
    /// More than ``GatewayConfiguration/maximumOutboundBytes`` of answers unread.
    case notReading
    /// A fault of the scenario (or a test) dropped every connection.
    case fault
}
