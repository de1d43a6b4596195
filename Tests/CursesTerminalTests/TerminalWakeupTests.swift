import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import CursesTerminal

@Suite struct TerminalWakeupTests {
    /// A pipe standing in for the terminal's input.
    func inputPipe() -> (read: Int32, write: Int32) {
        var fds: [Int32] = [-1, -1]
        _ = pipe(&fds)
        return (fds[0], fds[1])
    }

    @Test func timesOutWhenNothingHappens() {
        let input = inputPipe()
        defer { close(input.read); close(input.write) }
        let wakeup = TerminalWakeup(inputFD: input.read)
        #expect(wakeup.wait(timeoutMilliseconds: 20) == [])
    }

    @Test func reportsInput() {
        let input = inputPipe()
        defer { close(input.read); close(input.write) }
        let wakeup = TerminalWakeup(inputFD: input.read)
        var byte: UInt8 = 0x71
        _ = write(input.write, &byte, 1)
        #expect(wakeup.wait(timeoutMilliseconds: 1000) == .input)
    }

    @Test func aWakeFromAnotherThreadEndsTheWaitAndIsDrained() {
        let input = inputPipe()
        defer { close(input.read); close(input.write) }
        let wakeup = TerminalWakeup(inputFD: input.read)
        let written = DispatchSemaphore(value: 0)
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(20)) {
            for _ in 0..<100 { wakeup.wake() }
            written.signal()
        }
        #expect(wakeup.wait(timeoutMilliseconds: 5000) == .woken)
        written.wait()
        // Whatever the first wait had not drained yet is drained by one more wakeup at most.
        let next = wakeup.wait(timeoutMilliseconds: 0)
        #expect(next == [] || next == .woken)
        #expect(wakeup.wait(timeoutMilliseconds: 20) == [])
    }

    @Test func wakesPostedWhileTheLoopIgnoresThemEndTheNextWatchedWaitAndLaterWakesStillWake() {
        let input = inputPipe()
        defer { close(input.read); close(input.write) }
        let wakeup = TerminalWakeup(inputFD: input.read)
        for _ in 0..<1000 { wakeup.wake() }
        // A wait that does not watch wakes (a frame is already due) sleeps its full time.
        #expect(wakeup.wait(timeoutMilliseconds: 20, wakes: false) == [])
        // The next wait that watches them ends at once, and drains them.
        #expect(wakeup.wait(timeoutMilliseconds: 1000) == .woken)
        #expect(wakeup.wait(timeoutMilliseconds: 20) == [])
        // Once drained, a single wake is enough again, every time.
        for _ in 0..<3 {
            wakeup.wake()
            #expect(wakeup.wait(timeoutMilliseconds: 1000) == .woken)
        }
    }

    @Test func reportsAHangupWhenTheTerminalGoesAway() {
        let input = inputPipe()
        defer { close(input.read) }
        let wakeup = TerminalWakeup(inputFD: input.read)
        close(input.write)
        #expect(wakeup.wait(timeoutMilliseconds: 1000).contains(.hangup))
    }
}
