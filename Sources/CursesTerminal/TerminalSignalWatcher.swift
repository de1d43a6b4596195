import Dispatch
import Glibc

/// Delivers SIGINT, SIGTERM and SIGHUP (or other signals) to a closure on a dispatch queue
/// instead of interrupting the process, so no work runs inside a signal handler.
///
/// The signals are set to `SIG_IGN` at the process level and observed through
/// `DispatchSourceSignal`s; `cancel()` stops observing and restores the default actions.
public final class TerminalSignalWatcher: @unchecked Sendable {
    // @unchecked: `sources` is written only in `init`; dispatch sources are thread-safe.

    /// The signals a terminal app ends on.
    public static let terminationSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// The observed signals and their sources.
    private let sources: [(signal: Int32, source: any DispatchSourceSignal)]

    /// Starts watching `signals`; `handler` runs on `queue` with the signal number.
    public init(
        signals: [Int32] = TerminalSignalWatcher.terminationSignals,
        queue: DispatchQueue = DispatchQueue(label: "ibterm.signals"),
        handler: @escaping @Sendable (Int32) -> Void
    ) {
        sources = signals.map { signalNumber in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler { handler(signalNumber) }
            source.resume()
            return (signalNumber, source)
        }
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
    /// Apps that prefer to quit through their own loop pass their own handler to `init`
    /// instead, and call `TerminalRestore.restore()` on the way out.
    public static func restoringAndExiting() -> TerminalSignalWatcher {
        TerminalSignalWatcher { signalNumber in
            TerminalRestore.restore()
            exit(128 + signalNumber)
        }
    }
}
