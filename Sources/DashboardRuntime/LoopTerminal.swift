import CursesTerminal
import TerminalUI

/// What ``TerminalLoop`` needs from a terminal: a ``TerminalBackend`` (size, present, input,
/// restore) with its colour depth and job control.
///
/// `CursesTerminal` is the real one (``TerminalLoop/cursesTerminal(noColor:)``); a benchmark
/// or a test passes an in-memory one, which has nothing to give back on a suspend.
public protocol LoopTerminal: TerminalBackend {
    /// The colours the terminal can show; the theme is degraded to them.
    var colorDepth: ColorDepth { get }
    /// Gives the terminal back, runs `stop` (which returns once the process is continued) and
    /// takes the terminal again; the next `present` repaints everything.
    func suspend(_ stop: () -> Void)
    /// Takes the terminal back after the process was continued behind the loop's back
    /// (SIGCONT); the next `present` repaints everything.
    func continued()
    /// Rings the terminal bell (a fill, see ``TerminalBell``); a terminal without one does nothing.
    func bell()
}

extension LoopTerminal {
    /// No bell: terminals in memory stay silent.
    public func bell() {}
}

extension CursesTerminal: LoopTerminal {}

extension TerminalLoop {
    /// The dashboard's terminal as shipped: ncurses in raw mode (Ctrl-C, Ctrl-Z and Ctrl-L
    /// arrive as keys), input read without waiting (the loop waits in `poll(2)`), started on
    /// the calling thread. For ``TerminalLoop/init(store:wakeup:signals:look:keyInput:pacing:timeZone:frameObserver:bell:terminal:)``.
    /// `mouse` asks the terminal for clicks and the wheel (`mouse = true` in the config).
    public static func cursesTerminal(noColor: Bool, mouse: Bool = false) -> @Sendable () throws -> any LoopTerminal {
        {
            var options = CursesTerminalOptions(noColor: noColor, rawInput: true, inputTimeoutMilliseconds: 0)
            options.mouse = mouse
            let terminal = CursesTerminal(options: options)
            try terminal.start()
            return terminal
        }
    }
}
