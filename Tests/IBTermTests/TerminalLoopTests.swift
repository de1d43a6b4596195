import DashboardRuntime
import Foundation
import TerminalUI
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

    @Test func keysSeeTheTooSmallScreenWhileItIsShownOrTheTerminalIsSmall() {
        let full = Size(width: 120, height: 40), small = Size(width: 40, height: 10)
        #expect(!TerminalLoop.keysSeeTooSmallScreen(terminalSize: full, shownSize: full))
        #expect(TerminalLoop.keysSeeTooSmallScreen(terminalSize: small, shownSize: full), "shrunk, not redrawn yet")
        #expect(TerminalLoop.keysSeeTooSmallScreen(terminalSize: full, shownSize: small), "grown, the too-small screen still shows")
        #expect(TerminalLoop.keysSeeTooSmallScreen(terminalSize: full, shownSize: nil), "nothing drawn yet")
    }
}
