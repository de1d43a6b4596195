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
        let terminal = CursesTerminal(options: CursesTerminalOptions(noColor: noColor, inputTimeoutMilliseconds: 0))
        try terminal.start()
        defer { terminal.restore() }
        var scheduler = FrameScheduler(maxFramesPerSecond: 30, dataFramesPerSecond: 10, idleRefreshInterval: .seconds(1))
        var typed = false
        var drawnVersion: UInt64?
        let clock = ContinuousClock()
        let origin = clock.now
        var lastSecond: Int64 = -1
        while true {
            if let signal = signals.receivedSignal { return .signal(signal) }
            if drainInput(terminal, &scheduler) { typed = true }
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
                draw(state, on: terminal)
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

    /// Reads every pending key and resize; keys become intents sent to the store. Returns
    /// whether anything was read.
    private func drainInput(_ terminal: CursesTerminal, _ scheduler: inout FrameScheduler) -> Bool {
        var any = false
        while let event = terminal.readEvent() {
            any = true
            switch event {
            case .resize:
                scheduler.invalidate()
            case let .key(key):
                let state = store.snapshot()
                if let intent = keyInput.intent(for: key, overlay: state.interface.overlay, ticket: state.ticket) {
                    store.send(.user(intent))
                }
            }
        }
        return any
    }

    private func draw(_ state: DashboardState, on terminal: CursesTerminal) {
        let (theme, glyphs) = look.value
        let screen = DashboardScreen(state: state, now: store.now(), keymap: keyInput.keymap, timeZoneOffsetSeconds: utcOffsetSeconds)
        let canvas = DashboardView.render(screen, size: terminal.size, theme: theme.degraded(to: terminal.colorDepth), glyphs: glyphs)
        terminal.present(canvas)
    }
}
