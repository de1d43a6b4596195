import Foundation
import Glibc

/// This benchmark run again as a child in a pseudo-terminal of its own (for the ncurses back
/// end, which needs a terminal): the parent keeps reading the pty's master side so the child
/// never blocks on output, and waits for it to exit.
enum PseudoTerminalChild {
    /// Runs `arguments` with this executable in a `columns`x`rows` pty; throws unless it exits
    /// with status 0 within `timeout`.
    static func run(arguments: [String], columns: Int, rows: Int, timeout: Duration) throws {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        var master: Int32 = -1
        var slave: Int32 = -1
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw BenchFailure("openpty failed: errno \(errno)") }
        defer { close(master) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm-256color"
        process.environment = environment
        let terminal = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        process.standardInput = terminal
        process.standardOutput = terminal
        process.standardError = FileHandle.nullDevice
        try process.run()
        close(slave)
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
