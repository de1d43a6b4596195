import Dashboard
import Vocabulary

/// Draws the dashboard frame after frame, doing only the work a frame needs: the same canvas
/// as `DashboardView.render(DashboardScreen(state:now:keymap:timeZone:), …)`,
/// cell for cell, at a fraction of the cost.
///
/// - **Only the rows on screen are built.** The screen model holds, for each list pane, the
///   rows that can be visible (the selected row and the pane's height around it, see
///   `DashboardScreen.windows`) instead of every row: with 100 symbols at 120x40 the watchlist
///   builds about 12 rows, not 100. The watchlist's data column is still sized by the longest
///   freshness label of all rows (`DashboardScreen.watchlistLabelWidth`), measured without
///   formatting their rows.
/// - **Unchanged rows are not formatted again.** Each row is kept with the inputs it was
///   formatted from (a symbol's quote, tick and freshness state with its whole seconds of age;
///   an order, fill or log entry as recorded) and reused while they are equal. Sorted lists and
///   selections are kept while the collection they come from is equal (an unchanged collection
///   of the state shares its storage with the previous frame's, so that check is immediate).
/// - **Unchanged panes are not drawn again.** The previous canvas is kept with each pane's
///   view; a pane whose view (rows, selection, focus) and area are equal to the previous
///   frame's keeps its cells, and in the watchlist (the pane that ticks) only the rows that
///   changed are formatted and drawn again. Frames with an overlay, a different size, theme,
///   glyphs or layout are drawn whole.
///
/// Keep one renderer per terminal and call `frame(state:now:size:theme:glyphs:)` (or
/// `screen(…)` then `render(…)`) for every frame; it holds no reference to the state.
public struct DashboardFrameRenderer: Sendable {
    /// The bindings the help overlay lists.
    public let keymap: Keymap
    /// The zone times of day are shown in.
    public let timeZone: DisplayTimeZone

    private var rows = RowCache()
    private var drawn: DrawnFrame?

    /// Creates a renderer.
    public init(keymap: Keymap, timeZone: DisplayTimeZone = .utc) {
        self.keymap = keymap
        self.timeZone = timeZone
    }

    /// The frame of `state` at `now`: `screen(…)` then `render(…)`.
    public mutating func frame(
        state: Dashboard.DashboardState, now: EventTime, size: Size, theme: Theme, glyphs: GlyphSet
    ) -> Canvas {
        render(screen(state: state, now: now, size: size, glyphs: glyphs), size: size, theme: theme, glyphs: glyphs)
    }

    /// Forgets the previous canvas, so the next frame is drawn whole (a repaint).
    public mutating func invalidate() {
        drawn = nil
    }

    // MARK: The screen model

