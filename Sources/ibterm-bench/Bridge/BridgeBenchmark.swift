import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Histogram
import Logging
import PaperGateway
import TWSClient
import TWSWire

/// Gateway write to the screens of a desk, through `ibterm bridge` and Redis Streams, against
/// a dashboard on the gateway itself, in one run.
struct BridgeBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bridge",
        abstract: "Tick-to-screen latency through the desk bridge (gateway → ibterm bridge → Redis → --source screens) against the direct path, and the bridge's CPU and memory.",
        discussion: """
            Everything measured is the release `ibterm` as it ships, in processes of its own: \
            a redis-server of the benchmark's (loopback, ACL user, no persistence); `ibterm \
            bridge` (client id 2) on the paper gateway, publishing desk `bench`; --screens \
            dashboards `ibterm --source redis://…/bench`, each in a pseudo-terminal of its own \
            (120x40 by default, TERM=xterm-256color, ncurses); and, at the same time, one \
            dashboard `ibterm --gateway` (client id 3) on the same gateway: the direct path. All \
            have the --symbols watchlist (the bundled US stocks, then made-up SYNnnn).

            The paper gateway runs in this process (market updates every 1000/--rate ms per \
            symbol, its market timer every --gateway-interval ms, as tick-to-screen) with a \
            write observer that stamps every bid, ask and last price (ContinuousClock) just \
            before its bytes are handed to a connection's socket. A reference client of the \
            benchmark's own (client id 1) subscribes the symbols one by one, so its ticker ids \
            name the symbols; the gateway writes one market update to every connection in the \
            same turn and order, so the other connections' ticker ids are matched to symbols by \
            their last 8 prices.

            A screen is timed where a trader sees it: the benchmark reads each dashboard's \
            terminal (the pty's master) on a thread that only copies, stamping each read. \
            Afterwards the reads are replayed through a small xterm emulator; each time the \
            Bid, Ask or Last cell of a symbol row shows another price, that price is paired \
            with the newest write of that column for that symbol, on the connection the screen \
            is fed from (the bridge's for --source screens), that reads the same (within the \
            cell's rounding) and is newer than the one the cell showed before; for a --source \
            screen it must also have been readable from Redis by then (below). Latency: the \
            read's instant minus the write's. Prices overwritten before a frame showed them \
            never reach the screen and are not counted (the dashboard coalesces them); only the \
            symbols the screen has room for are seen. Changes in the first --warmup seconds \
            are not counted; then --seconds are.

            Where the bridge path's time goes: a reader of the benchmark's own (one hiredis \
            connection, XREAD BLOCK on the desk's events stream, replies kept with their \
            arrival instant and decoded afterwards with DeskBus) sees each price the bridge \
            publishes; a symbol's entries are a run of its writes (one entry per tick, in wire \
            order), lined up by their prices: bridge-to-redis is the gateway write to that \
            XREAD returning. bridge-throughput compares the entries a second reaching Redis \
            with the quote messages a second the gateway wrote to the bridge: below, the \
            bridge falls further behind every second and its latencies grow with the run.

            Why child processes and not an in-process store: the bridge's reader \
            (DeskSubscriber) lives in the ibterm executable; timing the real processes measures \
            the code that ships, both paths the same way (the terminal read includes ncurses \
            and the pty, in both).

            The bridge's CPU is utime+stime from /proc/PID/stat over the measured window, as a \
            share of one core; its memory VmRSS at the end and VmHWM (peak). redis-server's \
            and the screens' CPU are given the same way. Figures are as good as the machine is \
            quiet (2 cores: the gateway, the bridge, Redis and every screen share them); lines \
            read `name: value unit`.
            """
    )

    @Option(help: "Dashboards on the bridge (ibterm --source).")
    var screens: Int = 3

    @Option(help: "Quote subscriptions (the watchlist of every process).")
    var symbols: Int = 100

    @Option(help: "Market-data updates per second per symbol.")
    var rate: Int = 10

    @Option(help: "Seconds measured (after the warm-up).")
    var seconds: Int = 20

    @Option(help: "Seconds streamed before measuring (the processes start in it).")
    var warmup: Int = 5

    @Option(name: .customLong("gateway-interval"), help: "The gateway's market timer in milliseconds (the shipped gateway: 100).")
    var gatewayInterval: Int64 = 10

    @Option(help: "Terminal columns of every screen.")
    var columns: Int = 120

    @Option(help: "Terminal rows of every screen.")
    var rows: Int = 40

    @Option(help: "The ibterm binary (default: the one next to this benchmark).")
    var ibterm: String?

    func validate() throws {
        guard screens > 0, symbols > 0, rate > 0, seconds > 0, warmup >= 0, gatewayInterval > 0 else {
            throw ValidationError("--screens, --symbols, --rate, --seconds and --gateway-interval must be positive")
        }
        guard columns >= 40, rows >= 10 else { throw ValidationError("--columns at least 40, --rows at least 10") }
    }

    static let desk = "bench"
    static let referenceClient = 1
    static let bridgeClient = 2
    static let directClient = 3

    func run() async throws {
        let binary = try BenchSetup.ibterm(ibterm)
        print("bridge: \(symbols) symbols, \(rate) updates/s each, \(screens) screens on the bridge and 1 direct, \(seconds) s after \(warmup) s warm-up, gateway timer \(gatewayInterval) ms, \(columns)x\(rows)")
        var quiet = Logger(label: "bench")
        quiet.logLevel = .critical
        let universe = try TickPipeline.universe(count: symbols)
        let list = universe.instruments.prefix(symbols).map(\.symbol)

        let redis = try await RedisServerProcess()
        defer { redis.stop() }
        // The children find their Redis user here (never on a command line).
        setenv("IBTERM_REDIS_USER", redis.user, 1)
        setenv("IBTERM_REDIS_PASSWORD", redis.password, 1)

        let log = PriceTickLog()
        var gatewayConfiguration = GatewayConfiguration(
            port: 0, seed: 11, tickIntervalMilliseconds: gatewayInterval, maxMarketDataLines: max(100, symbols), logger: quiet)
        gatewayConfiguration.marketUpdateIntervalMilliseconds = max(2, Int64(1000 / max(1, rate)))
        gatewayConfiguration.writeObserver = { log.observe($0) }
        let server = try await PaperGatewayServer.start(configuration: gatewayConfiguration, universe: universe)
        let gateway = "\(server.host):\(server.port)"

        // The reference: ticker ids in subscription order name the symbols.
        let client = IBClient(configuration: TWSClientConfiguration(), logger: quiet)
        _ = try await client.connect(host: server.host, port: server.port, clientId: Self.referenceClient)
        let feed = client.makeQuoteFeed()
        for (index, symbol) in list.enumerated() {
            _ = await client.subscribeQuotes(Contract(symbol: symbol, secType: "STK", exchange: "SMART", currency: "USD"), feed: feed, tag: index)
        }
        let drain = Task { for await _ in feed.events {} }

        let config = BenchSetup.config(watchlist: list)
        let address = "redis://127.0.0.1:\(redis.port)/\(Self.desk)"
        let bridge = try PipedProcess(binary: binary, arguments: [
            "bridge", "--redis", address, "--gateway", gateway, "--client-id", "\(Self.bridgeClient)", "--symbols", list.joined(separator: ","),
        ])
        var running: [RecordedScreen] = []
        var tap: BusTap?
        func stopAll() {
            for screen in running { screen.stop() }
            bridge.stop()
            try? FileManager.default.removeItem(at: bridge.home)
            _ = try? tap?.stop()
        }
        do {
            // Its stdout is a pipe (block-buffered); its log on stderr says when it streams.
            _ = try await bridge.waitForError(containing: "connection usable")
            tap = try BusTap(port: redis.port, user: redis.user, password: redis.password, stream: "ibterm:desk:\(Self.desk):events")
            running.append(try RecordedScreen(
                name: "direct", binary: binary, arguments: ["--gateway", gateway, "--client-id", "\(Self.directClient)"],
                configText: config, columns: columns, rows: rows))
            for index in 1...screens {
                running.append(try RecordedScreen(
                    name: "bridge-\(index)", binary: binary, arguments: ["--source", address], configText: config, columns: columns, rows: rows))
            }
        } catch {
            stopAll()
            throw error
        }

        let clock = ContinuousClock()
        let start: ContinuousClock.Instant, end: ContinuousClock.Instant
        let cpuBefore: (bridge: Duration, redis: Duration, screens: [Duration]), cpuAfter: (bridge: Duration, redis: Duration, screens: [Duration])
        let bridgeMemory: ProcessProbe.Memory, redisMemory: ProcessProbe.Memory
        let ticksToBridge: Int, entriesInWindow: Int, arrivals: [BusTap.Arrival]
        let recorded: [(name: String, chunks: [RecordedScreen.Chunk], columns: Int, rows: Int)]
        do {
            try await Task.sleep(for: .seconds(warmup))
            if let exited = running.first(where: { !$0.isRunning }) { throw BenchFailure("the \(exited.name) dashboard exited during the warm-up") }
            let probes = (bridge: ProcessProbe(pid: bridge.pid), redis: ProcessProbe(pid: redis.pid), screens: running.map { ProcessProbe(pid: $0.pid) })
            cpuBefore = (try probes.bridge.cpuTime(), try probes.redis.cpuTime(), try probes.screens.map { try $0.cpuTime() })
            let ticksBefore = log.quoteMessages(Self.bridgeClient)
            start = clock.now
            try await Task.sleep(for: .seconds(seconds))
            end = clock.now
            ticksToBridge = log.quoteMessages(Self.bridgeClient) - ticksBefore
            cpuAfter = (try probes.bridge.cpuTime(), try probes.redis.cpuTime(), try probes.screens.map { try $0.cpuTime() })
            bridgeMemory = try probes.bridge.memory()
            redisMemory = try probes.redis.memory()
            // Prices written before `end` get time to reach the screens.
            try await Task.sleep(for: .seconds(1))
            recorded = running.map { (name: $0.name, chunks: $0.chunks, columns: $0.columns, rows: $0.rows) }
            entriesInWindow = tap?.entries(in: start..<end) ?? 0
            arrivals = try tap?.stop() ?? []
            tap = nil
        } catch {
            stopAll()
            throw error
        }
        stopAll()
        drain.cancel()
        await client.disconnect()
        try await server.stop()
        redis.stop()

        let window = start..<end
        let reference = log.connection(Self.referenceClient)
        func prices(_ clientId: Int) -> (prices: [String: [PriceTickLog.Written]], mapped: Int) {
            let connection = log.connection(clientId)
            let mapping = TickerMapping.map(connection, reference: reference, before: end)
            var prices: [String: [PriceTickLog.Written]] = [:]
            for (reqId, index) in mapping where index < list.count { prices[list[index]] = connection.byRequest[reqId] ?? [] }
            return (prices, prices.count)
        }
        let direct = prices(Self.directClient)
        let bridged = prices(Self.bridgeClient)
        let bus = BusTap.align(arrivals, to: bridged.prices)
        var busUnread = 0
        var busLatency = Histogram<UInt64>(highestTrackableValue: 60_000_000_000, numberOfSignificantValueDigits: .three)
        for (symbol, writes) in bridged.prices {
            for (write, readable) in zip(writes, bus.available[symbol] ?? []) where window.contains(write.at) {
                // Read while the tap ran (not before it: those stand at the write's instant).
                if let readable, readable > write.at { _ = busLatency.record(TickLatencies.nanoseconds(readable - write.at)) }
                if readable == nil { busUnread += 1 }
            }
        }
        let symbolSet = Set(list)
        var results: [BridgeFigures.Screen] = []
        for screen in recorded {
            var reader = WatchlistReader(columns: screen.columns, rows: screen.rows, symbols: symbolSet)
            for chunk in screen.chunks { reader.feed(chunk.bytes, at: chunk.at) }
            let latencies = screen.name == "direct"
                ? ScreenLatencies(changes: reader.changes, prices: direct.prices, window: window)
                : ScreenLatencies(changes: reader.changes, prices: bridged.prices, window: window, available: bus.available)
            results.append(BridgeFigures.Screen(name: screen.name, latencies: latencies, visibleSymbols: reader.visible.count))
        }
        let windowSeconds = BenchSetup.seconds(end - start)
        func share(_ before: Duration, _ after: Duration) -> Double { BenchSetup.seconds(after - before) / windowSeconds * 100 }
        let figures = BridgeFigures(
            screens: results, bus: busLatency, busAligned: bus.aligned, busUnaligned: bus.unaligned, busUnread: busUnread,
            throughput: (written: Double(ticksToBridge) / BenchSetup.seconds(end - start), published: Double(entriesInWindow) / BenchSetup.seconds(end - start)), symbols: symbols, mappedDirect: direct.mapped, mappedBridge: bridged.mapped,
            bridgeCPUPercent: share(cpuBefore.bridge, cpuAfter.bridge), bridgeMemory: (bridgeMemory.resident, bridgeMemory.peak),
            redisCPUPercent: share(cpuBefore.redis, cpuAfter.redis), redisMemory: (redisMemory.resident, redisMemory.peak),
            screenCPUPercent: zip(cpuBefore.screens, cpuAfter.screens).map { share($0, $1) }, seconds: windowSeconds)
        figures.lines().forEach { print($0) }
    }
}
