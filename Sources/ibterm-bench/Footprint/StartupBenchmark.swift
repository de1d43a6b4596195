import ArgumentParser
import Foundation

/// Process start to the dashboard's first frames, on the embedded paper gateway.
struct StartupBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "startup",
        abstract: "Time from process start to the dashboard's first full frame (embedded gateway).",
        discussion: """
            Starts the release `ibterm` (next to this benchmark) --runs times, each in a \
            pseudo-terminal of 120x40 with a fresh paper account, its own home folders and a \
            watchlist of --symbols stocks, and times from just before the process is spawned \
            (Foundation's Process.run) to the first terminal output holding the watchlist pane's \
            title (the first frame: the full layout, connecting) and to the first holding the \
            PAPER badge (the first frame connected to the embedded gateway: its accounts are \
            known). Prints the median, minimum and maximum over the runs in milliseconds; the \
            goal (under 200 ms) applies to the connected frame. Wall-clock times: run on a quiet \
            machine.
            """
    )

    @Option(help: "How many times to start the dashboard.")
    var runs: Int = 10

    @Option(help: "Symbols on the watchlist.")
    var symbols: Int = 30

    @Option(help: "The ibterm binary (default: next to this benchmark).")
    var binary: String?

    func run() async throws {
        let path = try BenchSetup.ibterm(binary)
        let list = try BenchSetup.stocks(symbols)
        var first: [Duration] = []
        var connected: [Duration] = []
        for _ in 0..<max(1, runs) {
            let dashboard = try DashboardProcess(binary: path, arguments: ["--seed", "7"], configText: BenchSetup.config(watchlist: list))
            defer { dashboard.stop() }
            first.append(try await dashboard.waitForOutput("Watchlist"))
            connected.append(try await dashboard.waitForOutput("PAPER"))
        }
        for (name, values) in [("startup-first-frame", first), ("startup-connected-frame", connected)] {
            print("\(name)-p50: \(BenchSetup.milliseconds(BenchSetup.percentile(values, 0.5))) ms")
            print("\(name)-min: \(BenchSetup.milliseconds(values.min()!)) ms")
            print("\(name)-max: \(BenchSetup.milliseconds(values.max()!)) ms")
        }
        print("startup-runs: \(first.count) runs (\(list.count) symbols)")
    }
}