    /// The screen model of `state` at `now` for a `size` terminal: as
    /// `DashboardScreen(state:now:keymap:timeZone:)`, except that each list pane
    /// holds only the rows that can be on screen (`DashboardScreen.windows`).
    public mutating func screen(
        state: Dashboard.DashboardState, now: EventTime, size: Size, glyphs: GlyphSet
    ) -> DashboardScreen {
        let builder = DashboardScreenBuilder(
            state: state, now: now, keymap: keymap, timeZone: timeZone)
        let focus = builder.focus
        let ticket = builder.ticket
        let layout = DashboardView.layout(size: size, focus: focus, ticket: ticket, glyphs: glyphs)
        let selection = rows.selection(of: state)

        // One pass over every subscribed quote: the status bar's counts, and the longest
        // freshness label of the watchlist's (which sizes its data column).
        let members = rows.members(of: state.watchlist)
        var counts = FreshnessCounts()
        var labelWidth = 0
        var trackedMembers = 0
        var widestMember = -1
        state.quotes.forEachFreshness(at: now.instant) { symbol, freshness in
            counts.add(freshness.state)
            // Only a label wider than the widest so far needs the membership check.
            let width = rows.labelWidth(freshness, glyphs: glyphs)
            if width > widestMember, members.contains(symbol) {
                widestMember = width
                labelWidth = width
            }
        }
        trackedMembers = rows.subscribedMembers(of: state)
        if trackedMembers < members.count {
            labelWidth = max(labelWidth, rows.labelWidth(QuoteFreshness(state: .noData), glyphs: glyphs))
        }

        var screen = DashboardScreen(
            status: builder.status(counts: counts), focus: focus, selection: selection, overlay: builder.overlay,
            quitKeys: rows.quitKeys(keymap), isAskingToQuit: builder.isAskingToQuit)
        screen.ticket = ticket
        screen.openTicketKeys = rows.openTicketKeys(keymap)
        screen.sources = builder.sources

        /// The rows of `pane` (of `total`) that can be on screen: nil for all of them.
        func window(_ pane: PaneID, total: Int) -> Range<Int>? {
            let height = layout.panes[pane]?.height ?? 0
            guard height > 0 else { return 0..<0 }
            guard let selected = selection[pane] else { return nil }
            let lower = max(0, selected - height + 1)
            let upper = min(total, max(selected + 1, height))
            return lower..<max(lower, upper)
        }
        func record(_ pane: PaneID, _ range: Range<Int>, total: Int) {
            screen.windows[pane] = DashboardScreen.RowWindow(first: range.lowerBound, total: total)
        }

        // Watchlist: the rows in the window.
        let symbols = state.watchlistOrder
        let watchRange = window(.watchlist, total: symbols.count) ?? 0..<symbols.count
        screen.watchlist = watchRange.map { index in
            rows.watchlistRow(symbols[index], freshness: builder.freshness(of: symbols[index]), builder: builder)
                .flashing(state.isAlerting(symbol: symbols[index], at: now.instant))
        }
        screen.watchlistLabelWidth = labelWidth
        screen.watchlistHeader = rows.watchlistHeader(of: state, builder: builder)
        record(.watchlist, watchRange, total: symbols.count)

        // Positions (resolved once, for the pane and the unrealized P&L) and P&L.
        let positionRows = state.positionRows(at: now.instant)
        let positionRange = window(.positions, total: positionRows.count) ?? 0..<positionRows.count
        screen.positions = positionRange.map { rows.positionRow(positionRows[$0], builder: builder) }
        record(.positions, positionRange, total: positionRows.count)
        screen.pnl = rows.pnl(state: state, unrealized: state.unrealizedPnL(of: positionRows), builder: builder)

        // Orders, executions and messages.
        let orders = rows.orderList(of: state)
        let orderRange = window(.orders, total: orders.count) ?? 0..<orders.count
        screen.orders = orderRange.map {
            rows.orderRow(orders[$0], builder: builder)
                .flashing(state.isFlashing(orderID: orders[$0].orderID, at: now.instant))
        }
        record(.orders, orderRange, total: orders.count)
        screen.ordersTypeWidth = rows.orderTypeWidth

        let executions = state.executions
        let executionRange = window(.executions, total: executions.count) ?? 0..<executions.count
        screen.executions = executionRange.map {
            let fill = executions[executions.count - 1 - $0]
            return rows.executionRow(fill, builder: builder)
                .flashing(state.isFlashing(executionID: fill.executionID, at: now.instant))
        }
        record(.executions, executionRange, total: executions.count)

        let entries = state.messages.entries
        let messageRange = window(.messages, total: entries.count) ?? 0..<entries.count
        screen.messages = messageRange.map { rows.messageRow(entries[$0], builder: builder) }
        record(.messages, messageRange, total: entries.count)
        screen.messagesNewBelow = state.newMessagesBelow
        screen.footer = rows.footer(note: state.footerNote(at: now.instant), mode: state.footerMode, keymap: keymap)
        return screen
    }

    // MARK: The canvas

    /// The canvas of `screen` (from `screen(state:now:size:glyphs:)`, or any screen): equal to
    /// `DashboardView.render(screen, size:theme:glyphs:)`. Panes whose view and area did not
    /// change since the previous call keep the previous canvas's cells.
    public mutating func render(_ screen: DashboardScreen, size: Size, theme: Theme, glyphs: GlyphSet) -> Canvas {
        let layout = DashboardView.layout(of: screen, size: size, glyphs: glyphs)
        let ticketOverlay = layout.mode == .compact && (screen.ticket != nil || screen.focus == .ticket)
        guard layout.mode != .tooSmall, screen.overlay == nil, !ticketOverlay else {
            // Overlays cover panes: drawn whole, and the next frame starts afresh.
            drawn = nil
            return DashboardView.render(screen, size: size, theme: theme, glyphs: glyphs)
        }
        var canvas: Canvas
        var previous: [PaneID: PaneView] = [:]
        var previousStatus: StatusBarModel?
        var previousFooter: FooterLine?
        if let last = drawn, last.size == size, last.layout == layout, last.glyphs == glyphs, last.theme == theme {
            canvas = last.canvas
            previous = last.panes
            previousStatus = last.status
            previousFooter = last.footer
        } else {
            canvas = Canvas(size: size, fill: Cell(" ", style: theme[.text], role: .text))
        }
        drawn = nil
        var panes: [PaneID: PaneView] = [:]
        for (pane, area) in layout.panes.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let view = PaneView(pane, screen: screen)
            switch (previous[pane], view) {
            case let (.watchlist(before)?, .watchlist(now)) where before != now:
                // The panes that tick: only their changed rows are drawn again.
                now.render(in: area, on: &canvas, theme: theme, glyphs: glyphs, over: before)
            case let (.positions(before)?, .positions(now)) where before != now:
                now.render(in: area, on: &canvas, theme: theme, glyphs: glyphs, over: before)
            case let (before, view) where before != view:
                view.render(in: area, on: &canvas, theme: theme, glyphs: glyphs)
            default:
                break
            }
            panes[pane] = view
        }
        if previousStatus != screen.status {
            StatusBarView(model: screen.status).render(in: layout.statusBar, on: &canvas, theme: theme, glyphs: glyphs)
        }
        if previousFooter != screen.footer {
            FooterView(line: screen.footer).render(in: layout.footer, on: &canvas, theme: theme, glyphs: glyphs)
        }
        drawn = DrawnFrame(size: size, layout: layout, theme: theme, glyphs: glyphs, canvas: canvas, panes: panes,
                           status: screen.status, footer: screen.footer)
        return canvas
    }
}

