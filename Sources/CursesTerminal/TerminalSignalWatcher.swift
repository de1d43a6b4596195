import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
///
/// Job-control signals (`jobControl:`, e.g. SIGTSTP and SIGCONT) are watched too but end
/// nothing: they queue up for ``takeJobControlSignals()``, so the thread that owns the screen
/// can leave curses mode before it stops (``stopProcess()``) and repaint when continued. Watched
/// before curses starts, SIGTSTP is also kept from ncurses, whose own handler would call
/// `endwin` from whichever thread the signal lands on, racing the render loop.
public final class TerminalSignalWatcher: Sendable {
    /// The signals a terminal app ends on.
    public static let terminationSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    /// The job-control signals a full-screen app handles itself: SIGTSTP (Ctrl-Z, `kill -TSTP`:
    /// give the terminal back, then stop) and SIGCONT (`fg`: repaint everything).
    public static let jobControlSignals: [Int32] = [SIGTSTP, SIGCONT]

    /// The exit status for ending on `signal`: 128 + its number, as shells report a process
    /// killed by it (130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP).
    public static func exitStatus(for signal: Int32) -> Int32 {
        128 + signal
    }

    /// The write end of the pipe for each signal number (-1 for none), read by the C handler.
    nonisolated(unsafe) static let pipeForSignal: UnsafeMutablePointer<Int32> = {
        let table = UnsafeMutablePointer<Int32>.allocate(capacity: 65)
        table.initialize(repeating: -1, count: 65)
        return table
    }()

    /// What arrived, shared with the dispatch handler.
    private final class SignalRecord: Sendable {
        /// The first terminating signal; 0 while none has arrived.
        let first = Atomic<Int32>(0)
        /// Job-control signals not yet taken, oldest first.
        let jobControl = Mutex<[Int32]>([])
    }

    /// The watched signals that end the program.
    private let signals: [Int32]
    /// The watched job-control signals.
    private let jobControl: [Int32]
    /// The pipe's write end (the read end belongs to `source`).
    private let writeFD: Int32
    /// Reads signal numbers from the pipe (dispatch sources are thread-safe).
    private nonisolated(unsafe) let source: any DispatchSourceRead
    /// What arrived.
    private let record = SignalRecord()

    /// Starts watching `signals` and `jobControl` (numbers 1-64). A signal of `signals` is
    /// recorded in `receivedSignal` (the first one wins); one of `jobControl` is queued for
    /// `takeJobControlSignals()`. Then `handler` runs on `queue` with the signal number.
    public init(
        signals: [Int32] = TerminalSignalWatcher.terminationSignals,
        jobControl: [Int32] = [],
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
        self.jobControl = jobControl.filter { (1...64).contains($0) && !signals.contains($0) }
        writeFD = fds[1]
        let record = self.record
        let terminating = Set(self.signals)
        source = DispatchSource.makeReadSource(fileDescriptor: readFD, queue: queue)
        source.setEventHandler {
            var buffer = [UInt8](repeating: 0, count: 64)
            let count = read(readFD, &buffer, buffer.count)
            for index in 0..<max(0, count) {
                let signalNumber = Int32(buffer[index])
                if terminating.contains(signalNumber) {
                    _ = record.first.compareExchange(expected: 0, desired: signalNumber, ordering: .acquiringAndReleasing)
                } else {
                    record.jobControl.withLock { $0.append(signalNumber) }
                }
                handler(signalNumber)
            }
        }
        source.setCancelHandler { close(readFD) }
        source.resume()
        for signalNumber in self.signals + self.jobControl {
            TerminalSignalWatcher.pipeForSignal[Int(signalNumber)] = writeFD
            Self.installHandler(signalNumber)
        }
    }

    /// Installs the C handler that writes the signal number to its pipe.
    private static func installHandler(_ signalNumber: Int32) {
        signal(signalNumber) { received in
            var byte = UInt8(truncatingIfNeeded: received)
            let fd = TerminalSignalWatcher.pipeForSignal[Int(received)]
            if fd >= 0 { _ = write(fd, &byte, 1) }
        }
    }

    /// The first terminating signal that arrived, or nil while none has.
    public var receivedSignal: Int32? {
        let value = record.first.load(ordering: .acquiring)
        return value == 0 ? nil : value
    }

    /// The job-control signals that arrived since the last call, oldest first.
    public func takeJobControlSignals() -> [Int32] {
        record.jobControl.withLock { pending in
            defer { pending = [] }
            return pending
        }
    }

    /// Stops the process as SIGTSTP's default action does and returns once it is continued
    /// (`fg`, SIGCONT). Call it with the terminal already given back (`endwin`). SIGTSTP gets
    /// its default action for the moment and is raised on the calling thread with the signal
    /// unblocked there; afterwards the watcher's handler is back (when SIGTSTP is watched). In
    /// an orphaned process group the stop is discarded and this returns at once.
    public func stopProcess() {
        var only = sigset_t()
        var previous = sigset_t()
        sigemptyset(&only)
        sigaddset(&only, SIGTSTP)
        signal(SIGTSTP, SIG_DFL)
        pthread_sigmask(SIG_UNBLOCK, &only, &previous)
        raise(SIGTSTP)
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        if jobControl.contains(SIGTSTP) || signals.contains(SIGTSTP) {
            Self.installHandler(SIGTSTP)
        }
    }

    /// Stops watching and gives the signals their default actions back.
    public func cancel() {
        for signalNumber in signals + jobControl {
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
            exit(exitStatus(for: signalNumber))
        }
    }
}
