import Dashboard
import Foundation
import PaperGateway

/// What the process benchmarks share: where the release `ibterm` is, which symbols a
/// watchlist of a given size holds, and small statistics.
enum BenchSetup {
    /// The `ibterm` binary: `override`, else the one next to this benchmark.
    static func ibterm(_ override: String?) throws -> String {
        let path = override ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("ibterm").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw BenchFailure("no ibterm at \(path): build it with `swift build -c release --product ibterm`")
        }
        return path
    }

    /// The first `count` US stocks and ETFs of the paper gateway's instruments, in file order.
    static func stocks(_ count: Int) throws -> [String] {
        let stocks = try GatewayResources.universe().instruments.filter { $0.secType == .stock }.map(\.symbol)
        guard count >= 1, count <= stocks.count else {
            throw BenchFailure("--symbols must be 1...\(stocks.count) (the stocks the paper gateway knows)")
        }
        return Array(stocks.prefix(count))
    }

    /// A config file holding `symbols` as the watchlist, with every watchlist column (sizes,
    /// open/high/low, sparkline, position) when `allColumns`; without the flight recorder
    /// (`[trace] enabled = false`) unless `recorder`.
    static func config(watchlist symbols: [String], allColumns: Bool = false, recorder: Bool = true) -> String {
        let list = "[" + symbols.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        let trace = recorder ? "" : "[trace]\nenabled = false\n"
        guard allColumns else { return "watchlist = \(list)\n" + trace }
        let columns = WatchlistColumn.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        return "[watchlist]\nsymbols = \(list)\ncolumns = [\(columns)]\n" + trace
    }

    /// Starts the release dashboard at `path` on its embedded gateway (seed 7, fresh account)
    /// with `watchlist` and returns it once the status bar counts every quote live.
    static func streamingDashboard(
        _ path: String, watchlist: [String], allColumns: Bool = false, columns: Int = 120, rows: Int = 40, recorder: Bool = true
    ) async throws -> DashboardProcess {
        let dashboard = try DashboardProcess(
            binary: path, arguments: ["--seed", "7"], columns: columns, rows: rows,
            configText: config(watchlist: watchlist, allColumns: allColumns, recorder: recorder))
        do {
            _ = try await dashboard.waitForOutput("PAPER")
            _ = try await dashboard.waitForScreen("\(watchlist.count) live")
            return dashboard
        } catch {
            dashboard.stop()
            throw error
        }
    }

    /// Mebibytes with one decimal.
    static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f", Double(bytes) / 1_048_576)
    }

    /// Milliseconds with one decimal.
    static func milliseconds(_ duration: Duration) -> String {
        String(format: "%.1f", seconds(duration) * 1000)
    }

    /// A duration in seconds.
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// The value at `fraction` (0...1) of the sorted `values` (nearest rank).
    static func percentile<T: Comparable>(_ values: [T], _ fraction: Double) -> T {
        let sorted = values.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return sorted[max(0, min(sorted.count - 1, rank))]
    }
}
