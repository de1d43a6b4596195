import Foundation
import Histogram

/// What `bridge` prints: latencies of the direct screen and of the bridge's screens (each, and
/// all together), how much was paired, and the cost of the bridge and Redis.
struct BridgeFigures {
    /// One screen's result.
    struct Screen {
        var name: String
        var latencies: ScreenLatencies
        var visibleSymbols: Int
    }

    var screens: [Screen]
    /// Gateway write to the benchmark's own `XREAD` returning the bridge's entry for it.
    var bus = Histogram<UInt64>(highestTrackableValue: 60_000_000_000, numberOfSignificantValueDigits: .three)
    /// Prices read from the stream that were (not) matched to a write, in order.
    var busAligned = 0
    var busUnaligned = 0
    /// Prices written in the window that had not reached Redis 1 s after it ended.
    var busUnread = 0
    /// Quote messages a second the gateway wrote to the bridge, and entries a second that
    /// reached the events stream, over the window.
    var throughput: (written: Double, published: Double) = (0, 0)
    var symbols: Int
    /// Ticker ids of the direct dashboard's and the bridge's connections matched to a symbol.
    var mappedDirect: Int
    var mappedBridge: Int
    var bridgeCPUPercent: Double
    var bridgeMemory: (resident: Int, peak: Int)
    var redisCPUPercent: Double
    var redisMemory: (resident: Int, peak: Int)
    /// Per screen, in `screens` order.
    var screenCPUPercent: [Double]
    var seconds: Double

    /// The report's lines, `name: value unit`.
    func lines() -> [String] {
        var lines: [String] = []
        func latency(_ name: String, _ histogram: Histogram<UInt64>) {
            lines.append("\(name)-p50: \(histogram.valueAtPercentile(50) / 1000) us")
            lines.append("\(name)-p99: \(histogram.valueAtPercentile(99) / 1000) us")
            lines.append("\(name)-max: \(histogram.max / 1000) us")
        }
        let direct = screens.filter { $0.name == "direct" }
        let bridged = screens.filter { $0.name != "direct" }
        for screen in direct {
            latency("direct", screen.latencies.histogram)
            lines.append(changes("direct", [screen]))
        }
        if throughput.written > 0 {
            lines.append("bridge-throughput: \(Int(throughput.published)) entries/s reached Redis, \(Int(throughput.written)) quote messages/s written to the bridge")
        }
        if bus.totalCount > 0 {
            latency("bridge-to-redis", bus)
            lines.append("bridge-to-redis-prices: \(bus.totalCount) prices written in the window read from Redis, \(busUnread) not yet 1 s after it (gateway write to the benchmark's XREAD of the bridge's entry; \(busAligned) entries read in order, \(busUnaligned) not matched)")
        }
        var all = Histogram<UInt64>(highestTrackableValue: 60_000_000_000, numberOfSignificantValueDigits: .three)
        for screen in bridged { all.add(screen.latencies.histogram) }
        if !bridged.isEmpty {
            latency("bridge", all)
            lines.append(changes("bridge", bridged) + " (\(bridged.count) screens together)")
            for screen in bridged {
                let histogram = screen.latencies.histogram
                lines.append("\(screen.name)-p50/p99/max: \(histogram.valueAtPercentile(50) / 1000) / \(histogram.valueAtPercentile(99) / 1000) / \(histogram.max / 1000) us")
            }
        }
        lines.append("ticker-ids-matched: direct \(mappedDirect) of \(symbols), bridge \(mappedBridge) of \(symbols)")
        lines.append("bridge-process-cpu: \(Self.percent(bridgeCPUPercent)) % of a core (over \(String(format: "%.1f", seconds)) s)")
        lines.append("bridge-process-rss: \(BenchSetup.megabytes(bridgeMemory.resident)) MiB (peak \(BenchSetup.megabytes(bridgeMemory.peak)) MiB)")
        lines.append("redis-server-cpu: \(Self.percent(redisCPUPercent)) % of a core")
        lines.append("redis-server-rss: \(BenchSetup.megabytes(redisMemory.resident)) MiB (peak \(BenchSetup.megabytes(redisMemory.peak)) MiB)")
        for (screen, cpu) in zip(screens, screenCPUPercent) {
            lines.append("\(screen.name)-screen-cpu: \(Self.percent(cpu)) % of a core")
        }
        return lines
    }

    private func changes(_ name: String, _ screens: [Screen]) -> String {
        let paired = screens.reduce(0) { $0 + $1.latencies.paired }
        let unpaired = screens.reduce(0) { $0 + $1.latencies.unpaired }
        let written = screens.reduce(0) { $0 + $1.latencies.written }
        let visible = screens.map { "\($0.visibleSymbols)" }.joined(separator: "/")
        return "\(name)-changes: \(paired) price changes on screen paired, \(unpaired) unpaired, of \(written) prices written for the \(visible) symbols on screen"
    }

    /// A percentage with one decimal.
    static func percent(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}
