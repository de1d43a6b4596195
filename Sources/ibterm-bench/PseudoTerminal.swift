import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A process started in a pseudo-terminal of its own (TERM=xterm-256color, stderr discarded),
/// for the benchmarks that need a real terminal.
enum PseudoTerminal {
    /// Starts `executable` with `arguments` and `environment` on a new `columns`x`rows` pty;
    /// returns the running process and the pty's master side, which the caller reads and
    /// closes.
    static func spawn(
        executable: String, arguments: [String], environment: [String: String], columns: Int, rows: Int
    ) throws -> (process: Process, master: Int32) {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        var master: Int32 = -1
        var slave: Int32 = -1
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw BenchFailure("openpty failed: errno \(errno)") }
        defer { close(slave) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = environment
        environment["TERM"] = "xterm-256color"
        process.environment = environment
        let terminal = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        process.standardInput = terminal
        process.standardOutput = terminal
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            close(master)
            throw error
        }
        return (process, master)
    }
}
