import Logging
import PortalAPI
import Vocabulary

/// How the paper gateway's Client Portal server runs.
public struct PortalServerConfiguration: Sendable {
    /// The address to listen on (loopback, as IB's CP Gateway).
    public var host: String
    /// The port (5000 is the CP Gateway's; 0 picks a free one).
    public var port: Int
    /// The ledger the certificate is kept beside (`nil`: a certificate for this run only).
    public var ledgerPath: String?
    /// The monotonic clock the session and the rate limits are timed on.
    public var clock: @Sendable () -> SessionInstant
    /// How long the session lives without a request (IB: about 5 minutes).
    public var idleTimeout: Duration
    /// The global and per-endpoint rate limits.
    public var rateLimiter: PortalRateLimiter
    /// The limits the order questions are asked against.
    public var precautions: OrderPrecautions
    /// The portal's log (connections, orders, faults).
    public var logger: Logger

    /// The CP Gateway's port.
    public static let defaultPort = 5000

    /// A configuration; the clock is the monotonic clock since this call.
    public init(
        host: String = "127.0.0.1", port: Int = PortalServerConfiguration.defaultPort, ledgerPath: String? = nil,
        clock: (@Sendable () -> SessionInstant)? = nil, idleTimeout: Duration = PortalSession.defaultIdleTimeout,
        rateLimiter: PortalRateLimiter = PortalRateLimiter(), precautions: OrderPrecautions = OrderPrecautions(),
        logger: Logger = Logger(label: "ibterm.portal")
    ) {
        self.host = host
        self.port = port
        self.ledgerPath = ledgerPath
        let origin = ContinuousClock.now
        self.clock = clock ?? { SessionInstant(ContinuousClock.now, since: origin) }
        self.idleTimeout = idleTimeout
        self.rateLimiter = rateLimiter
        self.precautions = precautions
        self.logger = logger
    }
}
