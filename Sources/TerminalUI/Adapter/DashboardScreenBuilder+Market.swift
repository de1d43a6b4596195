import Dashboard
import Vocabulary

/// Quotes, positions, P&L and the status bar.
extension DashboardScreenBuilder {
    /// The freshness of `symbol` at the frame's time; `noData` when it is not subscribed. In a
    /// replay its age is in recorded time (``DashboardConfig/replayTimeScale``).
    public func freshness(of symbol: String) -> QuoteFreshness {
        (state.quotes.freshness(of: symbol, at: now.instant) ?? QuoteFreshness(state: .noData))
            .ageScaled(by: state.config.replayTimeScale)
    }

    /// The watchlist in the order shown: prices to the instrument's tick, the day change with
    /// its direction, sizes and volume abbreviated, the session's sparkline, the position, and
    /// the freshness state with the age its label shows (`stale 47 s` → state `.stale`, age
    /// `47 s`; `delayed` → no age).
    public var watchlist: [WatchlistLine] {
        state.watchlistOrder.map { symbol in
            watchlistRow(symbol, freshness: freshness(of: symbol)).flashing(state.isAlerting(symbol: symbol, at: now.instant))
        }
    }

    /// The watchlist's columns (from the config), tabs (shown once there is more than one list
    /// or the list was renamed) and sort.
    public var watchlistHeader: DashboardScreen.WatchlistHeader {
        let tabs = state.watchlists
        let named = tabs.tabs.count > 1 || tabs.activeName != WatchlistTabs.defaultName
        return DashboardScreen.WatchlistHeader(
            columns: state.config.watchlistColumns, tabs: named ? tabs.names : [],
            activeTab: tabs.activeIndex, sortLabel: state.watchlistSort?.label)
    }

    /// One watchlist row: `symbol`'s quote with `freshness` (its freshness at the frame's time).
    public func watchlistRow(_ symbol: String, freshness: QuoteFreshness) -> WatchlistLine {
        let quote = state.quotes.tracked(symbol)?.quote ?? WatchedQuote(symbol: symbol)
        let row = WatchlistRow(symbol: symbol, quote: quote, freshness: freshness)
        let tick = tick(symbol)
        return WatchlistLine(
            symbol: symbol,
            bid: ScreenFormat.price(quote.bid, tick: tick),
            ask: ScreenFormat.price(quote.ask, tick: tick),
            last: ScreenFormat.price(quote.last, tick: tick),
            change: ScreenFormat.signedPrice(row.change, tick: tick),
            changePercent: ScreenFormat.signedPercent(row.changePercent),
            volume: ScreenFormat.volume(quote.volume),
            state: freshness.state,
            age: Self.age(in: freshness),
            bidSize: ScreenFormat.volume(quote.bidSize),
            askSize: ScreenFormat.volume(quote.askSize),
            open: ScreenFormat.price(quote.open, tick: tick),
            high: ScreenFormat.price(quote.high, tick: tick),
            low: ScreenFormat.price(quote.low, tick: tick),
            trend: Sparkline.sampled(state.trails[symbol]?.closes ?? [], to: WatchlistPane.sparkWidth),
            trendDirection: Self.direction(state.trails[symbol]?.movePercent),
            position: position(of: symbol).map(ScreenFormat.quantity))
    }

    /// The quantity held in `symbol`, nil when none.
    func position(of symbol: String) -> FixedDecimal? {
        guard let quantity = state.positions[symbol]?.holding.quantity, quantity != 0 else { return nil }
        return quantity
    }

    /// Which way a signed number points.
    static func direction(_ value: Double?) -> Direction {
        guard let value, value != 0 else { return .flat }
        return value > 0 ? .up : .down
    }

    /// The age part of a freshness label (`47 s` of `stale 47 s`), or nil when the label is the
    /// state word alone.
    public static func age(in freshness: QuoteFreshness) -> String? {
        let label = freshness.label
        let prefix = freshness.state.word + " "
        guard label.hasPrefix(prefix) else { return nil }
        let age = String(label.dropFirst(prefix.count))
        return age.isEmpty ? nil : age
    }

    /// The positions by symbol, priced from the quote while it is live (else the gateway's
    /// price), with the quote's freshness; a position without a quote is `noData`, never live.
    public var positions: [PositionLine] {
        state.positionRows(at: now.instant).map(positionRow)
    }

    /// One position row from the state's row resolved at the frame's time.
    public func positionRow(_ row: PositionRow) -> PositionLine {
        let freshness = row.quoteFreshness
        let tick = tick(row.symbol)
        return PositionLine(
            symbol: row.symbol,
            quantity: ScreenFormat.quantity(row.quantity),
            averageCost: ScreenFormat.price(row.averageCost, tick: tick, maximumDecimals: 4),
            marketPrice: ScreenFormat.price(row.marketPrice, tick: tick),
            marketValue: ScreenFormat.money(row.marketValue),
            priceState: freshness ?? .noData,
            unrealizedPnL: ScreenFormat.signedMoney(row.unrealizedPnL.amount),
            realizedPnL: ScreenFormat.signedMoney(row.realizedPnL.amount),
            dailyPnL: ScreenFormat.signedMoney(row.dailyPnL.amount))
    }

