import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// This benchmark run again as a child in a pseudo-terminal of its own (for the ncurses back
/// end, which needs a terminal): the parent keeps reading the pty's master side so the child
/// never blocks on output, and waits for it to exit.
enum PseudoTerminalChild {
    /// Runs `arguments` with this executable in a `columns`x`rows` pty; throws unless it exits
    /// with status 0 within `timeout`.
    static func run(arguments: [String], columns: Int, rows: Int, timeout: Duration) throws {
        let (process, master) = try PseudoTerminal.spawn(
            executable: URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path,
            arguments: arguments, environment: ProcessInfo.processInfo.environment, columns: columns, rows: rows)
        defer { close(master) }
        let reader = master
        Thread.detachNewThread {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while read(reader, &buffer, buffer.count) > 0 {}
        }
        let deadline = ContinuousClock.now + timeout
        while process.isRunning, ContinuousClock.now < deadline { usleep(50_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            throw BenchFailure("the pty child did not finish within \(timeout)")
        }
        guard process.terminationStatus == 0 else { throw BenchFailure("the pty child failed (status \(process.terminationStatus))") }
    }
}
