import Dispatch
import Glibc
import Synchronization

/// Delivers SIGINT, SIGTERM and SIGHUP (or other signals) to a closure on a dispatch queue, so
/// no real work runs inside a signal handler (the self-pipe pattern).
///
/// The C handler does one async-signal-safe thing: it writes the signal number to a pipe. A
/// dispatch read source on the other end calls the closure. The handler is installed
/// synchronously in `init`, so a signal that arrives right after is never lost and never takes
/// the default action. Two ways to use it:
/// - `restoringAndExiting()`: restore the terminal and exit straight from the signal queue.
/// - `init(handler:)` plus `receivedSignal`: the render loop (reading input with a timeout, or
///   woken by the handler) sees the signal and quits through its normal, restoring exit path.
public final class TerminalSignalWatcher: Sendable {
    /// The signals a terminal app ends on.
    public static let terminationSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// The write end of the pipe for each signal number (-1 for none), read by the C handler.
    nonisolated(unsafe) static let pipeForSignal: UnsafeMutablePointer<Int32> = {
        let table = UnsafeMutablePointer<Int32>.allocate(capacity: 65)
        table.initialize(repeating: -1, count: 65)
        return table
    }()

    /// The first signal received, shared with the dispatch handler.
    private final class SignalRecord: Sendable {
        /// 0 while no signal has arrived.
        let first = Atomic<Int32>(0)
    }

    /// The watched signals.
    private let signals: [Int32]
    /// The pipe's write end (the read end belongs to `source`).
    private let writeFD: Int32
    /// Reads signal numbers from the pipe (dispatch sources are thread-safe).
    private nonisolated(unsafe) let source: any DispatchSourceRead
    /// What arrived.
    private let record = SignalRecord()

    /// Starts watching `signals` (numbers 1-64). Each arrival is recorded in `receivedSignal`
    /// (the first one wins) and then `handler` runs on `queue` with the signal number.
    public init(
        signals: [Int32] = TerminalSignalWatcher.terminationSignals,
        queue: DispatchQueue = DispatchQueue(label: "ibterm.signals"),
        handler: @escaping @Sendable (Int32) -> Void = { _ in }
    ) {
        var fds: [Int32] = [-1, -1]
        _ = pipe(&fds)
        for fd in fds {
            _ = fcntl(fd, F_SETFL, O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        let readFD = fds[0]
        self.signals = signals.filter { (1...64).contains($0) }
        writeFD = fds[1]
        let record = self.record
        source = DispatchSource.makeReadSource(fileDescriptor: readFD, queue: queue)
        source.setEventHandler {
            var buffer = [UInt8](repeating: 0, count: 64)
            let count = read(readFD, &buffer, buffer.count)
            for index in 0..<max(0, count) {
                let signalNumber = Int32(buffer[index])
                _ = record.first.compareExchange(expected: 0, desired: signalNumber, ordering: .acquiringAndReleasing)
                handler(signalNumber)
            }
        }
        source.setCancelHandler { close(readFD) }
        source.resume()
        for signalNumber in self.signals {
            TerminalSignalWatcher.pipeForSignal[Int(signalNumber)] = writeFD
            signal(signalNumber) { received in
                var byte = UInt8(truncatingIfNeeded: received)
                let fd = TerminalSignalWatcher.pipeForSignal[Int(received)]
                if fd >= 0 { _ = write(fd, &byte, 1) }
            }
        }
    }

    /// The first watched signal that arrived, or nil while none has.
    public var receivedSignal: Int32? {
        let value = record.first.load(ordering: .acquiring)
        return value == 0 ? nil : value
    }

    /// Stops watching and gives the signals their default actions back.
    public func cancel() {
        for signalNumber in signals {
            signal(signalNumber, SIG_DFL)
            if TerminalSignalWatcher.pipeForSignal[Int(signalNumber)] == writeFD {
                TerminalSignalWatcher.pipeForSignal[Int(signalNumber)] = -1
            }
        }
        source.cancel()
        close(writeFD)
    }

    /// Watches the termination signals and, on the first one, restores the terminal and exits
    /// with status 128 + the signal number (130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP).
    public static func restoringAndExiting() -> TerminalSignalWatcher {
        TerminalSignalWatcher { signalNumber in
            TerminalRestore.restore()
            exit(128 + signalNumber)
        }
    }
}
