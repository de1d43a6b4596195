import Dashboard
import Foundation
import Testing
import TerminalUI
import Vocabulary

/// `DashboardFrameRenderer` draws exactly what `DashboardView.render(DashboardScreen(state:…))`
/// draws, frame after frame, while it builds only the rows on screen and keeps unchanged panes.
@Suite struct DashboardFrameRendererTests {
    /// The canvas the stateless pipeline draws.
    static func expected(_ state: DashboardState, _ now: EventTime, _ size: Size, theme: Theme = .builtinDefault,
                         glyphs: GlyphSet = .unicode) -> Canvas {
        DashboardView.render(DashboardScreen(state: state, now: now, keymap: .defaults), size: size, theme: theme,
                             glyphs: glyphs)
    }

    /// A long watchlist with orders, fills and messages on a manual clock, as the benchmark's.
    struct Market {
        static let start: Int64 = 1_718_029_800
        var state: DashboardState
        var milliseconds: Int64 = 0
        var seed: UInt64 = 7
        let symbols: [String]

        var now: EventTime {
            EventTime(instant: SessionInstant(offset: .milliseconds(Self.start * 1000 + milliseconds)),
                      wall: Timestamp(millisecondsSinceEpoch: Self.start * 1000 + milliseconds))
        }

        init(symbols count: Int) {
            symbols = (0..<count).map { index in
                let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
                return String([letters[index / 26 % 26], letters[index % 26], "X"])
            }
            var config = DashboardConfig()
            config.watchlist = symbols
            state = DashboardState(config: config, now: EventTime(
                instant: SessionInstant(offset: .seconds(Self.start)), wall: Timestamp(secondsSinceEpoch: Self.start)))
            send(.started)
            send(.connecting(gateway: "127.0.0.1:4002"))
            send(.connected(serverVersion: 178, accounts: ["DU1234567"], nextOrderID: 100))
            for (index, symbol) in symbols.enumerated() {
                send(.quoteRequested(symbol: symbol, requestID: 1_000 + index, instrumentClass: .stock))
            }
            for index in symbols.indices where index % 9 != 4 { tick(index) }
            send(.notice(Notice(requestID: 1_002, code: 354, text: "Requested market data is not subscribed.")))
            send(.notice(Notice(code: 2104, text: "Market data farm connection is OK:usfarm")))
            for index in symbols.indices.prefix(12) {
                send(.position(PositionUpdate(account: "DU1234567", symbol: symbols[index], quantity: FixedDecimal((index + 1) * 10),
                                              averageCost: 50)))
            }
            for id in 100..<130 { order(id) }
        }

        mutating func send(_ event: DashboardEvent) {
            _ = state.apply(event, at: now)
        }

