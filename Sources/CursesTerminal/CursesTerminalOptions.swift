/// How `CursesTerminal` sets the terminal up.
public struct CursesTerminalOptions: Hashable, Sendable {
    /// Draw without colour (the app passes true when `NO_COLOR` is set or `--theme mono`).
    public var noColor: Bool
    /// Raw mode: ctrl-c, ctrl-z and ctrl-\ arrive as keys instead of signals. Off by default
    /// (cbreak), so ctrl-c raises SIGINT and the signal watcher restores the terminal.
    public var rawInput: Bool
    /// How long `readEvent()` waits for a key, in milliseconds: negative blocks, 0 polls.
    public var inputTimeoutMilliseconds: Int32
    /// How long ncurses waits after Esc for the rest of an escape sequence.
    public var escapeDelayMilliseconds: Int32
    /// Install the crash-signal handlers of `TerminalRestore.installCrashHandlers()`.
    public var restoreOnCrash: Bool
    /// Ask the terminal for mouse reports (button 1 and the wheel). Off by default: while on,
    /// the terminal's own selection needs Shift held.
    public var mouse: Bool = false

    /// Creates options; the defaults suit the dashboard.
    public init(
        noColor: Bool = false, rawInput: Bool = false, inputTimeoutMilliseconds: Int32 = -1,
        escapeDelayMilliseconds: Int32 = 25, restoreOnCrash: Bool = true
    ) {
        self.noColor = noColor
        self.rawInput = rawInput
        self.inputTimeoutMilliseconds = inputTimeoutMilliseconds
        self.escapeDelayMilliseconds = escapeDelayMilliseconds
        self.restoreOnCrash = restoreOnCrash
    }
}
