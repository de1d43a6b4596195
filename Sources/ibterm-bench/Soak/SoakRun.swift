import Foundation
import Logging
import PaperGateway
import TWSClient
import TWSSession
import TWSWire

/// One soak: the embedded paper gateway (fresh SQLite ledger in a temporary file) and ibterm's
/// real ``IBClient`` with its default keepalive and reconnect policy, quotes streaming and a
/// worker placing and cancelling orders, while the gateway drops or half-opens the connection
/// again and again. Afterwards the client's view is compared with the gateway's ledger.
struct SoakRun {
    let options: SoakOptions

    /// What one fault did.
    struct FaultRecord: Sendable {
        enum Kind: String, Sendable { case dropped, halfOpen = "half-open" }
        var kind: Kind
        /// Fault to the client's first state that is not usable; `nil` when never detected.
        var detection: Duration?
        /// Loss to usable again; `nil` when the client never became usable.
        var reconnect: Duration?
        /// Symbols that ticked after the client was usable again.
        var restoredSymbols: Int
    }

    /// Runs the soak and judges it.
    func run() async throws -> SoakReport {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("soak-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let server = try await PaperGatewayServer.start(configuration: GatewayConfiguration(
            port: 0, seed: options.seed, statePath: path, fresh: true, logger: Self.quietLogger("soak.gateway")))
        let clock = SystemTWSClock()
        var configuration = TWSClientConfiguration()
        configuration.clock = clock
        configuration.reconnectSeed = options.seed
        let client = IBClient(configuration: configuration, logger: Self.quietLogger("soak.client"))
        let observer = SoakObserver(clock: clock)
        let states = await client.connectionStates()
        let stateTask = Task { for await status in states { await observer.record(state: status) } }
        try await client.connect(host: server.host, port: server.port, clientId: options.clientId)

        let symbols = try GatewayLedgerView.stockSymbols(count: options.symbols)
        var quoteTasks: [Task<Void, Never>] = []
        for symbol in symbols {
            let stream = await client.subscribeQuotes(Contract(symbol: symbol, secType: "STK", exchange: "SMART", currency: "USD"))
            quoteTasks.append(Task {
                for await event in stream {
                    switch event {
                    case .update: await observer.record(tick: symbol)
                    case .gap: await observer.recordQuoteGap()
                    case .resumed: await observer.recordQuoteResumed()
                    case .notice: break
                    }
                }
            })
        }
        let start = clock.now()
        guard await Self.waitUntil(.seconds(15), { await observer.symbolsTicked(after: start, of: symbols) == symbols.count }) else {
            throw BenchFailure("the quotes did not start streaming")
        }

        let worker = SoakWorker(
            client: client, observer: observer, symbols: symbols, seed: options.seed &+ 1, pause: options.actionPause)
        let workerTask = Task { await worker.run() }
        var generator = SeededGenerator(seed: options.seed)
        var faults: [FaultRecord] = []
        var settledAt = start
        var syncDrops: [Duration?] = []
        for index in 0..<options.disconnects {
            try await Task.sleep(for: .milliseconds(Int.random(in: options.faultDelay, using: &generator)))
            let drawn: FaultRecord.Kind = Double.random(in: 0..<1, using: &generator) < options.halfOpenShare ? .halfOpen : .dropped
            let kind = options.kindCycle.map { $0[index % $0.count] } ?? drawn
            let injected = clock.now()
            try await server.inject(kind == .dropped ? .dropAllConnections : .beginHalfOpen)
            var lost = await Self.waitFor(.seconds(15)) { await observer.firstNotUsable(since: injected) }
            var record = FaultRecord(kind: kind, detection: lost.map { $0.at - injected }, reconnect: nil, restoredSymbols: 0)
            if kind == .halfOpen { try await server.inject(.endHalfOpen) }
            if Double.random(in: 0..<1, using: &generator) < options.dropDuringSyncShare,
                let syncing = await Self.waitFor(.seconds(15), { await observer.first(.synchronizing, after: lost?.at ?? injected) }) {
                let dropped = clock.now()
                try await server.inject(.dropAllConnections)
                let again = await Self.waitFor(.seconds(15)) { await observer.firstNotUsable(since: max(dropped, syncing.at.advanced(by: .nanoseconds(1)))) }
                syncDrops.append(again.map { $0.at - dropped })
                lost = again ?? lost
            }
            let back = await Self.waitFor(.seconds(60)) { await observer.firstUsable(after: lost?.at ?? injected) }
            if let back {
                record.reconnect = back.at - (lost?.at ?? injected)
                _ = await Self.waitUntil(.seconds(10)) { await observer.symbolsTicked(after: back.at, of: symbols) == symbols.count }
                record.restoredSymbols = await observer.symbolsTicked(after: back.at, of: symbols)
                settledAt = back.at
            }
            faults.append(record)
            if options.verbose {
                FileHandle.standardError.write(Data(("\(injected) fault \(index + 1)/\(options.disconnects) \(kind.rawValue): detected \(record.detection.map { "\(Self.milliseconds($0)) ms" } ?? "never"), usable again \(record.reconnect.map { "\(Self.milliseconds($0)) ms" } ?? "never"), \(record.restoredSymbols)/\(symbols.count) quotes ticking\n").utf8))
            }
            if back == nil { break }
        }
        _ = settledAt

