import CursesTerminal
import Testing

@Suite struct TerminalRestoreTests {
    @Test func restoresNothingWhenNoScreenWasStarted() {
        #expect(!TerminalRestore.isScreenActive)
        TerminalRestore.restore()
        TerminalRestore.restore()
        #expect(!TerminalRestore.isScreenActive)
    }

    @Test func drawsAndReadsNothingBeforeStart() {
        let terminal = CursesTerminal()
        #expect(terminal.size == .zero)
        #expect(terminal.readEvent() == nil)
        terminal.restore()
        #expect(!terminal.isStarted)
    }
}