        mutating func next() -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33)
        }

        mutating func tick(_ index: Int) {
            let price = 50 + Double(index) + Double(next() % 100) / 100
            send(.quote(QuoteUpdate(symbol: symbols[index], bid: price - 0.01, ask: price + 0.01, last: price,
                                    lastSize: FixedDecimal(next() % 500), volume: FixedDecimal(1_000_000 + next() % 100_000),
                                    close: 50 + Double(index))))
        }

        mutating func order(_ id: Int) {
            let symbol = symbols[id % symbols.count]
            send(.openOrder(OpenOrderSnapshot(orderID: id, symbol: symbol, side: id % 2 == 0 ? .buy : .sell, quantity: 100,
                                            orderType: .limit, limitPrice: 50, status: .submitted)))
            switch id % 4 {
            case 0:
                send(.execution(FillReport(executionID: "e\(id)", orderID: id, symbol: symbol, side: .buy,
                                                shares: 100, price: 50.02)))
                send(.orderStatus(OrderStatusReport(orderID: id, status: .filled, filled: 100, remaining: 0,
                                                    averageFillPrice: 50.02)))
            case 1:
                send(.notice(Notice(requestID: id, code: 201, text: "Order rejected - reason: insufficient margin")))
                send(.orderStatus(OrderStatusReport(orderID: id, status: .inactive, filled: 0, remaining: 100)))
            default:
                send(.orderStatus(OrderStatusReport(orderID: id, status: .submitted, filled: 0, remaining: 100)))
            }
        }

        /// The clock moves by `milliseconds` and a few symbols tick (never those with index 4 mod 9).
        mutating func step(_ milliseconds: Int64, ticks: Int) {
            self.milliseconds += milliseconds
            for _ in 0..<ticks {
                let index = next() % symbols.count
                if index % 9 != 4 { tick(index) }
            }
            send(.clockTick)
        }
    }

    @Test(arguments: [(120, 40), (100, 30), (80, 24), (200, 60), (60, 20)])
    func everyFrameEqualsTheStatelessPipeline(width: Int, height: Int) {
        let size = Size(width: width, height: height)
        var market = Market(symbols: 100)
        var renderer = DashboardFrameRenderer(keymap: .defaults)
        let intents: [(Int, UserIntent)] = [
            (5, .moveSelection(.down)), (10, .moveSelection(.bottom)), (15, .moveSelection(.up)),
            (20, .nextPane), (22, .moveSelection(.down)), (24, .nextPane), (26, .moveSelection(.bottom)),
            (28, .nextPane), (30, .moveSelection(.down)), (32, .nextPane), (34, .moveSelection(.down)),
            (36, .toggleHelp), (38, .toggleHelp), (40, .focus(.watchlist)), (41, .openTicket(.buy)), (43, .back),
            (44, .back), (46, .moveSelection(.top)), (48, .openCommandLine), (50, .back), (52, .moveSelection(.down)),
        ]
        for frame in 0..<70 {
            market.step(frame % 7 == 0 ? 1_300 : 100, ticks: 15)
            for (at, intent) in intents where at == frame { market.send(.user(intent)) }
            if frame == 45 { market.order(200) }
            if frame == 60 { market.send(.connectionLost(reason: "socket closed")) }
            let canvas = renderer.frame(state: market.state, now: market.now, size: size, theme: .builtinDefault,
                                        glyphs: .unicode)
            let expected = Self.expected(market.state, market.now, size)
            #expect(canvas == expected, "frame \(frame) at \(width)x\(height)")
            if canvas != expected { break }
        }
    }

    @Test(arguments: [(200, 60), (120, 40)])
    func sortedNamedListsAndSparklinesDrawAsTheStatelessPipeline(width: Int, height: Int) {
        let size = Size(width: width, height: height)
        var market = Market(symbols: 30)
        var renderer = DashboardFrameRenderer(keymap: .defaults)
        let events: [(Int, DashboardEvent)] = [
            (2, .sessionBarsLoaded(symbol: market.symbols[0], closes: [10, 11, 12, 11, 13])),
            (4, .user(.runCommand("sort chg% desc"))), (8, .user(.cycleSort)),
            (12, .sessionBarsLoaded(symbol: market.symbols[1], closes: [30, 29, 28])),
            (14, .user(.runCommand("wl new tech"))), (16, .user(.addSymbol(market.symbols[2]))),
            (18, .user(.stepWatchlist(by: 1))), (20, .user(.runCommand("sort spark desc"))),
            (24, .user(.showWatchlist(1))), (26, .user(.runCommand("sort none"))), (28, .user(.showWatchlist(0))),
        ]
        for frame in 0..<34 {
            // Minutes pass now and then, so the trails grow.
            market.step(frame % 5 == 0 ? 61_000 : 100, ticks: 10)
            for (at, event) in events where at == frame { market.send(event) }
            let canvas = renderer.frame(state: market.state, now: market.now, size: size, theme: .builtinDefault,
                                        glyphs: .unicode)
            let expected = Self.expected(market.state, market.now, size)
            #expect(canvas == expected, "frame \(frame) at \(width)x\(height)")
            if canvas != expected { break }
        }
        #expect(market.state.trails.values.contains { $0.count > 3 }, "the trails grew")
    }

    @Test func themeGlyphAndSizeChangesRedrawWhole() {
        var market = Market(symbols: 40)
        var renderer = DashboardFrameRenderer(keymap: .defaults)
        let looks: [(Size, Theme, GlyphSet)] = [
            (Size(width: 120, height: 40), .builtinDefault, .unicode),
            (Size(width: 120, height: 40), .builtinDefault, .ascii),
            (Size(width: 120, height: 40), Theme.builtinDefault.degraded(to: .monochrome), .ascii),
            (Size(width: 90, height: 26), .builtinDefault, .unicode),
            (Size(width: 50, height: 10), .builtinDefault, .unicode),
            (Size(width: 120, height: 40), .builtinDefault, .unicode),
        ]
        for (index, look) in looks.enumerated() {
            market.step(100, ticks: 5)
            let canvas = renderer.frame(state: market.state, now: market.now, size: look.0, theme: look.1, glyphs: look.2)
            #expect(canvas == Self.expected(market.state, market.now, look.0, theme: look.1, glyphs: look.2), "look \(index)")
        }
    }

    @Test func theAdapterSessionDrawsTheSame() {
        let scenario = AdapterScenario.session()
        for (width, height) in [(120, 40), (80, 24)] {
            var renderer = DashboardFrameRenderer(keymap: .defaults)
            let size = Size(width: width, height: height)
            for glyphs in [GlyphSet.unicode, .ascii] {
                let canvas = renderer.frame(state: scenario.state, now: scenario.now, size: size, theme: .builtinDefault,
                                            glyphs: glyphs)
                #expect(canvas == Self.expected(scenario.state, scenario.now, size, glyphs: glyphs))
            }
        }
    }

    @Test func onlyTheRowsThatFitAreBuilt() throws {
        let market = Market(symbols: 100)
        var renderer = DashboardFrameRenderer(keymap: .defaults)
        let size = Size(width: 120, height: 40)
        let screen = renderer.screen(state: market.state, now: market.now, size: size, glyphs: .unicode)
        let layout = DashboardView.layout(of: screen, size: size, glyphs: .unicode)
        let height = try #require(layout.panes[.watchlist]?.height)
        #expect(screen.watchlist.count <= height)
        #expect(screen.windows[.watchlist] == DashboardScreen.RowWindow(first: 0, total: 100))
        let ordersHeight = try #require(layout.panes[.orders]?.height)
        #expect(screen.orders.count <= ordersHeight)
        let full = DashboardScreen(state: market.state, now: market.now, keymap: .defaults)
        #expect(Array(full.watchlist.prefix(screen.watchlist.count)) == screen.watchlist)
        #expect(screen.status == full.status && screen.pnl == full.pnl && screen.selection == full.selection)
    }
}
