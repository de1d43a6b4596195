import ArgumentParser
import Foundation
import Dashboard
import Histogram
import TerminalUI
import Vocabulary

/// The cost of one dashboard frame: screen model, canvas render and diff, on a realistic state.
struct FrameBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frame",
        abstract: "The cost of one dashboard frame (screen model, render, diff) on a state with many subscriptions.",
        discussion: """
            Builds a dashboard state through the real reducer on a manual clock: a paper login, \
            --symbols subscribed quotes (most live, one stale, one delayed, one not entitled), \
            20 positions, 40 orders with their lifecycles (working, filled with executions and \
            commissions, cancelled, one rejected), and the gateway's notices. Then draws \
            --frames frames at --size, each after the clock moved --interval-ms and \
            --ticks-per-frame quote updates (seeded, random symbols, new last/bid/ask/volume) \
            went through the reducer; every 50th frame an order event or a fill arrives, every \
            10th a clock tick. The trader's selection moves down the watchlist every 25 frames.

            Each frame is timed in three parts (ContinuousClock): model (the state mapped to a \
            DashboardScreen), render (the screen drawn into a Canvas by DashboardView), diff \
            (CanvasDiff against the previous frame applied to an in-memory screen: what a \
            terminal back end computes before printing; ncurses output is not included). \
            Pipelines: shipped is DashboardScreen(state:now:keymap:) + DashboardView.render, \
            the stateless calls the app's render loop makes (every row of every pane built and \
            drawn each frame); cached is one DashboardFrameRenderer for the run (only the rows \
            that can be on screen are built, unchanged rows and panes are reused). The first \
            --warmup frames are not recorded. Figures go into HdrHistogram (3 significant \
            digits) and print in microseconds; the benchmark also checks, every --verify frames, \
            that the cached pipeline's canvas equals the shipped one's.
            """
    )

    @Option(help: "Quote subscriptions on the watchlist.")
    var symbols: Int = 100

    @Option(help: "Terminal size, WIDTHxHEIGHT.")
    var size: String = "120x40"

    @Option(help: "Frames measured.")
    var frames: Int = 5_000

    @Option(help: "Frames drawn before measuring.")
    var warmup: Int = 200

    @Option(name: .customLong("ticks-per-frame"), help: "Quote updates applied before each frame.")
    var ticksPerFrame: Int = 40

    @Option(name: .customLong("interval-ms"), help: "Milliseconds the clock moves per frame.")
    var intervalMs: Int64 = 100

    @Option(help: "shipped, cached or both.")
    var pipeline: String = "both"

    @Option(help: "Compare the cached canvas with the shipped one every N frames (0: never).")
    var verify: Int = 0

    @Option(help: "Seed of the tick sequence.")
    var seed: UInt64 = 1

    func run() throws {
        let parts = size.split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2 else { throw ValidationError("--size must be WIDTHxHEIGHT") }
        let size = Size(width: parts[0], height: parts[1])
        let pipelines = pipeline == "both" ? ["shipped", "cached"] : [pipeline]
        for name in pipelines {
            guard name == "shipped" || name == "cached" else { throw ValidationError("unknown pipeline \(name)") }
            var market = FrameMarket(symbols: symbols, seed: seed, intervalMs: intervalMs, ticksPerFrame: ticksPerFrame)
            var timings = FrameTimings()
            let terminal = HeadlessTerminal(size: size)
            var renderer = DashboardFrameRenderer(keymap: .defaults)
            var mismatches = 0
            for frame in 0..<(warmup + frames) {
                market.advance(frame: frame)
                let state = market.state
                let now = market.now
                let start = ContinuousClock.now
                let canvas: Canvas
                let modelEnd: ContinuousClock.Instant
                if name == "shipped" {
                    let screen = DashboardScreen(state: state, now: now, keymap: .defaults)
                    modelEnd = .now
                    canvas = DashboardView.render(screen, size: size, theme: .builtinDefault, glyphs: .unicode)
                } else {
                    let screen = renderer.screen(state: state, now: now, size: size, glyphs: .unicode)
                    modelEnd = .now
                    canvas = renderer.render(screen, size: size, theme: .builtinDefault, glyphs: .unicode)
                }
                let renderEnd = ContinuousClock.now
                terminal.present(canvas)
                let end = ContinuousClock.now
                if frame >= warmup {
                    timings.record(model: modelEnd - start, render: renderEnd - modelEnd, diff: end - renderEnd)
                }
                if verify > 0, frame % verify == 0, name == "cached" {
                    let expected = DashboardView.render(
                        DashboardScreen(state: state, now: now, keymap: .defaults), size: size,
                        theme: .builtinDefault, glyphs: .unicode)
                    if expected != canvas { mismatches += 1 }
                }
            }
            timings.print(name: "frame-\(name)")
            print("frame-\(name)-cells-printed: \(terminal.cellsPrinted / (warmup + frames)) cells/frame")
            if verify > 0, name == "cached" {
                print("frame-\(name)-mismatched: \(mismatches) of \((warmup + frames + verify - 1) / verify) checked frames")
            }
        }
    }
}

