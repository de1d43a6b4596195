import ArgumentParser
import Foundation

/// Startup time, CPU and memory of the real dashboard process.
struct DashboardBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Startup time, CPU and resident memory of the whole dashboard process.",
        discussion: """
            Starts the release `ibterm` (next to this benchmark) in a pseudo-terminal of 120x40 \
            on its embedded paper gateway with a fresh paper account and a watchlist of \
            --symbols US stocks; times process start to the first frame that shows the status \
            bar and to every quote being live; then samples CPU time (utime+stime from \
            /proc/PID/stat) over --seconds and reads VmRSS and VmHWM. The process holds the UI, \
            the client and the embedded gateway with its simulated market (4 updates per second \
            per symbol).
            """
    )

    @Option(help: "Symbols on the watchlist.")
    var symbols: Int = 30

    @Option(help: "Seconds of streaming to measure CPU over.")
    var seconds: Int = 30

    @Option(help: "The ibterm binary (default: next to this benchmark).")
    var binary: String?

    static let universe = [
        "AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "TSLA", "JPM", "SPY", "QQQ", "IWM", "AMD", "AVGO", "NFLX", "INTC",
        "ORCL", "CRM", "ADBE", "BAC", "WFC", "GS", "V", "MA", "XOM", "CVX", "JNJ", "UNH", "PG", "KO", "WMT",
    ]

    func run() async throws {
        let path = binary ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("ibterm").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw ValidationError("no ibterm at \(path): build it with `swift build -c release --product ibterm`")
        }
        let list = Array(Self.universe.prefix(max(1, min(symbols, Self.universe.count))))
        let config = "watchlist = [" + list.map { "\"\($0)\"" }.joined(separator: ", ") + "]\n"
        let dashboard = try DashboardProcess(binary: path, arguments: ["--seed", "7"], configText: config)
        defer { dashboard.stop() }
        let firstFrame = try await dashboard.waitForOutput("PAPER")
        let allLive = try await dashboard.waitForOutput("\(list.count) live")
        let before = try dashboard.cpuTime()
        let clock = ContinuousClock()
        let start = clock.now
        try await Task.sleep(for: .seconds(seconds))
        let wall = clock.now - start
        let used = try dashboard.cpuTime() - before
        let memory = try dashboard.memory()
        print("startup-first-frame: \(milliseconds(firstFrame)) ms")
        print("startup-all-quotes-live: \(milliseconds(allLive)) ms")
        print("cpu: \(String(format: "%.2f", Double(milliseconds(used)) / Double(milliseconds(wall)) * 100)) % of one core (\(list.count) symbols, \(seconds) s)")
        print("rss: \(String(format: "%.1f", Double(memory.resident) / 1_048_576)) MB steady, \(String(format: "%.1f", Double(memory.peak) / 1_048_576)) MB peak")
    }

    private func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }
}
