import Vocabulary

/// Everything the dashboard shows, in one value, changed only by `apply(_:at:)`.
///
/// ### Purpose
/// The state is pure data: events from the gateway and intents from the trader go in through
/// `apply(_:at:)`, which returns the effects the app must carry out (subscribe, place an order,
/// write a journal line, quit). Nothing here reads a clock, a file or a socket; time arrives with
/// each event as an `EventTime`: its monotonic `instant` decides ages, staleness and countdowns,
/// its wall-clock `wall` is kept in `now` for displayed times only.
///
/// ### Reading it
/// The UI draws `watchlistRows`, `positionRows`, `orderList`, `executions`, `messages`, `pnl`,
/// `pnlHistory`, `accountValues`, `connection`, `dataFarms`, `freshnessCounts`, `ticket` and
/// `interface`, and redraws when `version` changed (or a second passed).
public struct DashboardState: Sendable {
    /// The configuration the dashboard started with.
    public let config: DashboardConfig
    /// The wall-clock time of the latest event (displayed times and the journal only).
    public internal(set) var now: Timestamp
    /// The latest monotonic instant any event was observed at (ages and countdowns).
    public internal(set) var instant: SessionInstant
    /// The time of the event being applied.
    var eventTime: EventTime
    /// Increases by one after every event that changed what is drawn; the render loop redraws
    /// only when it moved.
    public internal(set) var version: UInt64 = 0

    /// The named watchlists; the active one is `watchlist`.
    public internal(set) var watchlists: WatchlistTabs
    /// The order the watchlist is shown in (`nil`: the trader's order).
    public internal(set) var watchlistSort: WatchlistSort?
    /// The active watchlist's symbols in the order shown: sorted by `watchlistSort`, else the
    /// list's own order. Kept up to date by the reducer, so reading it costs nothing.
    public internal(set) var watchlistOrder: [String]
    /// The session's per-minute closes of each subscribed symbol, for the sparkline.
    public internal(set) var trails: [String: SessionTrail] = [:]
    /// Quotes and their freshness (the staleness monitor).
    public internal(set) var quotes: FreshnessTracker
    /// Contract details by symbol, as resolved.
    public internal(set) var contracts: [String: ContractSummary] = [:]
    /// Positions by symbol.
    public internal(set) var positions: [String: PositionRecord] = [:]
    /// Account values (net liquidation, buying power, …).
    public internal(set) var accountValues = AccountValues()
    /// The gateway's account-level P&L, if subscribed.
    public internal(set) var accountPnL: AccountPnL?
    /// Daily, unrealized and realized P&L with their sources.
    public internal(set) var pnl = PnLSnapshot(daily: .unavailable, unrealized: .unavailable, realized: .unavailable)
    /// The session's daily-P&L history for the sparkline.
    public internal(set) var pnlHistory = PnLHistory()
    /// Orders by id.
    public internal(set) var orders: [Int: TrackedOrder] = [:]
    /// Executions, oldest first.
    public internal(set) var executions: [ExecutionRecord] = []
    /// The open order ticket, if any.
    public internal(set) var ticket: TicketEditor?
    /// A symbol off the watchlist whose quotes were requested only for the open ticket; they
    /// are cancelled when the ticket closes.
    public internal(set) var ticketOnlySymbol: String?
    /// The message log (plain-language catalog entries, repeats collapsed).
    public internal(set) var messages = MessageLog()
    /// The link to the gateway.
    public internal(set) var connection: ConnectionInfo
    /// The Client Portal standing by as the socket link's failover, or engaged (`nil`: none
    /// configured).
    public internal(set) var portal: PortalFailover?
    /// Data farms by name.
    public internal(set) var dataFarms: [String: DataFarm] = [:]
    /// Focus, selection and overlays.
    public internal(set) var interface: InterfaceState
    /// The next order id to use, from the gateway's `nextValidId`; `nil` until it arrives.
    public internal(set) var nextOrderID: Int?
    /// The symbols whose quotes come delayed, as the trader chose (`D`, or the config's
    /// `market_data = "delayed-fallback"`).
    public internal(set) var delayedSymbols: Set<String> = []
    /// Where the replay stands, while `ibterm replay` plays a recording (else `nil`).
    public internal(set) var replay: ReplayProgress?
    /// The symbol detail view, while open.
    public internal(set) var detail: SymbolDetail?
    /// How the detail view's chart is drawn, as last chosen with `c` (this run only).
    public internal(set) var detailChartStyle: SymbolDetail.ChartStyle = .blocks
    /// The trader's alerts, in the order they were set.
    public internal(set) var alerts: [Alert] = []
    /// The number the next alert gets.
    public internal(set) var nextAlertID = 1
    /// Numbers the review's what-if requests, so a late answer meets only its own review.
    public internal(set) var whatIfSerial = 0
    /// The id the next order sent through the Client Portal takes on this screen until the
    /// portal numbers it (negative: never an id the gateway uses).
    public internal(set) var nextPortalOrderID = -1
    /// Whether `.started` was applied.
    public internal(set) var hasStarted = false
    /// Whether the dashboard decided to quit (the `.quit` effect was returned).
    public internal(set) var isQuitting = false
    /// The footer's note: the result of the last action or command (see `footerNote(at:)`).
    public internal(set) var footer: FooterNote?
    /// The command lines run, for Up/Down in the command line (saved between runs).
    public internal(set) var commandHistory = CommandHistory()
    /// Fills that alerted lately, whose rows flash (see `isFlashing(executionID:at:)`).
    public internal(set) var recentFills: [RecentFill] = []

    /// The active watchlist's symbols, in the trader's order. Setting it re-sorts
    /// `watchlistOrder`.
    public internal(set) var watchlist: Watchlist {
        get { watchlists.active }
        set {
            watchlists.active = newValue
            reorderWatchlist()
        }
    }

    var changed = false
    /// Effects produced along the way (journal lines for ibterm's own messages), returned
    /// after the handler's own effects.
    var outbox: [DashboardEffect] = []

    /// Creates the state for `config` at `now` (both clocks): the config's watchlist (the default one for a
    /// new user), thresholds, limits, gateway and theme; nothing connected or subscribed yet.
    public init(config: DashboardConfig = DashboardConfig(), now: EventTime = EventTime(instant: .origin, wall: Timestamp(secondsSinceEpoch: 0))) {
        self.config = config
        self.now = now.wall
        self.instant = now.instant
        self.eventTime = now
        self.watchlists = WatchlistTabs(Watchlist(config.watchlist))
        self.watchlistOrder = watchlists.active.symbols
        self.quotes = FreshnessTracker(policy: config.staleness, connection: .disconnected)
        self.connection = ConnectionInfo(gateway: "\(config.gatewayHost):\(config.gatewayPort)")
        self.interface = InterfaceState(themeName: config.themeName)
    }
}
