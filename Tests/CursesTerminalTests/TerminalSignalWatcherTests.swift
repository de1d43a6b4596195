import CursesTerminal
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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

    /// SIGCONT is harmless to send to the test process; SIGURG (ignored by default) stands in
    /// for a terminating signal, apart from the SIGUSR1/SIGUSR2 the tests above use.
    @Test func jobControlSignalsQueueUpAndEndNothing() {
        let delivered = DispatchSemaphore(value: 0)
        let watcher = TerminalSignalWatcher(signals: [SIGURG], jobControl: [SIGCONT]) { _ in delivered.signal() }
        defer { watcher.cancel() }
        #expect(watcher.takeJobControlSignals().isEmpty)
        kill(getpid(), SIGCONT)
        #expect(delivered.wait(timeout: .now() + 5) == .success)
        kill(getpid(), SIGCONT)
        #expect(delivered.wait(timeout: .now() + 5) == .success)
        #expect(watcher.receivedSignal == nil, "a job-control signal ends nothing")
        #expect(watcher.takeJobControlSignals() == [SIGCONT, SIGCONT])
        #expect(watcher.takeJobControlSignals().isEmpty, "taken once")
        kill(getpid(), SIGURG)
        #expect(delivered.wait(timeout: .now() + 5) == .success)
        #expect(watcher.receivedSignal == SIGURG)
        #expect(watcher.takeJobControlSignals().isEmpty)
    }

    @Test func exitStatusIs128PlusTheSignalNumber() {
        #expect(TerminalSignalWatcher.exitStatus(for: SIGINT) == 130)
        #expect(TerminalSignalWatcher.exitStatus(for: SIGTERM) == 143)
        #expect(TerminalSignalWatcher.exitStatus(for: SIGHUP) == 129)
        #expect(TerminalSignalWatcher.jobControlSignals == [SIGTSTP, SIGCONT])
        #expect(!TerminalSignalWatcher.terminationSignals.contains(SIGTSTP))
    }
}
