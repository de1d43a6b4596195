import ArgumentParser

/// `ibterm-bench`: measured figures for ibterm's hot paths. Run with a release build:
/// `swift run -c release ibterm-bench decode`.
@main
struct IBTermBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ibterm-bench",
        abstract: "Benchmarks for ibterm (run with -c release).",
        subcommands: [
            DecodeBenchmark.self, FrameBenchmark.self, GatewayOrdersBenchmark.self, OrderRoundtripBenchmark.self, TickToScreenBenchmark.self,
            StartupBenchmark.self, CPUBenchmark.self, RSSBenchmark.self, SoakBenchmark.self, EngineFloodsBenchmark.self, RecorderBenchmark.self,
            BridgeBenchmark.self,
        ]
    )
}
