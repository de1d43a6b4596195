import CursesTerminal
import Dispatch
import Glibc
import Testing

@Suite struct TerminalSignalWatcherTests {
    @Test func recordsTheFirstSignalAndCallsTheHandlerOffTheSignalContext() async throws {
        let delivered = DispatchSemaphore(value: 0)
        let watcher = TerminalSignalWatcher(signals: [SIGUSR2]) { _ in delivered.signal() }
        defer { watcher.cancel() }
        #expect(watcher.receivedSignal == nil)
        kill(getpid(), SIGUSR2)
        #expect(delivered.wait(timeout: .now() + 5) == .success)
        #expect(watcher.receivedSignal == SIGUSR2)
    }

    /// Process-directed (`kill`): test threads are dispatch workers, which block signals.
    @Test func deliversEverySignalSentRightAfterInstalling() {
        let delivered = DispatchSemaphore(value: 0)
        let watcher = TerminalSignalWatcher(signals: [SIGUSR1]) { _ in delivered.signal() }
        defer { watcher.cancel() }
        kill(getpid(), SIGUSR1)
        #expect(delivered.wait(timeout: .now() + 5) == .success)
        kill(getpid(), SIGUSR1)
        #expect(delivered.wait(timeout: .now() + 5) == .success)
        #expect(watcher.receivedSignal == SIGUSR1)
    }
}
