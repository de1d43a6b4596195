import ArgumentParser
import Foundation

/// Floods the shipping `ibterm engine` the ways issue #12 item 7 names and measures what the
/// floods cost another client and the engine's memory.
struct EngineFloodsBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engine-floods",
        abstract: "Floods the release `ibterm engine`; another client's answer time and the engine's memory meanwhile.",
        discussion: """
            For each flood in turn, starts the release `ibterm engine` built next to this \
            benchmark as a child process (`--port 0 --seed 7 --fresh`, a ledger in a temporary \
            folder; the port is read from its log), connects a well-behaved probe client (client \
            id 1, raw TWSWire frames over a blocking loopback socket) that sends reqCurrentTime \
            every 100 ms and times the round trip to CURRENT_TIME (one probe at a time: a stalled \
            engine shows as one long round trip), and samples the engine's VmRSS from \
            /proc/PID/status every 20 ms. After --idle seconds of probing the idle engine, the \
            flood runs; then its attackers disconnect and, --settle seconds later, the memory is \
            read again (the probe's figures cover the flood and the settle: a flood's answers may \
            still be on their way when its attackers stop). Floods: burst (10,000 reqMktData in one write, then a client writing \
            reqCurrentTime as fast as it can until disconnected), connections (40 attempted; 32 \
            are served), silent (20 sockets that never handshake), oversized (10 connections \
            announcing a 16 MiB frame and sending 4 MiB of it, half in the handshake, half after \
            START_API), history (a month of 1-minute bars asked 45 times a second for --seconds, \
            plus one request of the largest legal size, 69 days of 1-minute EUR.USD midpoints, \
            from a third client), unread (reqContractDetails as fast as the engine takes them, \
            never reading an answer, for --seconds). Prints per flood: the attackers' outcome, \
            the probe's round trip while idle and during the flood and settle (HdrHistogram: p50, p99, max; \
            unanswered probes), and the engine's resident memory at the flood's start \
            (baseline), its highest sample during the flood and the settle (peak), and after \
            the settle (after). Linux only (reads /proc).
            """
    )

    @Option(help: "The floods to run, comma-separated: \(EngineFlood.allCases.map(\.rawValue).joined(separator: ",")).")
    var floods: String = EngineFlood.allCases.map(\.rawValue).joined(separator: ",")

    @Option(help: "How long the history and unread floods go on, in seconds.")
    var seconds: Int = 20

    @Option(help: "Seconds the probe measures the idle engine before each flood.")
    var idle: Int = 2

    @Option(help: "Seconds after a flood before its 'after' memory is read.")
    var settle: Int = 2

    @Option(help: "The ibterm binary (default: next to this benchmark).")
    var binary: String?

    func run() async throws {
        let path = try BenchSetup.ibterm(binary)
        var chosen: [EngineFlood] = []
        for name in floods.split(separator: ",") {
            guard let flood = EngineFlood(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("unknown flood \(name); known: \(EngineFlood.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            chosen.append(flood)
        }
        for flood in chosen {
            try await measure(flood, engineBinary: path)
        }
    }

    private func measure(_ flood: EngineFlood, engineBinary: String) async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ibterm-bench-floods-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let state = home.appendingPathComponent("paper.sqlite").path
        let engine = try PipedProcess(
            binary: engineBinary, arguments: ["engine", "--port", "0", "--seed", "7", "--fresh", "--state", state], home: home)
        defer { engine.stop() }
        let listening = try await engine.waitForError(containing: "listening on")
        guard let port = listening.split(separator: ":").last.flatMap({ Int($0.prefix(while: \.isNumber)) }) else {
            throw BenchFailure("no port in the engine's log line: \(listening)")
        }
        let memory = MemorySampler(pid: engine.pid)
        defer { memory.stop() }
        let probe = try LatencyProbe(port: port, clientId: 1)
        defer { probe.stop() }
        let idleStart = ContinuousClock.now
        try await Task.sleep(for: .seconds(idle))
        let baseline = try memory.resident()
        try memory.resetPeak()
        let floodStart = ContinuousClock.now
        let figures = try flood.run(FloodTarget(port: port, seconds: seconds))
        let floodEnd = ContinuousClock.now
        try await Task.sleep(for: .seconds(settle))
        let settled = ContinuousClock.now
        let after = try memory.resident()
        let peak = memory.peak
        let name = "engine-floods-\(flood.rawValue)"
        print("\(name): \(flood.summary); \(String(format: "%.1f", BenchSetup.seconds(floodEnd - floodStart))) s")
        for figure in figures { print("\(name)-\(figure.name): \(figure.value)") }
        print("\(name)-probe-idle: \(ProbeFigures(probe.samples(in: idleStart..<floodStart)).summary)")
        print("\(name)-probe: \(ProbeFigures(probe.samples(in: floodStart..<settled)).summary)")
        print("\(name)-rss: baseline \(BenchSetup.megabytes(baseline)) MB, peak \(BenchSetup.megabytes(peak)) MB, after \(BenchSetup.megabytes(after)) MB (\(memory.sampleCount) samples)")
        print("\(name)-engine-alive: \(engine.isRunning ? "yes" : "NO (exited)")")
    }
}
