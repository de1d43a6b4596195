import CursesTerminal
import Dashboard
import DashboardFeed
import DashboardRuntime
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Logging
import PaperExchange
import PaperGateway
import TerminalUI
import TWSClient
import TWSWire

/// When `tick-to-screen` draws frames.
enum TickPacing: String, Sendable, CaseIterable {
    /// A frame as soon as the store changed (``FrameScheduler/immediate``). Ticks applied while
    /// a frame is being drawn wait for the next one, which starts right after (coalescing: one
    /// frame per batch): the pipeline's own latency.
    case immediate
    /// The dashboard as shipped (``FrameScheduler/shipped``): a change on an idle screen drawn
    /// at once, changes under load coalesced, at most 60 frames a second.
    case shipped

    /// The scheduler the terminal loop runs with.
    var scheduler: FrameScheduler {
        switch self {
        case .immediate: .immediate
        case .shipped: .shipped
        }
    }
}

/// Keeps what the terminal loop reports of each frame, on the loop's thread; read after the
/// loop ended.
final class FrameRecorder: @unchecked Sendable {
    private(set) var frames: [FrameReport] = []
    private var lastCanvas: Canvas?

    init() {
        frames.reserveCapacity(65_536)
    }

    /// The loop's frame observer.
    func record(_ report: FrameReport, _ canvas: Canvas) {
        frames.append(report)
        lastCanvas = canvas
    }

    /// The last frame's text (rows), for telling which symbols were on screen.
    var lastFrameLines: [String] { lastCanvas?.lines ?? [] }
}

/// One run of `tick-to-screen`: the paper gateway in process streaming quotes for `symbols`
/// subscriptions over loopback to a real `IBClient`, each update mapped by `DashboardFeed`,
/// applied by the dashboard's own store, drawn and presented by the dashboard's own terminal
/// loop (`DashboardRuntime`) on a back end of the benchmark's choice.
struct TickPipeline {
    var symbols: Int
    var rate: Int
    var seconds: Int
    var warmupSeconds: Int
    var gatewayIntervalMilliseconds: Int64
    var pacing: TickPacing
    /// Whether the client records every frame in a flight recorder.
    var recorder = false

    /// What a run measured.
    struct Result {
        var latencies: TickLatencies
        var frames: [FrameReport]
        var window: Range<ContinuousClock.Instant>
        /// How many of the subscribed symbols the last frame showed (the watchlist pane shows
        /// as many rows as fit; the others' ticks are drawn into the state but off screen).
        var visibleSymbols: Int
    }

