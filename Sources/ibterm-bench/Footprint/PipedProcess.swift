import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A child process with its stdout and stderr read through pipes (no terminal): the external
/// gateway (`ibterm engine`) and the headless client (`ibterm quote --watch`).
///
/// stderr is kept whole (it is small: log lines); stdout is counted in lines, each handed to
/// `onLine`, and not kept, so a streaming child can run for long without the benchmark growing.
final class PipedProcess: Sendable {
    /// The child's process id.
    let pid: Int32
    private let process: Process
    private final class Captured: Sendable {
        let errorText = Mutex<[UInt8]>([])
        let partial = Mutex<[UInt8]>([])
        let outputLines = Atomic<Int>(0)
    }
    private let captured = Captured()
    let home: URL

    /// Starts `binary` with `arguments` and its own home folders in a temporary directory.
    init(binary: String, arguments: [String], home: URL? = nil, onLine: @escaping @Sendable (Substring) -> Void = { _ in }) throws {
        let home = home ?? FileManager.default.temporaryDirectory.appendingPathComponent("ibterm-bench-\(UUID().uuidString)")
        self.home = home
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = Self.environment(home: home)
        let output = Pipe()
        let error = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = error
        try process.run()
        self.process = process
        pid = process.processIdentifier
        let captured = captured
        Self.drain(output.fileHandleForReading.fileDescriptor) { bytes in
            // Only the reader thread touches `partial`; the lock keeps it Sendable.
            let lines = captured.partial.withLock { partial -> [Substring] in
                partial.append(contentsOf: bytes)
                guard let end = partial.lastIndex(of: 10) else { return [] }
                let text = String(decoding: partial[...end], as: UTF8.self)
                partial.removeSubrange(...end)
                return text.split(separator: "\n")
            }
            captured.outputLines.add(lines.count, ordering: .relaxed)
            for line in lines { onLine(line) }
        }
        Self.drain(error.fileHandleForReading.fileDescriptor) { bytes in
            captured.errorText.withLock { $0.append(contentsOf: bytes) }
        }
    }

    /// The environment of a child: this one's, with home folders under `home`.
    static func environment(home: URL) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home.path
        environment["XDG_CONFIG_HOME"] = home.appendingPathComponent("config").path
        environment["XDG_DATA_HOME"] = home.appendingPathComponent("data").path
        environment["XDG_STATE_HOME"] = home.appendingPathComponent("state").path
        return environment
    }

    /// Whether the child is still running.
    var isRunning: Bool { process.isRunning }

    /// Lines the child wrote to stdout so far.
    var outputLines: Int { captured.outputLines.load(ordering: .relaxed) }

    /// Everything the child wrote to stderr.
    var errorText: String { captured.errorText.withLock { String(decoding: $0, as: UTF8.self) } }

    /// Waits until stderr has a line containing `needle` and returns that line.
    func waitForError(containing needle: String, timeout: Duration = .seconds(30)) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let line = errorText.split(separator: "\n").first(where: { $0.contains(needle) }) { return String(line) }
            guard process.isRunning else { throw BenchFailure("the child exited (\(process.terminationStatus)): \(errorText)") }
            try await Task.sleep(for: .milliseconds(5))
        }
        throw BenchFailure("the child did not log \"\(needle)\" within \(timeout): \(errorText)")
    }

    /// Waits until stdout has at least `lines` lines.
    func waitForOutputLines(_ lines: Int, timeout: Duration = .seconds(30)) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if outputLines >= lines { return }
            guard process.isRunning else { throw BenchFailure("the child exited (\(process.terminationStatus)): \(errorText)") }
            try await Task.sleep(for: .milliseconds(5))
        }
        throw BenchFailure("the child wrote \(outputLines) lines, not \(lines), within \(timeout): \(errorText)")
    }

    /// Sends SIGTERM and waits (at most 2 s) for the child to exit, then SIGKILL.
    func stop() {
        guard process.isRunning else { return }
        kill(pid, SIGTERM)
        for _ in 0..<100 where process.isRunning { usleep(20_000) }
        if process.isRunning { kill(pid, SIGKILL) }
    }

    private static func drain(_ descriptor: Int32, _ received: @escaping @Sendable (ArraySlice<UInt8>) -> Void) {
        Thread.detachNewThread {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = read(descriptor, &buffer, buffer.count)
                if count <= 0 { break }
                received(buffer[0..<count])
            }
        }
    }
}
