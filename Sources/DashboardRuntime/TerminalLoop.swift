import CursesTerminal
import Dashboard
import Vocabulary
import Foundation
import Synchronization
import TerminalUI

/// The dashboard's terminal: draws the state, turns keys into the trader's intents.
///
/// It owns the terminal (ncurses, as shipped) on the thread that calls ``run()``. It sleeps in
/// `poll(2)` until a key arrives, the store has news (``TerminalWakeup/wake()``), a signal
/// comes in, or the next frame is due. When frames come is the ``FrameScheduler``'s decision
/// (``FrameScheduler/shipped``: a change on an idle screen is drawn at once, changes under load
/// are coalesced, never more than 60 frames a second, and once a second anyway so ages keep
/// counting). It always gives the terminal back as it found it.
///
/// How Ctrl-C reaches the program: the terminal runs in **raw mode**, so Ctrl-C arrives as the
/// key 0x03, in order with the other keys, and goes through the same key → intent mapping as
/// `q` (`DashboardKeyInput.command(for:overlay:ticket:pane:screenTooSmall:)`): it asks when orders
/// are working, a second Ctrl-C at that question quits. Raw mode was chosen over turning SIGINT
/// into the quit intent because the keyboard's Ctrl-C then never races the keys typed before
/// it, is testable as a pure mapping, and a SIGINT can only come from outside (`kill -INT`),
/// which ends the program (exit 130) like SIGTERM (143) and SIGHUP (129) do. Quitting with
/// Ctrl-C is a quit like `q`: exit status 0. Raw mode also turns Ctrl-Z into a key; it
/// suspends as the shell's job control would (and `kill -TSTP` does the same through the
/// signal watcher), and Ctrl-L repaints.
///
/// What a benchmark or a test injects: the terminal (``LoopTerminal``; an in-memory one
/// instead of ncurses), the pacing (``FrameScheduler/immediate`` draws every change at once),
/// no signal watcher, and a frame observer that hears of every presented frame
/// (``FrameReport``). ``stop()`` ends the loop from another thread.
///
/// ```swift
/// let loop = TerminalLoop(store: store, wakeup: wakeup, signals: signals, look: look, keyInput: keyInput, noColor: false, timeZone: .utc)
/// switch try await loop.runOnOwnThread(named: "ibterm.terminal").get() { ... }
/// ```
public final class TerminalLoop: Sendable {
    /// How the loop ended.
    public enum Exit: Equatable, Sendable {
        /// The trader quit.
        case quit
        /// A termination signal arrived (its number).
        case signal(Int32)
        /// ``TerminalLoop/stop()`` was called.
        case stopped
    }

    /// The look the trader chose; `:theme NAME` swaps it while running.
    public final class Look: Sendable {
        private let current: Mutex<(theme: Theme, glyphs: GlyphSet)>
        /// Creates a look.
        public init(theme: Theme, glyphs: GlyphSet) { current = Mutex((theme, glyphs)) }
        /// The theme and glyphs to draw with.
        public var value: (theme: Theme, glyphs: GlyphSet) { current.withLock { $0 } }
        /// Replaces the theme.
        public func setTheme(_ theme: Theme) { current.withLock { $0.theme = theme } }
    }

    /// Hears of every presented frame, on the loop's thread, right after `present` returned.
    public typealias FrameObserver = @Sendable (FrameReport, Canvas) -> Void

    private let store: DashboardStore
    private let wakeup: TerminalWakeup
    private let signals: TerminalSignalWatcher?
    private let look: Look
    private let keyInput: DashboardKeyInput
    private let pacing: FrameScheduler
    private let timeZone: DisplayTimeZone
    private let frameObserver: FrameObserver?
    private let bell: TerminalBell?
    private let makeTerminal: @Sendable () throws -> any LoopTerminal
    private let stopRequested = Atomic<Bool>(false)

