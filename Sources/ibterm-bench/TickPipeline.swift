import CursesTerminal
import Dashboard
import DashboardFeed
import Foundation
import Glibc
import Logging
import PaperExchange
import PaperGateway
import TerminalUI
import TWSClient
import TWSWire

/// One run of `tick-to-screen`: the paper gateway in process streaming quotes for `symbols`
/// subscriptions over loopback to a real `IBClient`, each update mapped by `DashboardFeed`,
/// applied by the reducer, drawn by `DashboardView` and presented by a back end.
struct TickPipeline {
    var symbols: Int
    var rate: Int
    var seconds: Int
    var warmupSeconds: Int
    var gatewayIntervalMilliseconds: Int64
    var pacing: TickRenderLoop.Pacing

    /// What a run measured.
    struct Result {
        var latencies: TickLatencies
        var frames: [TickRenderLoop.Frame]
        var window: Range<ContinuousClock.Instant>
        /// How many of the subscribed symbols the last frame showed (the watchlist pane shows
        /// as many rows as fit; the others' ticks are drawn into the state but off screen).
        var visibleSymbols: Int
    }

    /// Runs the pipeline; `makeBackend` is called on the render thread.
    func run(inputFD: Int32, makeBackend: @escaping () throws -> (backend: any TerminalBackend, depth: ColorDepth)) async throws -> Result {
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
        let store = TickStore(initial: DashboardState(config: config, now: TickStore.now()), changed: { wakeup.wake() })
        store.send(.connecting(gateway: "\(server.host):\(server.port)"))
        store.send(.started)
        let renderer = TickRenderLoop(store: store, wakeup: wakeup, pacing: pacing, makeBackend: makeBackend)
        async let rendered = renderer.run()

        let client = IBClient(configuration: TWSClientConfiguration(), logger: quiet)
        let session = try await client.connect(host: server.host, port: server.port, clientId: 1)
        store.send(.connected(serverVersion: session.serverVersion, accounts: session.accounts, nextOrderID: nil))
        // Subscribed one after the other, so the gateway sees the ticker ids in this order.
        var readers: [Task<[QuoteValues], Never>] = []
        for (index, symbol) in list.enumerated() {
            let requestID = 1_000_000_000 + index
            store.send(.quoteRequested(symbol: symbol, requestID: requestID, instrumentClass: .stock))
            let stream = await client.subscribeQuotes(Contract(symbol: symbol, secType: "STK", exchange: "SMART", currency: "USD"))
            readers.append(Task {
                var received: [QuoteValues] = []
                received.reserveCapacity(4096)
                for await event in stream {
                    guard let mapped = DashboardEvent(event, symbol: symbol, requestID: requestID) else { continue }
                    if case let .update(quote) = event {
                        received.append(QuoteValues(quote, receivedAt: ContinuousClock.now))
                        store.send(mapped, tick: TickStore.TickRef(symbol: Int32(index), sequence: Int32(received.count - 1)))
                    } else {
                        store.send(mapped)
                    }
                }
                return received
            })
        }
        let clock = ContinuousClock()
        try await Task.sleep(for: .seconds(warmupSeconds))
        let start = clock.now
        try await Task.sleep(for: .seconds(seconds))
        let end = clock.now
        // Ticks written before `end` get time to be drawn (paced frames come every 100 ms).
        try await Task.sleep(for: .milliseconds(500))
        renderer.stop()
        let frames = try await rendered
        var received: [[QuoteValues]] = []
        for reader in readers {
            reader.cancel()
            received.append(await reader.value)
        }
        await client.disconnect()
        try await server.stop()
        let latencies = TickLatencies(written: log.written(), received: received, frames: frames, window: start..<end)
        let words = Set(renderer.lastFrameLines.flatMap { $0.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) }.map(String.init))
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
