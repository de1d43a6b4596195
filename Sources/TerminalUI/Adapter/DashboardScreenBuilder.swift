import Dashboard
import Vocabulary

extension DashboardScreen {
    /// The screen for `state` at `now`: every pane's rows formatted, freshness resolved at `now`
    /// (not at the state's last event, so ages keep counting between events), the status bar,
    /// focus, selection and the overlay. Pure: the same arguments give the same screen.
    ///
    /// - Parameters:
    ///   - state: the dashboard state.
    ///   - now: the time the frame is drawn: ages and countdowns are taken at its monotonic
    ///     instant, the clock shows its wall time.
    ///   - keymap: the bindings the help overlay lists.
    ///   - timeZone: the zone of every time of day shown (clock, orders, executions,
    ///     messages); the status bar's clock names it (`07:37:14 UTC`).
    public init(
        state: Dashboard.DashboardState, now: EventTime, keymap: Keymap, timeZone: DisplayTimeZone = .utc
    ) {
        self = DashboardScreenBuilder(state: state, now: now, keymap: keymap, timeZone: timeZone).screen
    }
}

/// Maps a `Dashboard.DashboardState` onto the `DashboardScreen` the views draw, one part at a
/// time (each part is public so it can be checked on its own).
///
/// Row order and selection follow the state's own reading API, so the selected row on screen
/// is the row the reducer acts on (`c` cancels the order the trader sees highlighted): orders
/// in `orderList` order (working first, then newest id first), executions and messages newest
/// first, watchlist in watchlist order, positions by symbol.
public struct DashboardScreenBuilder: Sendable {
    /// The state mapped.
    public var state: Dashboard.DashboardState
    /// The time the frame is drawn.
    public var now: EventTime
    /// The bindings the help overlay lists.
    public var keymap: Keymap
    /// The zone times of day are shown in.
    public var timeZone: DisplayTimeZone

    /// Creates a builder.
    public init(state: Dashboard.DashboardState, now: EventTime, keymap: Keymap, timeZone: DisplayTimeZone = .utc) {
        self.state = state
        self.now = now
        self.keymap = keymap
        self.timeZone = timeZone
    }

    /// The whole screen.
    public var screen: DashboardScreen {
        var screen = DashboardScreen(
            watchlist: watchlist, positions: positions, pnl: pnl, ticket: ticket, orders: orders,
            executions: executions, messages: messages, status: status, focus: focus, selection: selection,
            overlay: overlay, quitKeys: quitKeys, isAskingToQuit: isAskingToQuit)
        screen.openTicketKeys = Self.openTicketKeys(of: keymap)
        screen.watchlistHeader = watchlistHeader
        screen.footer = footer
        screen.messagesNewBelow = state.newMessagesBelow
        screen.sources = sources
        return screen
    }

    /// The panes fed by the Client Portal while it stands in for the socket link, with the
    /// age of their last read (`REST 4s`).
    public var sources: [PaneID: String] {
        guard let portal = state.portal, portal.isEngaged else { return [:] }
        var result: [PaneID: String] = [:]
        result[.positions] = portal.badge(for: .positions, at: now.instant)
        result[.orders] = portal.badge(for: .orders, at: now.instant)
        result[.pnl] = portal.badge(for: .account, at: now.instant)
        return result
    }

    /// The first keys bound to buy and sell, which the empty ticket names.
    public static func openTicketKeys(of keymap: Keymap) -> TicketPane.OpenKeys {
        TicketPane.OpenKeys(buy: keymap.keys(for: .buy).first?.name, sell: keymap.keys(for: .sell).first?.name)
    }

    /// The keys that quit: the keymap's `quit` keys and Ctrl-C (always a quit key, see
    /// `DashboardKeyInput.command(for:overlay:ticket:pane:screenTooSmall:)`).
    public var quitKeys: [String] {
        Self.quitKeys(of: keymap)
    }