/// The previous frame: its canvas and what each pane drew.
private struct DrawnFrame: Sendable {
    var size: Size
    var layout: DashboardLayout
    var theme: Theme
    var glyphs: GlyphSet
    var canvas: Canvas
    var panes: [PaneID: PaneView]
    var status: StatusBarModel
    var footer: FooterLine
}

/// Formatted rows kept with the inputs they were formatted from.
private struct RowCache: Sendable {
    struct QuoteKey: Equatable, Sendable {
        var quote: WatchedQuote
        var tick: Double
        var state: Freshness
        /// Whole seconds of age when the label shows it.
        var ageSeconds: Int64?
        /// The sparkline's closes (by revision, so the cache does not share their storage and
        /// make the next trade copy it) and the position held.
        var trailRevision: UInt64?
        var position: FixedDecimal?
    }

    struct LabelKey: Hashable, Sendable {
        var state: Freshness
        var ageSeconds: Int64?
        var ascii: Bool
    }

    var watchlist: [String: (key: QuoteKey, row: WatchlistLine)] = [:]
    var labelWidths: [LabelKey: Int] = [:]
    var positions: [String: (key: PositionRow, tick: Double, row: PositionLine)] = [:]
    var pnlKey: PnLKey?
    var pnlSummary = PnLSummary.empty
    var orderSource: [Int: TrackedOrder]?
    var orderList: [TrackedOrder] = []
    /// The Orders pane's type column width for `orderList` (all orders, not only those shown).
    var orderTypeWidth = OrdersPane.typeColumnWidth([])
    var orders: [Int: (record: TrackedOrder, row: OrderLine)] = [:]
    var executions: [String: (record: ExecutionRecord, tick: Double, row: ExecutionLine)] = [:]
    var messages: [MessageKey: (entry: MessageLog.Entry, subject: String, row: MessageLine)] = [:]
    var keys: (keymap: Keymap, quit: [String], openTicket: TicketPane.OpenKeys)?
    var footerKeys: (keymap: Keymap, mode: FooterMode, hints: [FooterLine.Hint])?
    var watchlistMembers: (watchlist: Watchlist, symbols: Set<String>)?
    var header: (tabs: WatchlistTabs, sort: WatchlistSort?, columns: [WatchlistColumn], header: DashboardScreen.WatchlistHeader)?
    var subscribed: (watchlist: Watchlist, symbolsVersion: UInt64, count: Int)?
    /// Label widths of the states whose label shows no age, by state and glyph set.
    var plainLabelWidths: [Int?] = Array(repeating: nil, count: 2 * 16)

    struct PnLKey: Equatable, Sendable {
        var pnl: PnLSnapshot
        var unrealized: PnLValue
        var values: AccountValues
        var history: PnLHistory
    }

    /// A log entry's identity (`MessageLog.Entry.id`).
    typealias MessageKey = Int

    /// What one pane's selection depends on: the interface and the list it indexes.
    enum SelectionSource: Equatable, Sendable {
        case watchlist([String])
        case orders([Int: TrackedOrder])
        case executions([ExecutionRecord])
        case messages(MessageLog)
    }

    var selections: [Dashboard.Pane: (interface: InterfaceState, source: SelectionSource, index: Int?)] = [:]

