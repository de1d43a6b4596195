#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Lets the render loop sleep until there is something to do: keyboard input, new data posted
/// from another thread, or a deadline. No busy polling: the loop blocks in `poll(2)` on the
/// terminal's input and a self-pipe that ``wake()`` writes to.
public final class TerminalWakeup: Sendable {
    /// What ended a wait.
    public struct Reason: OptionSet, Hashable, Sendable {
        public let rawValue: Int
        /// Creates a reason from raw bits.
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// The input file descriptor is readable.
        public static let input = Reason(rawValue: 1)
        /// ``wake()`` was called.
        public static let woken = Reason(rawValue: 2)
        /// The terminal hung up (its window closed, its pty is gone): time to leave.
        public static let hangup = Reason(rawValue: 4)
    }

    private let inputFD: Int32
    private let readFD: Int32
    private let writeFD: Int32
    /// Whether a byte is already in the pipe or about to be read: further wakes skip the
    /// write(2) (the dashboard wakes once per tick message, thousands of times a second).
    private let pending = Atomic<Bool>(false)

    /// Creates a wakeup that watches `inputFD` (the terminal, by default standard input).
    public init(inputFD: Int32 = STDIN_FILENO) {
        var fds: [Int32] = [-1, -1]
        _ = pipe(&fds)
        for fd in fds {
            _ = fcntl(fd, F_SETFL, O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        self.inputFD = inputFD
        readFD = fds[0]
        writeFD = fds[1]
    }

    deinit {
        close(readFD)
        close(writeFD)
    }

    /// Wakes the waiting loop; safe from any thread. Many calls before the loop runs cost one
    /// wakeup and one write: later calls see the byte pending and return.
    public func wake() {
        guard !pending.exchange(true, ordering: .acquiringAndReleasing) else { return }
        var byte: UInt8 = 1
        _ = write(writeFD, &byte, 1)
    }

    /// Blocks until input is readable, ``wake()`` was called, or `timeoutMilliseconds` passed
    /// (-1: no timeout). Returns what happened (empty on timeout). With `wakes` false only input
    /// ends the wait early: a frame already due later needs no news of further changes.
    public func wait(timeoutMilliseconds: Int32, wakes: Bool = true) -> Reason {
        var fds = [
            pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0),
            pollfd(fd: readFD, events: Int16(POLLIN), revents: 0),
        ]
        let ready = poll(&fds, wakes ? 2 : 1, timeoutMilliseconds)
        guard ready > 0 else { return [] }
        var reason: Reason = []
        let hungUp = Int16(POLLHUP) | Int16(POLLERR) | Int16(POLLNVAL)
        if fds[0].revents & hungUp != 0 { reason.insert(.hangup) }
        if fds[0].revents & Int16(POLLIN) != 0 { reason.insert(.input) }
        if wakes && fds[1].revents != 0 {
            reason.insert(.woken)
            var buffer = [UInt8](repeating: 0, count: 256)
            while read(readFD, &buffer, buffer.count) > 0 {}
            // After draining: a wake from here on writes again. One that came between the
            // drain and this store wrote nothing, but its change is already in the state the
            // loop reads next.
            pending.store(false, ordering: .releasing)
        }
        return reason
    }
}
