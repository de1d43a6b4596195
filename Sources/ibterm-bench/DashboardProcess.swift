import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The real `ibterm` dashboard running in a pseudo-terminal of its own, for measuring what a
/// trader's process costs: time to the first frame, CPU and resident memory.
final class DashboardProcess: Sendable {
    /// The dashboard's process id.
    let pid: Int32
    private let master: Int32
    /// Everything the dashboard wrote to its terminal.
    private final class Output: Sendable { let bytes = Mutex<[UInt8]>([]) }
    private let output = Output()
    private let started: ContinuousClock.Instant
    private let columns: Int
    private let rows: Int

    /// Starts `binary` with `arguments` in a `columns`x`rows` pseudo-terminal, with its own
    /// home folders in a temporary directory.
    init(binary: String, arguments: [String], columns: Int = 120, rows: Int = 40, configText: String? = nil) throws {
        self.columns = columns
        self.rows = rows
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ibterm-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("config/ibterm"), withIntermediateDirectories: true)
        if let configText {
            try configText.write(to: home.appendingPathComponent("config/ibterm/config.toml"), atomically: true, encoding: .utf8)
        }
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home.path
        environment["XDG_CONFIG_HOME"] = home.appendingPathComponent("config").path
        environment["XDG_DATA_HOME"] = home.appendingPathComponent("data").path
        environment["XDG_STATE_HOME"] = home.appendingPathComponent("state").path
        started = ContinuousClock.now
        let (process, master) = try PseudoTerminal.spawn(
            executable: binary, arguments: arguments + ["--fresh", "--state", home.appendingPathComponent("paper.sqlite").path],
            environment: environment, columns: columns, rows: rows)
        self.master = master
        pid = process.processIdentifier
        let output = self.output
        let reader = master
        Thread.detachNewThread {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = read(reader, &buffer, buffer.count)
                if count <= 0 { break }
                output.bytes.withLock { $0.append(contentsOf: buffer[0..<count]) }
            }
        }
    }

    /// Waits until the terminal output (from byte `from` on) contains `text`; the time since
    /// the process started.
    func waitForOutput(_ text: String, from: Int = 0, timeout: Duration = .seconds(30)) async throws -> Duration {
        let needle = Array(text.utf8)
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let found = output.bytes.withLock { bytes in
                bytes.count - from >= needle.count && Self.contains(bytes[min(from, bytes.count)...], needle)
            }
            if found { return ContinuousClock.now - started }
            try await Task.sleep(for: .milliseconds(2))
        }
        throw BenchFailure("the dashboard did not show \"\(text)\" within \(timeout)")
    }

    /// Bytes written to the terminal so far.
    var outputCount: Int { output.bytes.withLock { $0.count } }

    /// Waits until the whole screen shows `text`: ncurses writes only the cells that changed,
    /// so the benchmark resizes the terminal (the dashboard then redraws every cell) every
    /// `every` until the redraw contains `text`, and leaves it at its first size.
    func waitForScreen(_ text: String, every: Duration = .milliseconds(500), timeout: Duration = .seconds(60)) async throws -> Duration {
        let deadline = ContinuousClock.now + timeout
        var narrow = true
        defer { resize(columns: columns, rows: rows) }
        while ContinuousClock.now < deadline {
            let from = outputCount
            resize(columns: narrow ? columns - 1 : columns, rows: rows)
            narrow.toggle()
            if let found = try? await waitForOutput(text, from: from, timeout: every) { return found }
        }
        throw BenchFailure("the dashboard did not show \"\(text)\" within \(timeout)")
    }

    /// Resizes the terminal and tells the dashboard (SIGWINCH: the pty need not be its
    /// controlling terminal).
    func resize(columns: Int, rows: Int) {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        kill(pid, SIGWINCH)
    }

    /// CPU time (user + system) the process has used.
    func cpuTime() throws -> Duration {
        let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        guard let close = stat.lastIndex(of: ")") else { throw BenchFailure("unreadable /proc/\(pid)/stat") }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        let ticks = (Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0)
        let perSecond = sysconf(Int32(_SC_CLK_TCK))
        return .milliseconds(Int64(ticks) * 1000 / Int64(perSecond))
    }

    /// Resident memory now and at its peak, in bytes.
    func memory() throws -> (resident: Int, peak: Int) {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        func kilobytes(_ key: String) -> Int {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key) }) else { return 0 }
            return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        }
        return (kilobytes("VmRSS:") * 1024, kilobytes("VmHWM:") * 1024)
    }

    /// Asks the dashboard to quit (SIGTERM) and waits for it.
    func stop() {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        for _ in 0..<100 {
            if waitpid(pid, &status, WNOHANG) == pid { break }
            usleep(20_000)
        }
        close(master)
    }

    private static func contains(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        var index = haystack.startIndex
        while index + needle.count <= haystack.endIndex {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}

/// A benchmark that could not run, said in one sentence.
struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