    /// Entries beyond this are dropped from a keyed cache (rows that left the list).
    static let limit = 4_096

    mutating func quitKeys(_ keymap: Keymap) -> [String] {
        keyNames(keymap).quit
    }

    mutating func openTicketKeys(_ keymap: Keymap) -> TicketPane.OpenKeys {
        keyNames(keymap).openTicket
    }

    /// The key names the screen shows, kept while the keymap is equal.
    private mutating func keyNames(_ keymap: Keymap) -> (quit: [String], openTicket: TicketPane.OpenKeys) {
        if let keys, keys.keymap == keymap { return (keys.quit, keys.openTicket) }
        let names = (quit: DashboardScreenBuilder.quitKeys(of: keymap), openTicket: DashboardScreenBuilder.openTicketKeys(of: keymap))
        keys = (keymap, names.quit, names.openTicket)
        return names
    }

    /// The footer: the hints are kept while the keymap and the mode are equal.
    mutating func footer(note: FooterNote?, mode: FooterMode, keymap: Keymap) -> FooterLine {
        let hints: [FooterLine.Hint]
        if let footerKeys, footerKeys.mode == mode, footerKeys.keymap == keymap {
            hints = footerKeys.hints
        } else {
            hints = DashboardScreenBuilder.hints(for: mode, keymap: keymap)
            footerKeys = (keymap, mode, hints)
        }
        return DashboardScreenBuilder.footer(note: note, hints: hints)
    }

    /// The watchlist pane's columns, tabs and sort, kept while the lists, the sort and the
    /// configured columns are equal.
    mutating func watchlistHeader(of state: Dashboard.DashboardState, builder: DashboardScreenBuilder) -> DashboardScreen.WatchlistHeader {
        if let header, header.sort == state.watchlistSort, header.columns == state.config.watchlistColumns,
           header.tabs == state.watchlists {
            return header.header
        }
        let built = builder.watchlistHeader
        header = (state.watchlists, state.watchlistSort, state.config.watchlistColumns, built)
        return built
    }

    /// The watchlist's symbols as a set, kept while the watchlist is equal.
    mutating func members(of watchlist: Watchlist) -> Set<String> {
        if let watchlistMembers, watchlistMembers.watchlist == watchlist { return watchlistMembers.symbols }
        let symbols = Set(watchlist.symbols)
        watchlistMembers = (watchlist, symbols)
        return symbols
    }

    /// The builder's selection; each pane's is kept while the interface and the list it
    /// indexes are equal (the positions' is resolved every frame: their records change with
    /// every price).
    mutating func selection(of state: Dashboard.DashboardState) -> [PaneID: Int] {
        var result: [PaneID: Int] = [:]
        for pane in Dashboard.Pane.allCases {
            let source: SelectionSource
            switch pane {
            case .watchlist: source = .watchlist(state.watchlistOrder)
            case .orders: source = .orders(state.orders)
            case .executions: source = .executions(state.executions)
            case .messages: source = .messages(state.messages)
            case .positions:
                if let index = state.selectedIndex(in: pane) { result[DashboardScreenBuilder.paneID(pane)] = index }
                continue
            }
            let index: Int?
            if let cached = selections[pane], cached.source == source, cached.interface == state.interface {
                index = cached.index
            } else {
                index = state.selectedIndex(in: pane)
                selections[pane] = (state.interface, source, index)
            }
            if let index { result[DashboardScreenBuilder.paneID(pane)] = index }
        }
        return result
    }

    /// How many of the watchlist's symbols are subscribed quotes, kept while the watchlist and
    /// the set of subscribed symbols (its version) are equal.
    mutating func subscribedMembers(of state: Dashboard.DashboardState) -> Int {
        let version = state.quotes.symbolsVersion
        if let subscribed, subscribed.symbolsVersion == version, subscribed.watchlist == state.watchlist {
            return subscribed.count
        }
        let quotes = state.quotes.quotes
        let count = state.watchlist.symbols.count { quotes[$0] != nil }
        subscribed = (state.watchlist, version, count)
        return count
    }

