import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Waits for SIGINT or SIGTERM through dispatch sources (no work in a signal handler).
enum SignalWaiter {
    /// Suspends until SIGINT or SIGTERM arrives; returns its name ("cancelled" when the task is
    /// cancelled first).
    static func waitForTermination() async -> String {
        await TerminationWatch().next() ?? "cancelled"
    }
}

/// SIGINT and SIGTERM, watched from the moment the watch is made: from then on they no longer
/// end the process, and ``next()`` reports the first one, also one that came before it was
/// called.
///
/// A command makes one right before it does something Ctrl-C must not cut short silently (an
/// order sent, then followed), so that no signal is lost between the two.
final class TerminationWatch: Sendable {
    /// The signals watched, with their names.
    static let signals: [(number: Int32, name: String)] = [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")]

    private struct State {
        var received: String?
        var waiter: CheckedContinuation<String?, Never>?
        var cancelled = false
    }

    /// The state the dispatch sources' handlers and ``next()`` share.
    private final class Inbox: Sendable {
        let state = Mutex(State())

        func receive(_ name: String) {
            let waiter = state.withLock { state -> CheckedContinuation<String?, Never>? in
                if state.received == nil { state.received = name }
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume(returning: name)
        }
    }

    private let inbox = Inbox()
    /// The dispatch sources, kept for the watch's life and never touched after `init`.
    nonisolated(unsafe) private let sources: [any DispatchSourceSignal]

    /// Starts watching at once.
    init() {
        let queue = DispatchQueue(label: "ibterm.signals")
        let inbox = inbox
        sources = Self.signals.map { number, name in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { inbox.receive(name) }
            source.resume()
            return source
        }
    }

    /// The name of the first signal received since the watch was made, waiting for one if
    /// none came yet; `nil` when the waiting task is cancelled. One caller at a time.
    func next() async -> String? {
        let inbox = inbox
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<String?, Never>) in
                let now: String?? = inbox.state.withLock { state in
                    if let received = state.received { return .some(received) }
                    if state.cancelled { return .some(nil) }
                    state.waiter = continuation
                    return .none
                }
                if let now { continuation.resume(returning: now) }
            }
        } onCancel: {
            let waiter = inbox.state.withLock { state -> CheckedContinuation<String?, Never>? in
                state.cancelled = true
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume(returning: nil)
        }
    }
}