        // Let the last orders of the worker play out, then stop it and let everything settle.
        try await Task.sleep(for: .seconds(1))
        workerTask.cancel()
        await workerTask.value
        _ = await Self.waitUntil(.seconds(30)) { await observer.isUsable }
        try await Task.sleep(for: .seconds(2))

        // The client's view, requested as the dashboard would.
        let clientView = try await ClientView.request(from: client)
        let gatewayBefore = try await GatewayLedgerView.read(server)

        // Cancel what still rests; every order stream must then end.
        try? await client.cancelAllOrders()
        _ = await Self.waitUntil(.seconds(20)) { await observer.openStreams == 0 }
        try await Task.sleep(for: .seconds(1))
        let gatewayAfter = try await GatewayLedgerView.read(server)
        let traces = await observer.orders
        let tally = await worker.tally
        let losses = await observer.lossCount
        let ticks = await observer.tickCount
        let stateChanges = await observer.states

        for task in quoteTasks { task.cancel() }
        await client.disconnect()
        stateTask.cancel()
        try await server.stop()

        // The SQLite ledger, reopened by a new gateway, must hold what the live one held.
        let reopened = try await PaperGatewayServer.start(configuration: GatewayConfiguration(
            port: 0, seed: options.seed, statePath: path, fresh: false, tickIntervalMilliseconds: nil,
            logger: Self.quietLogger("soak.gateway")))
        let ledger = try await GatewayLedgerView.read(reopened)
        try await reopened.stop()

        return SoakReport(
            options: options, symbols: symbols.count, faults: faults, tally: tally, losses: losses, syncDrops: syncDrops,
            ticks: ticks, traces: traces, stateChanges: stateChanges, clientView: clientView, gatewayBefore: gatewayBefore,
            gatewayAfter: gatewayAfter, ledger: ledger)
    }

    // MARK: Helpers

    static func quietLogger(_ label: String) -> Logger {
        var logger = Logger(label: label)
        let environment = ProcessInfo.processInfo.environment
        let setting = environment[label == "soak.gateway" ? "SOAK_GATEWAY_LOG" : "SOAK_CLIENT_LOG"] ?? environment["SOAK_LOG"]
        logger.logLevel = setting.flatMap { Logger.Level(rawValue: $0) } ?? .critical
        return logger
    }

    /// Polls `condition` every 10 ms for at most `timeout`.
    static func waitUntil(_ timeout: Duration, _ condition: () async -> Bool) async -> Bool {
        await waitFor(timeout) { await condition() ? true : nil } ?? false
    }

    /// Polls `value` every 10 ms for at most `timeout` until it is not `nil`.
    static func waitFor<T>(_ timeout: Duration, _ value: () async -> T?) async -> T? {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while true {
            if let found = await value() { return found }
            if clock.now >= deadline { return nil }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }
}
