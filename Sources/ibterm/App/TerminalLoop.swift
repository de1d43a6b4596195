import CursesTerminal
import Dashboard
import Foundation
import Synchronization
import TerminalUI

/// The dashboard's terminal: draws the state, turns keys into the trader's intents.
///
/// It owns ncurses on the thread that calls ``run()``. It sleeps in `poll(2)` until a key
/// arrives, the store has news (``TerminalWakeup/wake()``), a signal comes in, or the next
/// frame is due: a frame when the state changed (at most 30 a second) or once a second so
/// ages keep counting. It always gives the terminal back as it found it.
///
/// How Ctrl-C reaches the program: the terminal runs in **raw mode**, so Ctrl-C arrives as the
/// key 0x03, in order with the other keys, and goes through the same key → intent mapping as
/// `q` (`DashboardKeyInput.command(for:overlay:ticket:screenTooSmall:)`): it asks when orders
/// are working, a second Ctrl-C at that question quits. Raw mode was chosen over turning SIGINT
/// into the quit intent because the keyboard's Ctrl-C then never races the keys typed before
/// it, is testable as a pure mapping, and a SIGINT can only come from outside (`kill -INT`),
/// which ends the program (exit 130) like SIGTERM (143) and SIGHUP (129) do. Quitting with
/// Ctrl-C is a quit like `q`: exit status 0. Raw mode also turns Ctrl-Z into a key; it
/// suspends as the shell's job control would (and `kill -TSTP` does the same through the
/// signal watcher), and Ctrl-L repaints.
final class TerminalLoop: Sendable {
    /// How the loop ended.
    enum Exit: Equatable {
        /// The trader quit.
        case quit
        /// A termination signal arrived (its number).
        case signal(Int32)
    }

    /// The look the trader chose; `:theme NAME` swaps it while running.
    final class Look: Sendable {
        private let current: Mutex<(theme: Theme, glyphs: GlyphSet)>
        /// Creates a look.
        init(theme: Theme, glyphs: GlyphSet) { current = Mutex((theme, glyphs)) }
        /// The theme and glyphs to draw with.
        var value: (theme: Theme, glyphs: GlyphSet) { current.withLock { $0 } }
        /// Replaces the theme.
        func setTheme(_ theme: Theme) { current.withLock { $0.theme = theme } }
    }

    private let store: DashboardStore
    private let wakeup: TerminalWakeup
    private let signals: TerminalSignalWatcher
    private let look: Look
    private let keyInput: DashboardKeyInput
    private let noColor: Bool
    private let utcOffsetSeconds: Int

    init(store: DashboardStore, wakeup: TerminalWakeup, signals: TerminalSignalWatcher, look: Look, keyInput: DashboardKeyInput, noColor: Bool) {
        self.store = store
        self.wakeup = wakeup
        self.signals = signals
        self.look = look
        self.keyInput = keyInput
        self.noColor = noColor
        utcOffsetSeconds = TimeZone.current.secondsFromGMT()
    }

    /// Runs until the trader quits or a signal arrives; the terminal is restored on return.
    func run() throws -> Exit {
        let terminal = CursesTerminal(options: CursesTerminalOptions(noColor: noColor, rawInput: true, inputTimeoutMilliseconds: 0))
        try terminal.start()
        defer { terminal.restore() }
        var scheduler = FrameScheduler(maxFramesPerSecond: 30, dataFramesPerSecond: 10, idleRefreshInterval: .seconds(1))
        var typed = false
        var drawnVersion: UInt64?
        let clock = ContinuousClock()
        let origin = clock.now
        var lastSecond: Int64 = -1
        // The size of the frame on screen (nil before the first): keys act on what is shown.
        var shownSize: Size?
        while true {
            if let signal = signals.receivedSignal { return .signal(signal) }
            for signal in signals.takeJobControlSignals() {
                switch Self.reaction(toJobControl: signal) {
                case .suspend: suspend(terminal, &scheduler)
                case .repaint:
                    terminal.continued()
                    scheduler.invalidate()
                case nil: break
                }
            }
            if let signal = signals.receivedSignal { return .signal(signal) }
            if drainInput(terminal, &scheduler, shownSize: shownSize) { typed = true }
            // Ages are counted on the monotonic clock, so is the once-a-second tick.
            let second = store.now().instant.offset.components.seconds
            if second != lastSecond {
                lastSecond = second
                store.send(.clockTick)
            }
            let state = store.snapshot()
            if state.isQuitting { return .quit }
            let elapsed = clock.now - origin
            switch scheduler.decide(now: elapsed, stateVersion: Int(truncatingIfNeeded: state.version), interactive: typed) {
            case .drawNow:
                shownSize = draw(state, on: terminal)
                drawnVersion = state.version
                typed = false
                scheduler.didDraw(at: elapsed, stateVersion: Int(truncatingIfNeeded: state.version))
                continue
            case let .wait(until):
                let remaining = until - elapsed
                let milliseconds = max(1, min(1000, Int32(remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000)))
                // A change is already waiting for its frame: only keys may wake us before then.
                let pending = drawnVersion != state.version
                if wakeup.wait(timeoutMilliseconds: milliseconds, wakes: !pending).contains(.hangup) { return .signal(SIGHUP) }
            }
        }
    }

