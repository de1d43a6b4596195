import ArgumentParser
import Foundation

/// CPU time per wall second of an idle dashboard whose quotes stream.
struct CPUBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cpu",
        abstract: "CPU of an idle dashboard (UI, client and embedded gateway) with quotes streaming.",
        discussion: """
            Starts the release `ibterm` in a pseudo-terminal of 120x40 on its embedded paper \
            gateway (fresh paper account, --symbols stocks on the watchlist; the simulated \
            market moves every instrument about 4 times a second, each update a few ticks), \
            waits until the status bar counts every quote live (resizing the terminal to make \
            the dashboard redraw the whole screen), lets it settle for 2 s, then reads the \
            process's CPU time (utime+stime of /proc/PID/stat, every thread) before and after \
            --seconds of wall time without touching it. Prints CPU seconds per wall second as \
            a percentage of one core (goal: under 1.5 %), the share of each thread (by name), \
            context switches per second (wake-ups) and the terminal output rate.
            """
    )

    @Option(help: "Symbols on the watchlist.")
    var symbols: Int = 30

    @Option(help: "Seconds of streaming to measure over.")
    var seconds: Int = 30

    @Option(help: "The ibterm binary (default: next to this benchmark).")
    var binary: String?

    @Option(help: "The terminal size, COLUMNSxROWS.")
    var size: String = "120x40"

    @Flag(help: "Show every watchlist column (sizes, open/high/low, sparkline, position).")
    var allColumns = false

    @Flag(help: "Turn the dashboard's flight recorder off ([trace] enabled = false; it records by default).")
    var noRecorder = false

    func run() async throws {
        let path = try BenchSetup.ibterm(binary)
        let list = try BenchSetup.stocks(symbols)
        let parts = size.split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, parts[0] >= 80, parts[1] >= 24 else { throw BenchFailure("--size must be COLUMNSxROWS, at least 80x24") }
        let dashboard = try await BenchSetup.streamingDashboard(
            path, watchlist: list, allColumns: allColumns, columns: parts[0], rows: parts[1], recorder: !noRecorder)
        defer { dashboard.stop() }
        try await Task.sleep(for: .seconds(2))
        let probe = ProcessProbe(pid: dashboard.pid)
        let threadsBefore = Dictionary(try probe.threads().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let cpuBefore = try probe.cpuTime()
        let switchesBefore = try probe.contextSwitches()
        let bytesBefore = dashboard.outputCount
        let clock = ContinuousClock()
        let start = clock.now
        try await Task.sleep(for: .seconds(seconds))
        let cpu = try probe.cpuTime() - cpuBefore
        let switches = try probe.contextSwitches() - switchesBefore
        let bytes = dashboard.outputCount - bytesBefore
        let threadsAfter = try probe.threads()
        let wall = BenchSetup.seconds(clock.now - start)
        func percent(_ duration: Duration) -> String { String(format: "%.2f", BenchSetup.seconds(duration) / wall * 100) }
        print("cpu: \(percent(cpu)) % of one core (\(list.count) symbols, \(size)\(allColumns ? ", every column" : "")\(noRecorder ? ", flight recorder off" : ""), \(String(format: "%.1f", wall)) s)")
        var byName: [String: Duration] = [:]
        for thread in threadsAfter {
            byName[thread.name, default: .zero] += thread.cpu - (threadsBefore[thread.id]?.cpu ?? .zero)
        }
        for (name, used) in byName.sorted(by: { $0.value > $1.value }) where used > .zero {
            print("cpu-thread-\(name.replacingOccurrences(of: " ", with: "_")): \(percent(used)) % of one core")
        }
        print("threads: \(threadsAfter.count) threads")
        print("wakeups: \(Int(Double(switches) / wall)) context switches/s")
        print("terminal-output: \(Int(Double(bytes) / wall)) bytes/s")
    }
}
