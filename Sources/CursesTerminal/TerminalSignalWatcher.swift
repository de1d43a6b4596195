import Dispatch
import Glibc
import Synchronization

/// Delivers SIGINT, SIGTERM and SIGHUP (or other signals) to a closure on a dispatch queue
/// instead of interrupting the process, so no work runs inside a signal handler.
///
/// The signals are observed through `DispatchSourceSignal`s. On Linux the disposition must stay
/// `SIG_DFL` (an ignored signal never reaches libdispatch's signalfd: libdispatch blocks the
/// signal and installs its own forwarding handler); on Darwin it is set to `SIG_IGN`.
/// `cancel()` stops observing and restores the default actions.
/// Two ways to use it:
/// - `restoringAndExiting()`: restore the terminal and exit straight from the signal queue.
/// - `init(handler:)` plus `receivedSignal`: the render loop (reading input with a timeout, or
///   woken by the handler) sees the signal and quits through its normal, restoring exit path.
public final class TerminalSignalWatcher: Sendable {
    /// The signals a terminal app ends on.
    public static let terminationSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// The first signal received, shared with the dispatch handlers.
    private final class SignalRecord: Sendable {
        /// 0 while no signal has arrived.
        let first = Atomic<Int32>(0)
    }

    /// The observed signals and their sources (dispatch sources are thread-safe).
    private nonisolated(unsafe) let sources: [(signal: Int32, source: any DispatchSourceSignal)]
    /// What arrived.
    private let record = SignalRecord()

    /// Starts watching `signals`. Each arrival is recorded in `receivedSignal` (the first one
    /// wins) and then `handler` runs on `queue` with the signal number.
    public init(
        signals: [Int32] = TerminalSignalWatcher.terminationSignals,
        queue: DispatchQueue = DispatchQueue(label: "ibterm.signals"),
        handler: @escaping @Sendable (Int32) -> Void = { _ in }
    ) {
        let record = self.record
        sources = signals.map { signalNumber in
            #if canImport(Darwin)
            signal(signalNumber, SIG_IGN)  // kqueue still sees ignored signals
            #endif
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler {
                _ = record.first.compareExchange(expected: 0, desired: signalNumber, ordering: .acquiringAndReleasing)
                handler(signalNumber)
            }
            source.resume()
            return (signalNumber, source)
        }
    }

    /// The first watched signal that arrived, or nil while none has.
    public var receivedSignal: Int32? {
        let value = record.first.load(ordering: .acquiring)
        return value == 0 ? nil : value
    }

    /// Stops watching and gives the signals their default actions back.
    public func cancel() {
        for (signalNumber, source) in sources {
            source.cancel()
            signal(signalNumber, SIG_DFL)
        }
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
