import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Waits for SIGINT or SIGTERM through dispatch sources (no work in a signal handler).
enum SignalWaiter {
    /// Suspends until SIGINT or SIGTERM arrives; returns its name.
    static func waitForTermination() async -> String {
        await withCheckedContinuation { (continuation: CheckedContinuation<String, Never>) in
            let queue = DispatchQueue(label: "ibterm.signals")
            let fired = Fired(continuation: continuation)
            for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler { fired.fire(name) }
                fired.keep(source)
                source.resume()
            }
        }
    }

    /// Resumes the continuation once; runs only on the signal queue.
    private final class Fired: @unchecked Sendable {
        // Unchecked: every access happens on the one serial dispatch queue `ibterm.signals`.
        private var continuation: CheckedContinuation<String, Never>?
        private var sources: [any DispatchSourceSignal] = []

        init(continuation: CheckedContinuation<String, Never>) {
            self.continuation = continuation
        }

        func keep(_ source: any DispatchSourceSignal) {
            sources.append(source)
        }

        func fire(_ name: String) {
            continuation?.resume(returning: name)
            continuation = nil
        }
    }
}