    /// Creates a loop drawing `store` on the terminal `terminal` makes (called on the loop's
    /// thread, which then owns it), woken by `wakeup`, ending on the termination signals
    /// `signals` received (nil: no signal watching), paced by `pacing`. Times of day are shown
    /// in `timeZone`, which the status bar's clock names. `frameObserver` hears of every frame. The terminal
    /// rings when `bell` was rung.
    public init(
        store: DashboardStore, wakeup: TerminalWakeup, signals: TerminalSignalWatcher?, look: Look, keyInput: DashboardKeyInput,
        pacing: FrameScheduler = .shipped, timeZone: DisplayTimeZone,
        frameObserver: FrameObserver? = nil, bell: TerminalBell? = nil,
        terminal: @escaping @Sendable () throws -> any LoopTerminal
    ) {
        self.bell = bell
        self.store = store
        self.wakeup = wakeup
        self.signals = signals
        self.look = look
        self.keyInput = keyInput
        self.pacing = pacing
        self.timeZone = timeZone
        self.frameObserver = frameObserver
        makeTerminal = terminal
    }

    /// The dashboard as shipped: ncurses in raw mode, paced by ``FrameScheduler/shipped``,
    /// times of day in `timeZone`, ringing when `bell` is rung, clicks and the wheel read when
    /// `mouse`.
    public convenience init(
        store: DashboardStore, wakeup: TerminalWakeup, signals: TerminalSignalWatcher, look: Look, keyInput: DashboardKeyInput, noColor: Bool,
        timeZone: DisplayTimeZone, bell: TerminalBell? = nil, mouse: Bool = false
    ) {
        self.init(store: store, wakeup: wakeup, signals: signals, look: look, keyInput: keyInput, timeZone: timeZone, bell: bell,
                  terminal: Self.cursesTerminal(noColor: noColor, mouse: mouse))
    }

    /// Asks the loop to end with ``Exit/stopped``; safe from any thread. It notices when it
    /// next wakes, at the latest when the frame it waits for is due.
    public func stop() {
        stopRequested.store(true, ordering: .releasing)
        wakeup.wake()
    }

    /// Runs ``run()`` on a thread of its own named `name` and returns how it ended.
    public func runOnOwnThread(named name: String) async -> Result<Exit, any Error> {
        await withCheckedContinuation { continuation in
            let thread = Thread { [self] in
                continuation.resume(returning: Result { try run() })
            }
            thread.name = name
            thread.start()
        }
    }

    /// Runs until the trader quits, a signal arrives or ``stop()`` is called; the terminal is
    /// restored on return.
    public func run() throws -> Exit {
        let terminal = try makeTerminal()
        defer { terminal.restore() }
        var scheduler = pacing
        var typed = false
        let clock = ContinuousClock()
        let origin = clock.now
        var lastSecond: Int64 = -1
        // The size of the frame on screen (nil before the first): keys act on what is shown.
        var shownSize: Size?
        // The frame on screen, for what a click means (nil before the first).
        var shownScreen: DashboardScreen?
        // Builds only the rows on screen and keeps unchanged panes and rows between frames.
        var renderer = DashboardFrameRenderer(keymap: keyInput.keymap, timeZone: timeZone)
        while true {
            if stopRequested.load(ordering: .acquiring) { return .stopped }
            if let signals {
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
            }
            if drainInput(terminal, &scheduler, shownSize: shownSize, shownScreen: shownScreen) { typed = true }
            if bell?.take() == true { terminal.bell() }
            // Ages are counted on the monotonic clock, so is the once-a-second tick.
            let second = store.now().instant.offset.components.seconds
            if second != lastSecond {
                lastSecond = second
                store.send(.clockTick)
            }
            let (revision, isQuitting) = store.status()
            if isQuitting { return .quit }
            let now = clock.now
            switch scheduler.decide(now: now - origin, stateVersion: revision, interactive: typed) {
            case .drawNow:
                let (drawnRevision, size, screen) = draw(on: terminal, with: &renderer, startedAt: now, clock: clock)
                shownSize = size
                shownScreen = screen
                typed = false
                scheduler.didDraw(startedAt: now - origin, finishedAt: clock.now - origin, stateVersion: drawnRevision)
            case let .wait(until, wakeOnChange):
                if wakeup.wait(timeoutMilliseconds: Self.milliseconds(until - (now - origin)), wakes: wakeOnChange).contains(.hangup) {
                    return .signal(SIGHUP)
                }
            }
        }
    }

