import TWSSession
import TWSWire

/// Everything that tunes a ``IBClient``: timers, pacing, reconnect backoff and safety.
///
/// The defaults follow IB practice: probe after 2 s of silence, declare the link dead 3 s
/// later, at most 50 outgoing messages per second, reconnect with full-jitter backoff from
/// 0.5 s capped at 30 s, and no orders on live accounts.
public struct TWSClientConfiguration: Sendable {
    /// How long the line may be quiet before a keepalive probe (reqCurrentTime) is sent.
    public var keepaliveIdle: Duration = KeepaliveMonitor.defaultIdleInterval
    /// How long to wait for any message after a probe before the connection is dead.
    public var keepaliveTimeout: Duration = KeepaliveMonitor.defaultProbeTimeout
    /// The most outgoing messages in any ``pacingWindow``.
    public var pacingLimit: Int = PacingPolicy.defaultLimit
    /// The pacing window.
    public var pacingWindow: Duration = .seconds(1)
    /// How many messages may leave back to back before they are spaced out.
    public var pacingBurst: Int = PacingPolicy.defaultBurst
    /// The first reconnect delay's ceiling.
    public var reconnectInitialDelay: Duration = .milliseconds(500)
    /// No reconnect delay exceeds this.
    public var reconnectMaximumDelay: Duration = .seconds(30)
    /// How reconnect delays are randomised.
    public var reconnectJitter: BackoffJitter = .full
    /// The seed of the jitter generator; `nil` draws one from the system generator.
    public var reconnectSeed: UInt64? = nil
    /// From opening the socket until the start-up messages have arrived.
    public var establishTimeout: Duration = .seconds(10)
    /// From the start-up messages until resubscription and order reconciliation are done.
    public var synchronizationTimeout: Duration = .seconds(30)
    /// How long each market-data subscription has to tick again after a farm blip or 1102.
    public var silentFeedGrace: Duration = MarketDataHealthMonitor.defaultGrace
    /// How long one-shot requests (contract details, open orders, executions) may take.
    public var requestTimeout: Duration = .seconds(10)
    /// How long a historical-data request may take (IB's historical farm answers large
    /// requests in tens of seconds).
    public var historicalDataTimeout: Duration = .seconds(60)
    /// The least time between two symbol searches: IB serves reqMatchingSymbols once a second
    /// and refuses faster ones, so the client holds a search back until its turn.
    public var symbolSearchSpacing: Duration = .seconds(1)
    /// How long an order's event stream stays open after its final status while commission
    /// reports are still due.
    public var commissionGrace: Duration = .seconds(2)
    /// Keep retrying when the very first connection fails, instead of failing `connect`.
    public var retryInitialConnect = false
    /// Allow orders on live (non-paper) accounts. Must come from an explicit user choice.
    public var allowLive = false
    /// The versions offered in the handshake.
    public var versionOffer = VersionOffer()
    /// Where time comes from.
    public var clock: any TWSClock = SystemTWSClock()
    /// The flight recorder every frame in and out goes to, if any (see ``FlightRecorder``).
    public var recorder: FlightRecorder? = nil
    /// How connections are opened: TCP, or in tests an in-memory channel.
    package var channelOpener: TWSChannelOpener = .tcp

    /// Creates the default configuration.
    public init() {}
}