    /// What the loop does for a job-control signal.
    enum JobControlReaction: Equatable {
        /// Give the terminal back and stop (SIGTSTP).
        case suspend
        /// Take the terminal's modes back, clear the screen and print every cell again
        /// (SIGCONT: the shell wrote on the screen and set its own modes while we were
        /// stopped, so what ncurses last drew is no longer what is shown).
        case repaint
    }

    /// The reaction to `signal`, nil for a signal that is not a job-control one.
    static func reaction(toJobControl signal: Int32) -> JobControlReaction? {
        switch signal {
        case SIGTSTP: .suspend
        case SIGCONT: .repaint
        default: nil
        }
    }

    /// Whether keys must be treated as typed on the "terminal too small" screen: when the
    /// terminal is too small now, or the frame on screen is the too-small screen (or none was
    /// drawn yet). Keys typed while it showed may be read after the resize that enlarges the
    /// terminal (ncurses reports a resize before keys already waiting), and must not act on
    /// panes the trader has not seen yet.
    static func keysSeeTooSmallScreen(terminalSize: Size, shownSize: Size?) -> Bool {
        DashboardLayout.isTooSmall(terminalSize) || shownSize.map(DashboardLayout.isTooSmall) ?? true
    }

    /// Reads every pending key and resize; keys become intents sent to the store (or a
    /// repaint, or a suspend). While the terminal is too small only the quit keys act. Returns
    /// whether anything was read.
    private func drainInput(_ terminal: CursesTerminal, _ scheduler: inout FrameScheduler, shownSize: Size?) -> Bool {
        var any = false
        while let event = terminal.readEvent() {
            any = true
            switch event {
            case .resize:
                scheduler.invalidate()
            case let .key(key):
                let state = store.snapshot()
                let command = keyInput.command(
                    for: key, overlay: state.interface.overlay, ticket: state.ticket,
                    screenTooSmall: Self.keysSeeTooSmallScreen(terminalSize: terminal.size, shownSize: shownSize))
                switch command {
                case let .intent(intent)?: store.send(.user(intent))
                case .redraw?: repaint(terminal, &scheduler)
                case .suspend?: suspend(terminal, &scheduler)
                case nil: break
                }
            }
        }
        return any
    }

    /// Makes the next frame come at once and repaint every cell (Ctrl-L, after a suspend).
    private func repaint(_ terminal: CursesTerminal, _ scheduler: inout FrameScheduler) {
        terminal.invalidate()
        scheduler.invalidate()
    }

    /// Ctrl-Z or SIGTSTP: `endwin`, stop the process with SIGTSTP's default action, and when
    /// continued repaint everything.
    private func suspend(_ terminal: CursesTerminal, _ scheduler: inout FrameScheduler) {
        terminal.suspend { signals.stopProcess() }
        repaint(terminal, &scheduler)
    }

    /// Draws a frame; returns its size.
    private func draw(_ state: DashboardState, on terminal: CursesTerminal) -> Size {
        let (theme, glyphs) = look.value
        let screen = DashboardScreen(state: state, now: store.now(), keymap: keyInput.keymap, timeZoneOffsetSeconds: utcOffsetSeconds)
        let canvas = DashboardView.render(screen, size: terminal.size, theme: theme.degraded(to: terminal.colorDepth), glyphs: glyphs)
        terminal.present(canvas)
        return canvas.size
    }
}