    /// Runs the pipeline; `makeTerminal` is called on the render thread.
    func run(inputFD: Int32, makeTerminal: @escaping @Sendable () throws -> any LoopTerminal) async throws -> Result {
        var quiet = Logger(label: "bench")
        quiet.logLevel = .critical
        let universe = try Self.universe(count: symbols)
        let list = universe.instruments.prefix(symbols).map(\.symbol)
        let log = GatewayTickLog()
        var gatewayConfiguration = GatewayConfiguration(
            port: 0, seed: 11, tickIntervalMilliseconds: gatewayIntervalMilliseconds,
            maxMarketDataLines: max(100, symbols), logger: quiet)
        gatewayConfiguration.marketUpdateIntervalMilliseconds = max(2, Int64(1000 / max(1, rate)))
        gatewayConfiguration.writeObserver = { log.observe($0) }
        let server = try await PaperGatewayServer.start(configuration: gatewayConfiguration, universe: universe)

        var config = DashboardConfig()
        config.watchlist = list
        let wakeup = TerminalWakeup(inputFD: inputFD)
        // Effects are dropped: the benchmark subscribes itself and sends no orders.
        let store = DashboardStore(config: config, clock: SystemTWSClock(), perform: { _ in }, changed: { wakeup.wake() })
        store.send(.connecting(gateway: "\(server.host):\(server.port)"))
        store.send(.started)
        let recorder = FrameRecorder()
        let loop = TerminalLoop(
            store: store, wakeup: wakeup, signals: nil, look: TerminalLoop.Look(theme: .builtinDefault, glyphs: .unicode),
            keyInput: DashboardKeyInput(keymap: .defaults), pacing: pacing.scheduler, timeZone: .utc,
            frameObserver: { recorder.record($0, $1) }, terminal: makeTerminal)
        async let exit = loop.runOnOwnThread(named: "tick-to-screen.render")

        var clientConfiguration = TWSClientConfiguration()
        clientConfiguration.recorder = self.recorder ? FlightRecorder() : nil
        let client = IBClient(configuration: clientConfiguration, logger: quiet)
        let session = try await client.connect(host: server.host, port: server.port, clientId: 1)
        store.send(.connected(serverVersion: session.serverVersion, accounts: session.accounts, nextOrderID: nil))
        // Subscribed one after the other, so the gateway sees the ticker ids in this order; all
        // into one feed, as the dashboard subscribes (the ticks of one read are one batch).
        let feed = client.makeQuoteFeed()
        for (index, symbol) in list.enumerated() {
            store.send(.quoteRequested(symbol: symbol, requestID: 1_000_000_000 + index, instrumentClass: .stock))
            await client.subscribeQuotes(Contract(symbol: symbol, secType: "STK", exchange: "SMART", currency: "USD"), feed: feed, tag: index)
        }
        let reader = Task { [list] in
            var received = [[ReceivedQuote]](repeating: [], count: list.count)
            for index in received.indices { received[index].reserveCapacity(4096) }
            for await events in feed.events {
                var batch: [ObservedEvent] = []
                batch.reserveCapacity(events.count)
                let now = ContinuousClock.now
                for item in events where list.indices.contains(item.tag) {
                    let index = item.tag
                    guard let mapped = DashboardEvent(item.event, symbol: list[index], requestID: 1_000_000_000 + index) else { continue }
                    if case let .update(quote) = item.event {
                        received[index].append(ReceivedQuote(quote, receivedAt: now))
                        batch.append(ObservedEvent(mapped, observedAt: item.event.observedAt,
                                                   mark: EventMark(stream: Int32(index), sequence: Int32(received[index].count - 1))))
                    } else {
                        batch.append(ObservedEvent(mapped, observedAt: item.event.observedAt))
                    }
                }
                store.send(batch: batch)
            }
            return received
        }
        let clock = ContinuousClock()
        try await Task.sleep(for: .seconds(warmupSeconds))
        let start = clock.now
        try await Task.sleep(for: .seconds(seconds))
        let end = clock.now
        // Ticks written before `end` get time to be drawn.
        try await Task.sleep(for: .milliseconds(500))
        loop.stop()
        _ = try await exit.get()
        let frames = recorder.frames
        reader.cancel()
        let received = await reader.value
        await client.disconnect()
        try await server.stop()
        let latencies = TickLatencies(written: log.written(), received: received, frames: frames, window: start..<end)
        let words = Set(recorder.lastFrameLines.flatMap { $0.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) }.map(String.init))
        let visible = list.filter { words.contains($0) }.count
        return Result(latencies: latencies, frames: frames, window: start..<end, visibleSymbols: visible)
    }

    /// The bundled US stocks, then made-up ones (`SYN000`, ...) until there are `count`.
    static func universe(count: Int) throws -> InstrumentUniverse {
        let stocks = try GatewayResources.universe().instruments.filter { $0.secType == .stock }
        var instruments = Array(stocks.prefix(count))
        var index = 0
        while instruments.count < count {
            let model = stocks[index % stocks.count]
            instruments.append(Instrument(
                conId: 990_000 + index, symbol: String(format: "SYN%03d", index), secType: .stock, exchange: "SMART",
                primaryExchange: "NASDAQ", currency: "USD", localSymbol: String(format: "SYN%03d", index), tradingClass: "NMS",
                minTick: model.minTick, multiplier: 1, longName: "SYNTHETIC \(index)", lastTradeDateOrContractMonth: "",
                referencePrice: model.referencePrice, volatility: model.volatility))
            index += 1
        }
        return try InstrumentUniverse(instruments: instruments)
    }
}