    /// The display width of the freshness label the watchlist shows for `freshness`.
    mutating func labelWidth(_ freshness: QuoteFreshness, glyphs: GlyphSet) -> Int {
        let ageSeconds = Self.ageSeconds(freshness)
        let ascii = glyphs.marks.asciiOnly
        let plainSlot = ageSeconds == nil ? freshness.state.ordinal * 2 + (ascii ? 1 : 0) : nil
        if let plainSlot, let width = plainLabelWidths[plainSlot] { return width }
        let key = LabelKey(state: freshness.state, ageSeconds: ageSeconds, ascii: ascii)
        if let width = labelWidths[key] { return width }
        if labelWidths.count >= Self.limit { labelWidths.removeAll(keepingCapacity: true) }
        let state = freshness.state
        let width = DisplayWidth.of(glyphs.shown(state.label(age: DashboardScreenBuilder.age(in: freshness))))
        if let plainSlot {
            plainLabelWidths[plainSlot] = width
        } else {
            labelWidths[key] = width
        }
        return width
    }

    /// The whole seconds of age (or, for a delayed quote, of delay) a freshness label shows (nil
    /// when it shows none).
    static func ageSeconds(_ freshness: QuoteFreshness) -> Int64? {
        switch freshness.state {
        case .aging, .stale, .disconnected: freshness.age.map { max(0, $0.components.seconds) }
        case .delayed: freshness.delayMinutes.map { $0 * 60 }
        default: nil
        }
    }

    mutating func watchlistRow(
        _ symbol: String, freshness: QuoteFreshness, builder: DashboardScreenBuilder
    ) -> WatchlistLine {
        let quote = builder.state.quotes.tracked(symbol)?.quote ?? WatchedQuote(symbol: symbol)
        let key = QuoteKey(quote: quote, tick: builder.tick(symbol), state: freshness.state,
                           ageSeconds: Self.ageSeconds(freshness), trailRevision: builder.state.trails[symbol]?.revision,
                           position: builder.position(of: symbol))
        if let cached = watchlist[symbol], cached.key == key { return cached.row }
        if watchlist.count >= Self.limit { watchlist.removeAll(keepingCapacity: true) }
        let row = builder.watchlistRow(symbol, freshness: freshness)
        watchlist[symbol] = (key, row)
        return row
    }

    mutating func positionRow(_ position: PositionRow, builder: DashboardScreenBuilder) -> PositionLine {
        let tick = builder.tick(position.symbol)
        if let cached = positions[position.symbol], cached.key == position, cached.tick == tick { return cached.row }
        if positions.count >= Self.limit { positions.removeAll(keepingCapacity: true) }
        let row = builder.positionRow(position)
        positions[position.symbol] = (position, tick, row)
        return row
    }

    mutating func pnl(state: Dashboard.DashboardState, unrealized: PnLValue, builder: DashboardScreenBuilder) -> PnLSummary {
        let key = PnLKey(pnl: state.pnl, unrealized: unrealized, values: state.accountValues, history: state.pnlHistory)
        if pnlKey == key { return pnlSummary }
        pnlKey = key
        pnlSummary = builder.pnl(unrealized: unrealized)
        return pnlSummary
    }

    mutating func orderList(of state: Dashboard.DashboardState) -> [TrackedOrder] {
        if orderSource == state.orders { return orderList }
        orderSource = state.orders
        orderList = state.orderList
        orderTypeWidth = OrdersPane.typeColumnWidth(orderList.map { DisplayWidth.of(DashboardScreenBuilder.typeAndPrice($0)) })
        return orderList
    }

    mutating func orderRow(_ order: TrackedOrder, builder: DashboardScreenBuilder) -> OrderLine {
        if let cached = orders[order.orderID], cached.record == order { return cached.row }
        if orders.count >= Self.limit { orders.removeAll(keepingCapacity: true) }
        let row = builder.orderRow(order)
        orders[order.orderID] = (order, row)
        return row
    }

    mutating func executionRow(_ fill: ExecutionRecord, builder: DashboardScreenBuilder) -> ExecutionLine {
        let tick = builder.tick(fill.symbol)
        if let cached = executions[fill.executionID], cached.record == fill, cached.tick == tick { return cached.row }
        if executions.count >= Self.limit { executions.removeAll(keepingCapacity: true) }
        let row = builder.executionRow(fill)
        executions[fill.executionID] = (fill, tick, row)
        return row
    }

    mutating func messageRow(_ entry: MessageLog.Entry, builder: DashboardScreenBuilder) -> MessageLine {
        let subject = DashboardScreenBuilder.isLocal(entry) ? "" : builder.subject(of: entry.message)
        let key = entry.id
        if let cached = messages[key], cached.entry == entry, cached.subject == subject { return cached.row }
        if messages.count >= Self.limit { messages.removeAll(keepingCapacity: true) }
        let row = builder.messageRow(entry, subject: subject)
        messages[key] = (entry, subject, row)
        return row
    }
}
