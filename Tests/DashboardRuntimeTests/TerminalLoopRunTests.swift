import CursesTerminal
import Dashboard
@testable import DashboardRuntime
import TerminalUI
import Testing

/// The shipping loop run on an in-memory terminal: keys, frames, stopping. Nothing here waits
/// for time to pass; the loop's own thread is awaited through its frames and its exit.
@Suite(.timeLimit(.minutes(1))) struct TerminalLoopRunTests {
    let input = SilentInput()

    func makeLoop(
        _ terminal: ScriptedTerminal, store: DashboardStore? = nil, pacing: FrameScheduler = .shipped,
        observer: TerminalLoop.FrameObserver? = nil, bell: TerminalBell? = nil
    ) -> (TerminalLoop, DashboardStore, TerminalWakeup) {
        let wakeup = TerminalWakeup(inputFD: input.readFD)
        let store = store ?? DashboardStore(config: DashboardConfig(), clock: StillClock(), perform: { _ in }, changed: { wakeup.wake() })
        let loop = TerminalLoop(
            store: store, wakeup: wakeup, signals: nil, look: TerminalLoop.Look(theme: .builtinDefault, glyphs: .ascii),
            keyInput: DashboardKeyInput(), pacing: pacing, timeZone: .utc, frameObserver: observer, bell: bell,
            terminal: { terminal })
        return (loop, store, wakeup)
    }

    @Test(arguments: [KeyEvent.character("q"), .control("c")])
    func aQuitKeyEndsTheLoopAndRestoresTheTerminal(key: KeyEvent) throws {
        let terminal = ScriptedTerminal(size: Size(width: 120, height: 40), events: [.key(key)])
        let (loop, store, _) = makeLoop(terminal)
        #expect(try loop.run() == .quit)
        #expect(store.snapshot().isQuitting)
        #expect(terminal.restoreCount == 1)
    }

    @Test func aRungBellRingsTheTerminalOnceOnTheLoopsThread() throws {
        let bell = TerminalBell()
        bell.ring()
        bell.ring()
        let terminal = ScriptedTerminal(size: Size(width: 120, height: 40), events: [.key(.character("q"))])
        let (loop, _, _) = makeLoop(terminal, bell: bell)
        #expect(try loop.run() == .quit)
        #expect(terminal.bellCount == 1, "two rings before the loop woke are one bell")
        #expect(!bell.take())

        let quiet = ScriptedTerminal(size: Size(width: 120, height: 40), events: [.key(.character("q"))])
        #expect(try makeLoop(quiet, bell: TerminalBell()).0.run() == .quit)
        #expect(quiet.bellCount == 0)
    }

    @Test func onATooSmallTerminalOnlyTheQuitKeysAct() throws {
        let terminal = ScriptedTerminal(size: Size(width: 40, height: 10), events: [.key(.character("?")), .key(.tab), .key(.character("q"))])
        let (loop, store, _) = makeLoop(terminal)
        #expect(try loop.run() == .quit)
        #expect(store.snapshot().interface.overlay == .none, "? opened no help")
    }

    @Test func aMarkedEventIsReportedWithTheFirstFrameThatShowsIt() async throws {
        let (reports, frames) = AsyncStream.makeStream(of: FrameReport.self)
        let terminal = ScriptedTerminal(size: Size(width: 120, height: 40))
        let (loop, store, _) = makeLoop(terminal, pacing: .immediate, observer: { report, _ in frames.yield(report) })
        async let exit = loop.runOnOwnThread(named: "test.loop")
        var iterator = reports.makeAsyncIterator()
        let first = await iterator.next()
        #expect(first?.marks.isEmpty == true)
        let mark = EventMark(stream: 4, sequence: 0)
        store.send(.started, mark: mark)
        var shown: FrameReport?
        while let report = await iterator.next() {
            if report.marks.contains(mark) {
                shown = report
                break
            }
        }
        loop.stop()
        #expect(try await exit.get() == .stopped)
        #expect(shown?.marks == [mark])
        if let shown { #expect(shown.presentedAt >= shown.startedAt && shown.drawTime >= shown.modelTime + shown.renderTime) }
        #expect(terminal.restoreCount == 1)
        #expect(terminal.framesPresented >= 2)
    }

    @Test func stopEndsAnIdleLoop() async throws {
        let (reports, frames) = AsyncStream.makeStream(of: FrameReport.self)
        let terminal = ScriptedTerminal(size: Size(width: 120, height: 40))
        let (loop, _, _) = makeLoop(terminal, observer: { report, _ in frames.yield(report) })
        async let exit = loop.runOnOwnThread(named: "test.loop")
        var iterator = reports.makeAsyncIterator()
        _ = await iterator.next()
        loop.stop()
        #expect(try await exit.get() == .stopped)
        #expect(terminal.restoreCount == 1)
    }

    @Test func waitsForPollAreRoundedUpToWholeMilliseconds() {
        #expect(TerminalLoop.milliseconds(.microseconds(16_667)) == 17)
        #expect(TerminalLoop.milliseconds(.microseconds(100)) == 1)
        #expect(TerminalLoop.milliseconds(.zero) == 1)
        #expect(TerminalLoop.milliseconds(.milliseconds(-3)) == 1)
        #expect(TerminalLoop.milliseconds(.seconds(5)) == 1000)
    }
}