/// Per-part histograms of frame times, in nanoseconds.
struct FrameTimings {
    var model = FrameTimings.histogram()
    var render = FrameTimings.histogram()
    var diff = FrameTimings.histogram()
    var total = FrameTimings.histogram()

    static func histogram() -> Histogram<UInt64> {
        Histogram<UInt64>(highestTrackableValue: 10_000_000_000, numberOfSignificantValueDigits: .three)
    }

    static func nanoseconds(_ duration: Duration) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        return UInt64(max(0, seconds * 1_000_000_000 + attoseconds / 1_000_000_000))
    }

    mutating func record(model: Duration, render: Duration, diff: Duration) {
        self.model.record(Self.nanoseconds(model))
        self.render.record(Self.nanoseconds(render))
        self.diff.record(Self.nanoseconds(diff))
        total.record(Self.nanoseconds(model + render + diff))
    }

    func print(name: String) {
        func micros(_ value: UInt64) -> String {
            let tenths = (value + 50) / 100
            return "\(tenths / 10).\(tenths % 10)"
        }
        for (part, histogram) in [("total", total), ("model", model), ("render", render), ("diff", diff)] {
            Swift.print("\(name)-\(part): p50 \(micros(histogram.valueAtPercentile(50))) us, "
                + "p99 \(micros(histogram.valueAtPercentile(99))) us, "
                + "p99.9 \(micros(histogram.valueAtPercentile(99.9))) us, "
                + "max \(micros(histogram.max)) us")
        }
    }
}

/// A seeded market driving a dashboard state through the reducer on a manual clock.
struct FrameMarket {
    static let account = "DU0000001"
    static let firstTickerID = 1_000

    private(set) var state: DashboardState
    private var milliseconds: Int64 = 1_764_770_400_000  // 2025-12-03 14:00:00 UTC
    private let startMilliseconds: Int64 = 1_764_770_400_000
    private var random: UInt64
    private let intervalMs: Int64
    private let ticksPerFrame: Int
    private let symbols: [String]
    private var prices: [Double]
    private var volumes: [FixedDecimal]
    private var nextOrderID = 100
    private var executionCount = 0

    var now: EventTime {
        EventTime(instant: SessionInstant(offset: .milliseconds(milliseconds - startMilliseconds)),
                  wall: Timestamp(millisecondsSinceEpoch: milliseconds))
    }

    init(symbols count: Int, seed: UInt64, intervalMs: Int64, ticksPerFrame: Int) {
        symbols = (0..<count).map { Self.symbol($0) }
        var config = DashboardConfig()
        config.watchlist = symbols
        state = DashboardState(config: config, now: EventTime(instant: .origin, wall: Timestamp(millisecondsSinceEpoch: startMilliseconds)))
        random = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        self.intervalMs = intervalMs
        self.ticksPerFrame = ticksPerFrame
        prices = symbols.indices.map { 20 + Double(($0 * 37) % 400) + Double($0 % 7) * 0.13 }
        volumes = symbols.indices.map { FixedDecimal(1_000_000 + $0 * 123_457) }
        setUp()
    }

    /// `AAPL`-like four-letter names, distinct for the first 26^4 indices.
    static func symbol(_ index: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var value = index
        var name = ""
        for _ in 0..<4 {
            name.append(letters[value % 26])
            value /= 26
        }
        return String(name.reversed())
    }

    private mutating func send(_ event: DashboardEvent) {
        _ = state.apply(event, at: now)
    }

    private mutating func next() -> UInt64 {
        random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return random >> 33
    }

