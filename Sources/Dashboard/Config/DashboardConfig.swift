import Vocabulary

/// ibterm's settings, parsed from the TOML text of `config.toml` (the executable reads the file).
///
/// Every key is optional; a missing key takes the default shown here. Example with every key:
///
/// ```toml
/// watchlist = ["AAPL", "MSFT"]   # or a [watchlist] table with `symbols` and `columns`
/// theme = "default"
/// allow_live = false
/// portal = "https://127.0.0.1:5000"   # IB's Client Portal API, for the one-shot commands
/// portal_cert = "/path/to/cert.pem"   # its certificate; not needed on localhost
/// time_zone = "local"   # or "exchange" (New York, EST/EDT) or "utc"
///
/// [gateway]            # or: gateway = "127.0.0.1:4002"
/// host = "127.0.0.1"
/// port = 4002
/// client_id = 1
/// client_id_range = 10     # ids 1...10: a 326 (id in use) moves to the next at once
///
/// [staleness]
/// default_seconds = 10
/// [staleness.class]    # stock, option, future, forex, index, crypto
/// stock = 5
/// [staleness.symbol]
/// SPY = 3
///
/// [ticket]
/// max_quantity = 1000
/// max_notional = 50000
/// max_net_liq_share = 0.25   # 0 switches the check off
/// price_band = 0.05          # 0 switches the fat-finger guard off
///
/// [keys]
/// quit = ["q", "ctrl-c"]
///
/// [watchlist]               # instead of the top-level list above
/// symbols = ["AAPL", "MSFT"]
/// columns = ["symbol", "bid_size", "bid", "ask", "ask_size", "last", "chg", "chg_pct",
///            "open", "high", "low", "volume", "spark", "position"]
///
/// [alerts]
/// bell_on_fill = true        # a fill rings the terminal bell
///
/// [trace]                    # the flight recorder (see RecorderSettings)
/// enabled = true
/// ring_minutes = 10
/// ring_mb = 16
/// ```
public struct DashboardConfig: Sendable, Hashable {
    /// The default watchlist for a new user.
    public static let defaultWatchlist = ["AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "TSLA", "SPY", "QQQ", "IWM"]

    /// Symbols on the watchlist, in order (the first start's list; later starts restore the
    /// saved lists).
    public var watchlist: [String]
    /// The watchlist's columns, in order (`[watchlist] columns`).
    public var watchlistColumns = WatchlistColumn.standard
    /// TWS or IB Gateway host.
    public var gatewayHost: String
    /// TWS or IB Gateway API port (IB Gateway paper: 4002).
    public var gatewayPort: Int
    /// The API client id: the first of the range the dashboard connects with.
    public var clientID: Int
    /// How many client ids from ``clientID`` the dashboard may use (`client_id_range`, default
    /// 10): when the gateway answers 326 (id in use) it connects at once as the next one.
    public var clientIDRange = DashboardConfig.defaultClientIDRange
    /// The default of ``clientIDRange``.
    public static let defaultClientIDRange = 10
    /// Staleness thresholds.
    public var staleness: StalenessPolicy
    /// Order-ticket limits.
    public var ticketLimits: TicketLimits
    /// Whether orders may be sent to a live (real-money) account.
    public var allowLive: Bool
    /// IB's Client Portal Web API (`portal = "https://127.0.0.1:5000"`): the REST gateway
    /// `ibterm positions`, `orders`, `executions`, `order` and `cancel` use instead of the socket
    /// (unless `--gateway` is given); `nil` when not configured. Checked as `https://HOST:PORT`
    /// by the executable.
    public var portal: String?
    /// The Client Portal gateway's certificate (PEM) to trust (`portal_cert = "PATH"`); without
    /// it only a portal on this machine is accepted (its self-signed certificate unchecked).
    public var portalCertificate: String?
    /// The replay badge (`REPLAY ×10`) when the dashboard plays a recorded trace
    /// (`ibterm replay`); `nil` for a real gateway. (The app also sets ``ordersRefusal``.)
    public var replay: String?
    /// Set when the dashboard runs on a desk's bridge (`ibterm --source`): its link is the
    /// bridge's heartbeat through Redis, not a socket to a gateway, and the screen says so.
    public var onDeskBridge = false
    /// Recorded seconds per second of this machine while a replay plays (its speed; 1 for a
    /// real gateway and at max speed): quote ages are shown in recorded time.
    public var replayTimeScale: Double = 1
    /// Live data, or delayed data at once for a symbol without a live entitlement
    /// (`market_data = "delayed-fallback"`).
    public var marketData: MarketDataChoice = .live
    /// Whether clicks and the wheel act (`mouse = true`); off by default, because while the
    /// program takes the mouse the terminal's own selection needs Shift held.
    public var mouse = false
    /// Why this screen sends no orders or cancels at all, when it does not (set by the app, not
    /// read from the file: a dashboard watching a desk through its bridge); the ticket and the
    /// cancel keys say it.
    public var ordersRefusal: String?
    /// The desk bridge's Redis ACL user and password (`[redis] user`, `password`); the
    /// environment's `IBTERM_REDIS_USER` / `IBTERM_REDIS_PASSWORD` win over them.
    public var redisUser: String?, redisPassword: String?
    /// The theme's name.
    public var themeName: String
    /// Action name to key names.
    public var keyBindings: [String: [String]]
    /// Whether a fill rings the terminal bell (`[alerts] bell_on_fill`).
    public var bellOnFill = true
    /// The zone every time is shown in (`time_zone`): the machine's own by default; an unknown
    /// value is a warning and keeps the default.
    public var timeZone: DisplayTimeZone.Choice = .local
    /// The machine's zone, as the executable read it (never from the file; UTC until set):
    /// what `time_zone = "local"` shows.
    public var localTimeZone: DisplayTimeZone = .utc

    /// The zone every time is shown in: ``timeZone`` with `local` as ``localTimeZone``.
    public var displayTimeZone: DisplayTimeZone { timeZone.resolved(local: localTimeZone) }
    /// Whether a fired alert rings the terminal bell (`[alerts] bell_on_alert`).
    public var bellOnAlert = true
    /// The program every alert runs when it fires, unless it has its own (`[alerts] command`).
    public var alertCommand: String?
    /// Alerts set in the config (`[[alerts.rule]] when = "AAPL > 275"`, optional `command`),
    /// added at start to those saved with the state.
    public var configuredAlerts: [AlertRecord] = []
    /// The flight recorder: on or off, and its ring's age and size limits (`[trace]`).
    public var recorder = RecorderSettings()

    /// Creates a configuration; every argument defaults.
    public init(
        watchlist: [String] = DashboardConfig.defaultWatchlist,
        gatewayHost: String = "127.0.0.1", gatewayPort: Int = 4002, clientID: Int = 1,
        staleness: StalenessPolicy = .standard, ticketLimits: TicketLimits = TicketLimits(),
        allowLive: Bool = false, themeName: String = "default",
        keyBindings: [String: [String]] = [:]
    ) {
        self.watchlist = watchlist
        self.gatewayHost = gatewayHost
        self.gatewayPort = gatewayPort
        self.clientID = clientID
        self.staleness = staleness
        self.ticketLimits = ticketLimits
        self.allowLive = allowLive
        self.themeName = themeName
        self.keyBindings = keyBindings
    }
}
