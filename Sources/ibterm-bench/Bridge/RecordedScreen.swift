import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The real `ibterm` dashboard in a pseudo-terminal of its own, every read of its terminal kept
/// with the instant the read returned: the bytes are on the terminal then. Nothing is parsed
/// while it runs (the reader only copies), so the benchmark takes little CPU from the
/// processes it measures; ``ScreenEmulator`` replays the reads afterwards.
final class RecordedScreen: Sendable {
    /// One read of the terminal's output.
    struct Chunk: Sendable {
        var at: ContinuousClock.Instant
        var bytes: [UInt8]
    }

    /// What the screen is called in the report (`direct`, `bridge-1`, ...).
    let name: String
    /// The dashboard's process id.
    let pid: Int32
    let columns: Int
    let rows: Int
    private let master: Int32
    private let process: Process
    private let home: URL
    private final class Output: Sendable { let chunks = Mutex<[Chunk]>([]) }
    private let output = Output()

    /// Starts `binary` with `arguments` in a `columns`x`rows` pseudo-terminal with its own home
    /// folders (holding `configText` as its config file) and `environment` added.
    init(name: String, binary: String, arguments: [String], configText: String, columns: Int, rows: Int, environment extra: [String: String] = [:]) throws {
        self.name = name
        self.columns = columns
        self.rows = rows
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ibterm-bench-\(UUID().uuidString)")
        self.home = home
        try FileManager.default.createDirectory(at: home.appendingPathComponent("config/ibterm"), withIntermediateDirectories: true)
        try configText.write(to: home.appendingPathComponent("config/ibterm/config.toml"), atomically: true, encoding: .utf8)
        var environment = PipedProcess.environment(home: home)
        environment.merge(extra) { $1 }
        let (process, master) = try PseudoTerminal.spawn(
            executable: binary, arguments: arguments, environment: environment, columns: columns, rows: rows)
        self.process = process
        self.master = master
        pid = process.processIdentifier
        let output = self.output
        Thread.detachNewThread {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = read(master, &buffer, buffer.count)
                let now = ContinuousClock.now
                if count <= 0 { break }
                output.chunks.withLock { $0.append(Chunk(at: now, bytes: Array(buffer[0..<count]))) }
            }
        }
    }

    /// Every read so far.
    var chunks: [Chunk] { output.chunks.withLock { $0 } }

    /// Whether the dashboard still runs.
    var isRunning: Bool { process.isRunning }

    /// Asks the dashboard to quit (SIGTERM), then SIGKILL after 2 s; closes the terminal and
    /// removes its home folders.
    func stop() {
        if process.isRunning { kill(pid, SIGTERM) }
        for _ in 0..<100 where process.isRunning { usleep(20_000) }
        if process.isRunning { kill(pid, SIGKILL) }
        close(master)
        try? FileManager.default.removeItem(at: home)
    }
}
