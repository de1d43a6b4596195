import ArgumentParser
import CursesTerminal
import DashboardRuntime
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Histogram
import TerminalUI

/// Gateway write to presented frame, per quote tick, through the whole dashboard pipeline.
struct TickToScreenBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tick-to-screen",
        abstract: "Per-tick latency from the gateway's socket write to the dashboard frame that shows it.",
        discussion: """
            Starts the paper gateway in process (market updates every 1000/--rate ms per symbol, \
            i.e. --rate updates per second per symbol, each one to five tick messages; the \
            gateway's market timer every --gateway-interval ms) with --symbols US stocks (the \
            bundled ones, then made-up SYNnnn), and ibterm's IBClient over loopback subscribed \
            to each. Every quote update goes the dashboard's way, through the code ibterm ships \
            (DashboardRuntime): client decode, DashboardFeed's mapping to a DashboardEvent, \
            DashboardStore (the reducer under its lock), a wake-up of TerminalLoop's thread, \
            its FrameScheduler, DashboardScreen + DashboardView.render into a canvas, present.

            A write observer in the gateway stamps each tick (ContinuousClock, the same process) \
            just before its bytes are handed to the socket; the render thread stamps each frame \
            when present returns. The n-th tick written for a ticker id is paired with the n-th \
            update on that symbol's stream and checked against the client's quote; its latency is \
            the first presented frame whose state held it. Ticks written in the first \
            --warmup seconds are not counted; then --seconds are. Latencies go into an \
            HdrHistogram (3 significant digits); printed in microseconds.

            Back ends: headless (the canvas diff applied to an in-memory screen: TerminalUI has \
            no byte renderer, the diff is what a back end prints) in this process; curses \
            (CursesTerminal.present, ncurses writing to a pseudo-terminal, 120x40 by default) in \
            a child run of this benchmark whose pty the parent drains.

            Pacing: immediate draws a frame as soon as the store changed (ticks applied while a \
            frame is drawn are coalesced into the next frame, drawn right after): the pipeline's \
            latency. shipped is the dashboard as shipped, FrameScheduler.shipped: a change on an \
            idle screen is drawn at once (after its burst has been quiet for 0.5 ms, at most \
            2 ms), changes under load are coalesced, at most 60 frames a second.

            Figures are as good as the machine is quiet; lines read `name: value unit`.
            """
    )

    @Option(help: "Quote subscriptions.")
    var symbols: Int = 100

    @Option(help: "Market-data updates per second per symbol.")
    var rate: Int = 10

    @Option(help: "Seconds measured (after the warm-up).")
    var seconds: Int = 20

    @Option(help: "Seconds streamed before measuring.")
    var warmup: Int = 2

    @Option(name: .customLong("gateway-interval"), help: "The gateway's market timer in milliseconds (the shipped gateway: 100).")
    var gatewayInterval: Int64 = 10

    @Option(help: "headless, curses or both.")
    var backend: String = "both"

    @Option(help: "immediate, shipped or both.")
    var pacing: String = "both"

    @Option(help: "Terminal columns (both back ends).")
    var columns: Int = 120

    @Option(help: "Terminal rows (both back ends).")
    var rows: Int = 40

    @Flag(help: "Record every frame in a flight recorder (16 MiB, 10 min ring), as the dashboard does by default.")
    var recorder = false

    @Option(help: .hidden)
    var childOutput: String?

    func validate() throws {
        guard symbols > 0, rate > 0, seconds > 0, warmup >= 0, gatewayInterval > 0 else {
            throw ValidationError("--symbols, --rate, --seconds and --gateway-interval must be positive")
        }
        guard ["headless", "curses", "both"].contains(backend) else { throw ValidationError("--backend: headless, curses or both") }
        guard ["immediate", "shipped", "both"].contains(pacing) else { throw ValidationError("--pacing: immediate, shipped or both") }
    }

    func run() async throws {
        let pacings = pacing == "both" ? TickPacing.allCases : [TickPacing(rawValue: pacing)!]
        if let childOutput {
            // The curses child: stdin and stdout are the pty.
            var lines: [String] = []
            for pacing in pacings {
                // The dashboard's own terminal: ncurses as TerminalLoop starts it for ibterm.
                let result = try await pipeline(pacing).run(inputFD: STDIN_FILENO, makeTerminal: TerminalLoop.cursesTerminal(noColor: false))
                lines += report(result, backend: "curses", pacing: pacing)
            }
            try (lines.joined(separator: "\n") + "\n").write(toFile: childOutput, atomically: true, encoding: .utf8)
            return
        }
        print("tick-to-screen: \(symbols) symbols, \(rate) updates/s each, \(seconds) s after \(warmup) s warm-up, gateway timer \(gatewayInterval) ms, \(columns)x\(rows)\(recorder ? ", flight recorder on" : "")")
        if backend != "curses" {
            // A pipe nobody writes to stands in for the terminal's input.
            var fds: [Int32] = [-1, -1]
            guard pipe(&fds) == 0 else { throw BenchFailure("pipe failed") }
            defer { close(fds[0]); close(fds[1]) }
            let size = Size(width: columns, height: rows)
            for pacing in pacings {
                let result = try await pipeline(pacing).run(inputFD: fds[0]) { HeadlessTerminal(size: size) }
                report(result, backend: "headless", pacing: pacing).forEach { print($0) }
            }
        }
        if backend != "headless" {
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("tick-to-screen-\(UUID().uuidString).txt").path
            defer { try? FileManager.default.removeItem(atPath: output) }
            let arguments = [
                "tick-to-screen", "--symbols", "\(symbols)", "--rate", "\(rate)", "--seconds", "\(seconds)", "--warmup", "\(warmup)",
                "--gateway-interval", "\(gatewayInterval)", "--pacing", pacing, "--columns", "\(columns)", "--rows", "\(rows)",
                "--child-output", output,
            ] + (recorder ? ["--recorder"] : [])
            let perRun = seconds + warmup + 30
            try PseudoTerminalChild.run(arguments: arguments, columns: columns, rows: rows, timeout: .seconds(perRun * pacings.count))
            print(try String(contentsOfFile: output, encoding: .utf8), terminator: "")
        }
    }

    private func pipeline(_ pacing: TickPacing) -> TickPipeline {
        TickPipeline(
            symbols: symbols, rate: rate, seconds: seconds, warmupSeconds: warmup, gatewayIntervalMilliseconds: gatewayInterval, pacing: pacing,
            recorder: recorder)
    }

    private func report(_ result: TickPipeline.Result, backend: String, pacing: TickPacing) -> [String] {
        let name = "tick-to-screen-\(backend)" + (pacing == .shipped ? "-shipped" : "")
        let latencies = result.latencies
        let frames = result.frames.filter { result.window.contains($0.presentedAt) }
        func histogram(_ time: (FrameReport) -> Duration) -> Histogram<UInt64> {
            var histogram = Histogram<UInt64>(highestTrackableValue: 60_000_000_000, numberOfSignificantValueDigits: .three)
            for frame in frames {
                let duration = time(frame)
                _ = histogram.record(UInt64(max(0, duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)))
            }
            return histogram
        }
        let draw = histogram(\.drawTime)
        let model = histogram(\.modelTime)
        let render = histogram(\.renderTime)
        let present = histogram(\.presentTime)
        let ticksPerFrame = frames.isEmpty ? 0 : Double(frames.reduce(0) { $0 + $1.marks.count }) / Double(frames.count)
        let windowSeconds = Double(seconds)
        var lines = [
            "\(name)-p50: \(latencies.microseconds(atPercentile: 50)) us",
            "\(name)-p99: \(latencies.microseconds(atPercentile: 99)) us",
            "\(name)-p99.9: \(latencies.microseconds(atPercentile: 99.9)) us",
            "\(name)-max: \(latencies.histogram.max / 1000) us",
            "\(name)-to-stream-p50: \(latencies.received.valueAtPercentile(50) / 1000) us (write to the update on the quote stream)",
            "\(name)-to-stream-p99: \(latencies.received.valueAtPercentile(99) / 1000) us",
            "\(name)-ticks: \(latencies.histogram.totalCount) ticks (\(Int(Double(latencies.written) / windowSeconds)) ticks/s written)",
            "\(name)-lost: \(latencies.lost) ticks",
            "\(name)-mismatched: \(latencies.mismatched + latencies.phantom) ticks",
            "\(name)-frames: \(Int(Double(frames.count) / windowSeconds)) frames/s (\(String(format: "%.1f", ticksPerFrame)) ticks each)",
            "\(name)-frame-draw-p50: \(draw.valueAtPercentile(50) / 1000) us",
            "\(name)-frame-draw-p99: \(draw.valueAtPercentile(99) / 1000) us",
            "\(name)-frame-model-p50: \(model.valueAtPercentile(50) / 1000) us (DashboardScreen)",
            "\(name)-frame-render-p50: \(render.valueAtPercentile(50) / 1000) us (DashboardView.render)",
            "\(name)-frame-present-p50: \(present.valueAtPercentile(50) / 1000) us (\(backend == "curses" ? "CursesTerminal.present" : "diff + apply"))",
        ]
        lines.append("\(name)-visible-symbols: \(result.visibleSymbols) of \(symbols) symbols on screen")
        if latencies.unpairedSymbols > 0 { lines.append("\(name)-unpaired-symbols: \(latencies.unpairedSymbols) symbols") }
        return lines
    }
}