    /// The names of `keymap`'s quit keys and Ctrl-C.
    public static func quitKeys(of keymap: Keymap) -> [String] {
        var keys = keymap.keys(for: .quit)
        if !keys.contains(DashboardKeyInput.interruptKey) { keys.append(DashboardKeyInput.interruptKey) }
        return keys.map(\.name)
    }

    /// Whether the quit question is open.
    public var isAskingToQuit: Bool {
        if case .confirm(.quitWithWorkingOrders) = state.interface.overlay { return true }
        return false
    }

    // MARK: Focus, selection, overlays

    /// The focused pane: the ticket while the ticket overlay is open, else the state's pane.
    public var focus: PaneID {
        state.interface.overlay == .ticket ? .ticket : Self.paneID(state.interface.focusedPane)
    }

    /// The selected row of every non-empty list pane, as the state resolves it.
    public var selection: [PaneID: Int] {
        var result: [PaneID: Int] = [:]
        for pane in Dashboard.Pane.allCases {
            if let index = state.selectedIndex(in: pane) { result[Self.paneID(pane)] = index }
        }
        return result
    }

    /// The overlay: help with the keymap, the command line, the add-symbol prompt, a
    /// confirmation, a catalog explanation; nil for none and for the ticket (which the views
    /// draw from `ticket`, as a pane in the full layout and as an overlay in the compact one).
    public var overlay: OverlayView? {
        switch state.interface.overlay {
        case .none, .ticket:
            return nil
        case .detail:
            return state.detail.map { .detail(detailView($0)) }
        case let .search(search):
            return .search(SearchView(
                query: search.query, results: search.results.map(\.line), selected: search.selected,
                message: search.message, isCurrent: search.isCurrent))
        case .help:
            return .help(keymap)
        case let .commandLine(text):
            return .commandLine(text: text, cursor: text.count)
        case let .addSymbol(text):
            return .prompt(label: "add symbol", text: text, cursor: text.count)
        case let .confirm(confirmation):
            return .confirmation(self.confirmation(confirmation))
        case let .explanation(entry):
            return .explanation(Explanation(
                code: String(entry.code), title: entry.title, level: Self.level(entry.severity),
                explanation: entry.explanation, action: entry.action))
        }
    }

    /// The detail view of `detail`: prices with the symbol's tick, trade times in the display
    /// zone.
    public func detailView(_ detail: SymbolDetail) -> DetailView {
        let tick = tick(detail.symbol)
        let name = state.contracts[detail.symbol]?.longName ?? ""
        return DetailView(
            symbol: detail.symbol, title: name.isEmpty ? "detail" : name, range: detail.range.rawValue,
            closes: detail.closes, chartMessage: detail.barsLoaded ? detail.barsMessage : nil,
            bids: detail.bids.map { DetailView.Level(price: $0.price, size: $0.size) },
            asks: detail.asks.map { DetailView.Level(price: $0.price, size: $0.size) },
            depthMessage: detail.depthMessage,
            trades: detail.trades.map {
                DetailView.Trade(time: TimeText.timeOfDay($0.time, in: timeZone), price: $0.price, size: $0.size, side: $0.aggressor.rawValue)
            },
            tradesMessage: detail.tradesMessage, priceDecimals: ScreenFormat.decimals(ofTick: tick))
            .with(hours: marketHours(of: detail.symbol))
            .with(lineChart: detail.chartStyle == .line)
    }

    /// Whether `symbol`'s market is open now by its contract's regular hours, in words, with
    /// the time it closes or opens in the display zone; `nil` before its contract arrived.
    func marketHours(of symbol: String) -> String? {
        guard let contract = state.contracts[symbol], !contract.regularHours.isEmpty else { return nil }
        guard let hours = TradingHours(contract.regularHours, zone: contract.timeZoneID) else {
            return "hours in \(contract.timeZoneID.isEmpty ? "an unnamed zone" : contract.timeZoneID): not read"
        }
        let wall = now.wall
        if let session = hours.session(at: wall) {
            return "open now · regular session until \(TimeText.timeOfDayWithZone(session.end, in: timeZone))"
        }
        guard let next = hours.nextSession(after: wall) else { return "closed · no session in the hours IB sent" }
        return "closed · opens \(TimeText.dateTime(next.start, in: timeZone)) \(timeZone.abbreviation(at: next.start))"
    }