    /// A wait for `remaining` in whole milliseconds for `poll(2)`: rounded up (waking before a
    /// frame is due would only cost a second wait), at least 1, at most 1000.
    static func milliseconds(_ remaining: Duration) -> Int32 {
        let (seconds, attoseconds) = remaining.components
        let nanoseconds = seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        return Int32(max(1, min(1000, (nanoseconds + 999_999) / 1_000_000)))
    }

    /// What the loop does for a job-control signal.
    public enum JobControlReaction: Equatable, Sendable {
        /// Give the terminal back and stop (SIGTSTP).
        case suspend
        /// Take the terminal's modes back, clear the screen and print every cell again
        /// (SIGCONT: the shell wrote on the screen and set its own modes while we were
        /// stopped, so what ncurses last drew is no longer what is shown).
        case repaint
    }

    /// The reaction to `signal`, nil for a signal that is not a job-control one.
    public static func reaction(toJobControl signal: Int32) -> JobControlReaction? {
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
    public static func keysSeeTooSmallScreen(terminalSize: Size, shownSize: Size?) -> Bool {
        DashboardLayout.isTooSmall(terminalSize) || shownSize.map(DashboardLayout.isTooSmall) ?? true
    }

    /// Reads every pending key and resize; keys become intents sent to the store (or a
    /// repaint, or a suspend). While the terminal is too small only the quit keys act. Returns
    /// whether anything was read.
    private func drainInput(
        _ terminal: any LoopTerminal, _ scheduler: inout FrameScheduler, shownSize: Size?, shownScreen: DashboardScreen?
    ) -> Bool {
        var any = false
        while let event = terminal.readEvent() {
            any = true
            switch event {
            case .resize:
                scheduler.invalidate()
            case let .mouse(mouse):
                // A click acts on the frame the trader sees, never on a too-small screen.
                guard let shownScreen, let shownSize,
                      !Self.keysSeeTooSmallScreen(terminalSize: terminal.size, shownSize: shownSize) else { continue }
                for intent in DashboardMouse.intents(for: mouse, screen: shownScreen, size: shownSize, glyphs: look.value.1) {
                    store.send(.user(intent))
                }
            case let .key(key):
                let state = store.snapshot()
                let command = keyInput.command(
                    for: key, overlay: state.interface.overlay, ticket: state.ticket, pane: state.interface.focusedPane,
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
    private func repaint(_ terminal: any LoopTerminal, _ scheduler: inout FrameScheduler) {
        terminal.invalidate()
        scheduler.invalidate()
    }

    /// Ctrl-Z or SIGTSTP: `endwin`, stop the process with SIGTSTP's default action, and when
    /// continued repaint everything. Without a signal watcher there is nothing to stop with.
    private func suspend(_ terminal: any LoopTerminal, _ scheduler: inout FrameScheduler) {
        guard let signals else { return }
        terminal.suspend { signals.stopProcess() }
        repaint(terminal, &scheduler)
    }

    /// Draws a frame of the store's state as it is now; returns the revision drawn, the
    /// frame's size and the screen model drawn, and tells the frame observer.
    private func draw(
        on terminal: any LoopTerminal, with renderer: inout DashboardFrameRenderer, startedAt start: ContinuousClock.Instant,
        clock: ContinuousClock
    ) -> (UInt64, Size, DashboardScreen) {
        let (state, revision, marks) = store.takeFrame()
        let (theme, glyphs) = look.value
        let size = terminal.size
        let screen = renderer.screen(state: state, now: store.now(), size: size, glyphs: glyphs)
        let modelled = frameObserver == nil ? start : clock.now
        let canvas = renderer.render(screen, size: size, theme: theme.degraded(to: terminal.colorDepth), glyphs: glyphs)
        let rendered = frameObserver == nil ? start : clock.now
        terminal.present(canvas)
        if let frameObserver {
            let presented = clock.now
            frameObserver(
                FrameReport(startedAt: start, presentedAt: presented, modelTime: modelled - start, renderTime: rendered - modelled, marks: marks),
                canvas)
        }
        return (revision, canvas.size, screen)
    }
}
