import CNcurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Process-wide terminal restoration: `endwin` exactly once, from whichever exit path gets
/// there first (explicit `restore()`, the `atexit` hook, a termination signal), plus a
/// best-effort, async-signal-safe reset for crash signals.
public enum TerminalRestore {
    /// Whether a curses screen is up and not yet restored.
    static let screenActive = Atomic<Bool>(false)
    /// Whether the `atexit` hook is registered.
    static let atExitInstalled = Atomic<Bool>(false)
    /// Whether the crash handlers are installed.
    static let crashHandlersInstalled = Atomic<Bool>(false)

    /// Ends curses mode if a screen is active: shows the cursor and calls `endwin` (guarded by
    /// `isendwin`). Idempotent and safe to call when no screen was ever started. Call it from
    /// the thread that drives the screen, or right before the process exits.
    public static func restore() {
        guard screenActive.exchange(false, ordering: .acquiringAndReleasing) else { return }
        if !isendwin() {
            curs_set(1)
            endwin()
        }
    }

    /// Whether a curses screen is active (started and not restored).
    public static var isScreenActive: Bool {
        screenActive.load(ordering: .acquiring)
    }

    /// Marks a screen as started and registers the `atexit` hook once per process.
    static func screenStarted() {
        screenActive.store(true, ordering: .releasing)
        if !atExitInstalled.exchange(true, ordering: .acquiringAndReleasing) {
            atexit { TerminalRestore.restore() }
        }
    }

    /// The terminal attributes of standard input before curses changed them.
    nonisolated(unsafe) static var savedTermios = termios()
    /// Whether `savedTermios` holds a value.
    nonisolated(unsafe) static var hasSavedTermios = false
    /// Escape sequences that reset attributes, show the cursor, stop mouse reports (harmless
    /// when none were asked for), leave the alternate screen and the keypad mode: written by the
    /// crash handler without allocating.
    nonisolated(unsafe) static var crashResetBytes: UnsafeMutableBufferPointer<UInt8> = {
        let bytes = Array("\u{1B}[0m\u{1B}[?25h\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1006l\u{1B}[?1049l\u{1B}[?1l\u{1B}>\r\n".utf8)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = buffer.initialize(from: bytes)
        return buffer
    }()

    /// Saves standard input's terminal attributes; called before curses starts.
    static func saveTerminalAttributes() {
        hasSavedTermios = tcgetattr(STDIN_FILENO, &savedTermios) == 0
    }

    /// Installs handlers for SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT and SIGTRAP (Swift traps)
    /// that put the tty back with only async-signal-safe calls (`tcsetattr`, `write`), then
    /// re-raise the signal with the default action so the crash is still reported.
    public static func installCrashHandlers() {
        guard !crashHandlersInstalled.exchange(true, ordering: .acquiringAndReleasing) else { return }
        _ = crashResetBytes.count
        for signalNumber in [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP] {
            signal(signalNumber) { received in
                if TerminalRestore.hasSavedTermios {
                    tcsetattr(STDIN_FILENO, TCSANOW, &TerminalRestore.savedTermios)
                }
                let bytes = TerminalRestore.crashResetBytes
                _ = write(STDOUT_FILENO, bytes.baseAddress, bytes.count)
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }
}