    /// A yes/no box for the state's question, listing the working orders it concerns.
    public func confirmation(_ confirmation: Dashboard.Confirmation) -> ConfirmationPrompt {
        let details = state.workingOrders.map { "#\($0.orderID) \($0.summary) (\($0.status.rawValue))" }
        switch confirmation {
        case let .cancelAllOrders(count):
            return ConfirmationPrompt(
                title: "Cancel all orders",
                question: "Cancel all \(count) working order\(count == 1 ? "" : "s")?",
                details: details, confirmKey: "y", cancelKey: "n", isDestructive: true)
        case let .quitWithWorkingOrders(count):
            let verb = count == 1 ? "order is" : "orders are"
            return ConfirmationPrompt(
                title: "Quit ibterm",
                question: "\(count) \(verb) still working and will keep working at IB after ibterm quits. Quit anyway?",
                details: details, confirmKey: "y/\(DashboardKeyInput.interruptKey.name)", cancelKey: "n", isDestructive: true)
        case let .flattenAll(batch):
            let lines = batch.entries.map { entry -> String in
                if let refusal = entry.refusal { return "✕ \(entry.ticket.symbol) not closed: \(refusal.message)" }
                guard let review = entry.ticket.review else { return entry.ticket.symbol }
                return "\(review.instruction.summary)  ≈ \(review.estimatedNotional.formatted(fractionDigits: 2, groupingThousands: true))"
            }
            let count = batch.sendable.count
            return ConfirmationPrompt(
                title: "Flatten all positions",
                question: count == 0
                    ? "No closing order passes the ticket's checks; nothing will be sent."
                    : "Send \(count) order\(count == 1 ? "" : "s") to close every position?",
                details: lines, confirmKey: "y", cancelKey: "n", isDestructive: true)
        case let .deleteWatchlist(name, count):
            return ConfirmationPrompt(
                title: "Delete watchlist",
                question: "Delete the watchlist \(name) and its \(count) symbol\(count == 1 ? "" : "s")?",
                details: [], confirmKey: "y", cancelKey: "n", isDestructive: true)
        case let .portalQuestion(question):
            let order = state.orders[question.orderID].map { "#\(question.orderID) \($0.summary)" } ?? "#\(question.orderID)"
            return ConfirmationPrompt(
                title: "The Client Portal asks (\(question.messageID))",
                question: "\(question.text.replacingOccurrences(of: "\n", with: " ")) Send it?",
                details: [order, "The socket link is down: this order goes through the Client Portal (REST)."],
                confirmKey: "y", cancelKey: "n", isDestructive: false)
        }
    }

    // MARK: Shared mappings

    /// The view's pane for a dashboard pane.
    public static func paneID(_ pane: Dashboard.Pane) -> PaneID {
        switch pane {
        case .watchlist: .watchlist
        case .positions: .positions
        case .orders: .orders
        case .executions: .executions
        case .messages: .messages
        }
    }

    /// The message level for a catalog severity.
    public static func level(_ severity: MessageSeverity) -> MessageLevel {
        switch severity {
        case .info: .info
        case .warning: .warning
        case .error: .error
        }
    }

    /// The view's side for an order side.
    public static func side(_ side: OrderSide) -> TradeSide {
        side == .buy ? .buy : .sell
    }

    /// The minimum tick of `symbol` (0.01 until its contract is resolved).
    func tick(_ symbol: String) -> Double {
        state.contracts[symbol]?.minimumTick ?? 0.01
    }

    /// `time` as `HH:MM:SS` in the configured zone.
    func clock(_ time: Timestamp) -> String {
        TimeText.timeOfDay(time, in: timeZone)
    }
}