    private mutating func setUp() {
        send(.started)
        send(.connecting(gateway: "127.0.0.1:4002"))
        send(.connected(serverVersion: 178, accounts: [Self.account], nextOrderID: 100))
        send(.notice(Notice(code: 2104, text: "Market data farm connection is OK:usfarm")))
        send(.notice(Notice(code: 2106, text: "HMDS data farm connection is OK:ushmds")))
        send(.notice(Notice(code: 2158, text: "Sec-def data farm connection is OK:secdefnj")))
        for (index, symbol) in symbols.enumerated() {
            send(.quoteRequested(symbol: symbol, requestID: Self.firstTickerID + index, instrumentClass: .stock))
        }
        for key in [("NetLiquidation", "1000000.00"), ("BuyingPower", "4000000.00")] {
            send(.accountValue(key: key.0, value: key.1, currency: "USD", account: Self.account))
        }
        for index in symbols.indices { tick(index) }
        if symbols.count > 3 {
            send(.notice(Notice(requestID: Self.firstTickerID + 2, code: 354, text: "Requested market data is not subscribed.")))
            send(.notice(Notice(requestID: Self.firstTickerID + 3, code: 10167, text: "Displaying delayed market data.")))
        }
        for index in symbols.indices.prefix(20) {
            send(.position(PositionUpdate(account: Self.account, symbol: symbols[index], quantity: FixedDecimal((index % 5 + 1) * 100),
                                          averageCost: prices[index] * 0.98)))
        }
        send(.accountPnL(AccountPnL(daily: 1_234.5, unrealized: 5_678.9, realized: 321.0)))
        for _ in 0..<40 { orderEvent() }
    }

    /// One quote update for symbol `index`: last, bid and ask move a tick or two, volume grows.
    private mutating func tick(_ index: Int) {
        let step = (Double(Int(next() % 5)) - 2) * 0.01
        prices[index] = max(1, prices[index] + step)
        volumes[index] += FixedDecimal(Int(100 * (1 + next() % 20)))
        let last = (prices[index] * 100).rounded() / 100
        send(.quote(QuoteUpdate(symbol: symbols[index], bid: last - 0.01, ask: last + 0.01, last: last,
                                lastSize: FixedDecimal(Int(100 * (1 + next() % 5))), volume: volumes[index],
                                close: (prices[index] * 0.99 * 100).rounded() / 100)))
    }

    /// A new order: working, filled (with its execution and commission), cancelled, or rejected.
    private mutating func orderEvent() {
        let id = nextOrderID
        nextOrderID += 1
        let index = Int(next() % UInt64(max(1, min(symbols.count, 30))))
        let symbol = symbols[index]
        let side: OrderSide = next() % 2 == 0 ? .buy : .sell
        let quantity = FixedDecimal(Int(100 * (1 + next() % 5)))
        send(.openOrder(OpenOrderSnapshot(orderID: id, symbol: symbol, side: side, quantity: quantity, orderType: .limit,
                                        limitPrice: FixedDecimal(Int((prices[index] * 100).rounded())) / 100, status: .submitted)))
        send(.orderStatus(OrderStatusReport(orderID: id, status: .submitted, filled: 0, remaining: quantity)))
        switch next() % 8 {
        case 0, 1, 2:
            break  // working
        case 3, 4, 5:
            executionCount += 1
            let executionID = "0000\(executionCount).01"
            send(.execution(FillReport(executionID: executionID, orderID: id, symbol: symbol, side: side,
                                            shares: quantity, price: prices[index])))
            send(.commission(executionID: executionID, commission: 1.0, realizedPnL: nil))
            send(.orderStatus(OrderStatusReport(orderID: id, status: .filled, filled: quantity, remaining: 0,
                                                averageFillPrice: prices[index])))
        case 6:
            send(.orderStatus(OrderStatusReport(orderID: id, status: .cancelled, filled: 0, remaining: quantity)))
        default:
            send(.notice(Notice(requestID: id, code: 201, text: "Order rejected - reason: insufficient margin")))
            send(.orderStatus(OrderStatusReport(orderID: id, status: .inactive, filled: 0, remaining: quantity)))
        }
    }

    /// The events before frame `frame`: the clock moves, quotes tick (all but the not-entitled,
    /// delayed and one silent symbol), now and then an order event, a clock tick, a selection move.
    mutating func advance(frame: Int) {
        milliseconds += intervalMs
        let tickable = symbols.count
        for _ in 0..<ticksPerFrame where tickable > 0 {
            let index = Int(next() % UInt64(tickable))
            if symbols.count > 4, index == 4 { continue }  // silent: goes aging, then stale
            tick(index)
        }
        if frame % 50 == 49 { orderEvent() }
        if frame % 10 == 0 { send(.clockTick) }
        if frame % 25 == 24 { send(.user(.moveSelection(.down))) }
    }
}
