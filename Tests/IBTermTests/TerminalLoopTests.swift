import Foundation
import Testing
@testable import ibterm

/// The terminal loop's reactions that need no screen.
@Suite struct TerminalLoopTests {
    @Test func sigtstpSuspendsAndSigcontRepaints() {
        #expect(TerminalLoop.reaction(toJobControl: SIGTSTP) == .suspend)
        #expect(TerminalLoop.reaction(toJobControl: SIGCONT) == .repaint, "fg: the shell wrote on the screen, repaint all")
        for other in [SIGINT, SIGTERM, SIGHUP, SIGWINCH] {
            #expect(TerminalLoop.reaction(toJobControl: other) == nil)
        }
    }
}