    /// Daily, unrealized and realized P&L with their sources, net liquidation and buying power
    /// from the account values, and the daily-P&L history; unknown values are `Figure.missing`.
    public var pnl: PnLSummary {
        pnl(unrealized: state.unrealizedPnL(at: now.instant))
    }

    /// The P&L summary with `unrealized` as the unrealized line (`unrealizedPnL(at:)` at the
    /// frame's time).
    public func pnl(unrealized: PnLValue) -> PnLSummary {
        let values = state.accountValues
        return PnLSummary(
            daily: Self.line(state.pnl.daily),
            unrealized: Self.line(unrealized),
            realized: Self.line(state.pnl.realized),
            netLiquidation: .init(Figure(ScreenFormat.money(values.netLiquidation)),
                                  source: values.netLiquidation == nil ? nil : "account"),
            buyingPower: .init(Figure(ScreenFormat.money(values.buyingPower)),
                               source: values.buyingPower == nil ? nil : "account"),
            history: state.pnlHistory.values)
    }

    /// One P&L line: the signed amount and its source (`gateway`, `computed`), or missing.
    public static func line(_ value: PnLValue) -> PnLSummary.Line {
        guard value.amount != nil, value.source != .unavailable else { return .init(.missing) }
        return .init(ScreenFormat.signedMoney(value.amount), source: value.source.rawValue)
    }

    /// The status bar: gateway, server version, account and its kind, the connection, counts
    /// per freshness state at the frame's time, and the clock with its zone (`07:37:14 UTC`).
    ///
    /// The badge tells only what is known: PAPER or LIVE once the accounts are known; before
    /// that a neutral CONNECTING (while a connection is being made) or NO ACCOUNT, never PAPER
    /// for an account that may be live, nor LIVE for one that may be paper.
    public var status: StatusBarModel {
        status(counts: state.quotes.counts(at: now.instant))
    }

    /// The status bar with `counts` as the quotes per freshness state (`counts(at:)` at the
    /// frame's time).
    public func status(counts freshnessCounts: FreshnessCounts) -> StatusBarModel {
        let info = state.connection
        var counts: [Freshness: Int] = [:]
        for freshness in Freshness.allCases where freshnessCounts[freshness] > 0 {
            counts[freshness] = freshnessCounts[freshness]
        }
        var model = StatusBarModel(
            gateway: info.gateway, serverVersion: info.serverVersion.map(String.init), account: info.account,
            accountBadge: accountBadge,
            connection: connection, freshnessCounts: counts, clock: TimeText.timeOfDayWithZone(now.wall, in: timeZone),
            clientID: info.clientID.map { "id \($0)" }, replay: replayBadge, replayBar: state.replay.map(ReplayTimeBar.init))
        if let portal = state.portal, portal.isEngaged {
            model.failover = portal.failure == nil ? "REST FAILOVER" : "REST FAILOVER: PORTAL FAILING"
        }
        return model
    }

    /// The replay badge with the recorded time at the playhead, in the display zone
    /// (`REPLAY ×10 14:32:05`, `REPLAY ×10 PAUSED 14:32:05`); `nil` outside a replay.
    var replayBadge: String? {
        guard let badge = state.config.replay else { return nil }
        guard let progress = state.replay else { return badge }
        return "\(badge)\(progress.isPaused ? " PAUSED" : "") \(TimeText.timeOfDay(progress.position, in: timeZone))"
    }

    /// The account badge: paper, live, or not known yet.
    public var accountBadge: StatusBarModel.AccountBadge {
        switch state.connection.accountKind {
        case .paper: .paper
        case .live: .live
        case nil: .unknown(connecting: state.connection.state == .connecting)
        }
    }

    /// The connection as the status bar words it: a link TWS reports lost, or a broken
    /// market-data farm, is named; a lost connection shows why and when the next try is.
    public var connection: StatusBarModel.Connection {
        let info = state.connection
        switch info.state {
        case .connected:
            let farms = state.quotes.brokenFarms.keys.sorted()
            if !farms.isEmpty {
                return .degraded("market data farm \(farms.joined(separator: ", ")) broken (2103): quotes it feeds are not live")
            }
            return .connected
        case .connecting:
            return .connecting
        case .linkLost:
            return .degraded("TWS lost its link to IB (1100): no quote is live until IB is back")
        case .disconnected:
            if let countdown = info.reconnectCountdown(at: now.instant) {
                return .reconnecting(
                    countdown: ScreenFormat.countdown(countdown), attempt: info.reconnectAttempt ?? 1,
                    reason: info.lostReason ?? "")
            }
            return .disconnected(info.lostReason ?? "")
        }
    }
}
