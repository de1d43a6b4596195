import ArgumentParser
import Foundation
import Synchronization

/// Resident memory of the whole dashboard, and of a client alone, with quotes streaming.
struct RSSBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rss",
        abstract: "Peak and steady resident memory: the whole dashboard, and the client alone.",
        discussion: """
            Dashboard: starts the release `ibterm` in a pseudo-terminal of 120x40 on its \
            embedded paper gateway (one process: UI, client and gateway with its simulated \
            market and SQLite ledger; fresh paper account) with --symbols stocks on the \
            watchlist, waits until the status bar counts every quote live, then samples VmRSS \
            every 250 ms for --seconds. Client alone: starts `ibterm engine --port 0` as an \
            external gateway (a process of its own), then `ibterm quote --watch --gateway \
            HOST:PORT` on the same symbols (the headless client a script would run: IBClient \
            streaming --symbols subscriptions, one line per change written to a pipe this \
            benchmark drains), waits until every symbol printed a line and samples it the same \
            way; then the same with `ibterm-stream HOST:PORT SYMBOL...` (built next to the \
            benchmark: IBClient alone in a binary without Foundation, GRDB or ncurses). \
            Steady is the median of the samples of the second half; peak is the kernel's \
            high-water mark (VmHWM) since the process started. Also prints the anonymous \
            (heap, stacks, arenas) and file-backed (code, libraries) parts from \
            /proc/PID/smaps_rollup, and the largest mappings with --mappings. Goals: under \
            32 MB for the dashboard, under 20 MB for the client alone.
            """
    )

    @Option(help: "Symbols on the watchlist and subscribed by the client.")
    var symbols: Int = 100

    @Option(help: "Seconds of streaming to sample over, per process.")
    var seconds: Int = 30

    @Option(help: "Also print this many of the largest resident mappings of each process.")
    var mappings: Int = 0

    @Option(help: "The ibterm binary (default: next to this benchmark).")
    var binary: String?

    @Flag(help: "Turn the dashboard's flight recorder off ([trace] enabled = false; it records by default).")
    var noRecorder = false

    func run() async throws {
        let path = try BenchSetup.ibterm(binary)
        let list = try BenchSetup.stocks(symbols)

        let dashboard = try await BenchSetup.streamingDashboard(path, watchlist: list, recorder: !noRecorder)
        do {
            defer { dashboard.stop() }
            try await report("rss-dashboard", ProcessProbe(pid: dashboard.pid))
        }

        let state = FileManager.default.temporaryDirectory.appendingPathComponent("ibterm-bench-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: state) }
        let engine = try PipedProcess(binary: path, arguments: ["engine", "--port", "0", "--seed", "7", "--fresh", "--state", state])
        defer { engine.stop() }
        let listening = try await engine.waitForError(containing: "listening on")
        guard let port = listening.split(separator: ":").last.flatMap({ Int($0.prefix(while: \.isNumber)) }) else {
            throw BenchFailure("no port in the engine's log line: \(listening)")
        }
        let quoteWatch = try await client(
            "rss-client", binary: path, arguments: ["quote", "--watch", "--gateway", "127.0.0.1:\(port)"] + list, symbols: list)
        var clients = [("rss-client", quoteWatch)]
        let stream = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("ibterm-stream").path
        if FileManager.default.isExecutableFile(atPath: stream) {
            let lines = try await client("rss-client-stream", binary: stream, arguments: ["127.0.0.1:\(port)"] + list, symbols: list)
            clients.append(("rss-client-stream", lines))
        }
        for (name, lines) in clients { print("\(name)-lines: \(lines) quote lines printed") }
        let gateway = try ProcessProbe(pid: engine.pid).memory()
        print("rss-external-gateway: \(BenchSetup.megabytes(gateway.resident)) MB steady, \(BenchSetup.megabytes(gateway.peak)) MB peak (ibterm engine, for reference)")
    }

    /// Starts a streaming client, waits until it printed every symbol, samples it; returns the
    /// lines it printed.
    private func client(_ name: String, binary: String, arguments: [String], symbols: [String]) async throws -> Int {
        let seen = SeenSymbols()
        let wanted = Set(symbols)
        let client = try PipedProcess(binary: binary, arguments: arguments) { line in
            // `HH:MM:SS.mmm SYMBOL BID ...` (ibterm quote --watch) or `SYMBOL BID ...` (ibterm-stream)
            for word in line.split(separator: " ", maxSplits: 2).prefix(2) where wanted.contains(String(word)) {
                seen.insert(String(word))
            }
        }
        defer { client.stop() }
        try await waitForEverySymbol(symbols, client, seen)
        try await report(name, ProcessProbe(pid: client.pid))
        return client.outputLines
    }

    /// Samples `probe` every 250 ms for `seconds` and prints steady, peak and the split.
    private func report(_ name: String, _ probe: ProcessProbe) async throws {
        var samples: [Int] = []
        let clock = ContinuousClock()
        let end = clock.now + .seconds(seconds)
        while clock.now < end {
            samples.append(try probe.memory().resident)
            try await Task.sleep(for: .milliseconds(250))
        }
        let last = try probe.memory()
        let steady = BenchSetup.percentile(Array(samples.suffix(max(1, samples.count / 2))), 0.5)
        print("\(name)-steady: \(BenchSetup.megabytes(steady)) MB (\(symbols) subscriptions)")
        print("\(name)-peak: \(BenchSetup.megabytes(last.peak)) MB")
        print("\(name)-anonymous: \(BenchSetup.megabytes(last.anonymous)) MB")
        print("\(name)-file-backed: \(BenchSetup.megabytes(last.fileBacked)) MB")
        print("\(name)-threads: \(try probe.threads().count) threads")
        if mappings > 0 {
            for mapping in try probe.largestMappings(mappings) {
                print("\(name)-mapping \(mapping.name): \(BenchSetup.megabytes(mapping.resident)) MB")
            }
        }
    }

    /// Waits until the client printed a quote line for every symbol.
    private func waitForEverySymbol(_ symbols: [String], _ client: PipedProcess, _ seen: SeenSymbols) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if seen.containsAll(symbols) { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw BenchFailure("the client did not print every symbol within 60 s: \(client.errorText)")
    }
}

/// The symbols a streaming client has printed a line for.
private final class SeenSymbols: Sendable {
    private let symbols = Mutex<Set<String>>([])
    func insert(_ symbol: String) { _ = symbols.withLock { $0.insert(symbol) } }
    func containsAll(_ wanted: [String]) -> Bool { symbols.withLock { set in wanted.allSatisfy(set.contains) } }
}
