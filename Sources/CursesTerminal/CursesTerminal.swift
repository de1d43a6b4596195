import CNcurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TerminalUI

/// The ncurses backend: starts curses mode, presents canvases (only the changed cells), reads
/// keys and resizes, and restores the terminal.
///
/// Not thread-safe: create it, draw with it and read from it on one thread. The process-wide
/// restore (`TerminalRestore.restore()`) may run from any exit path; it runs `endwin` once.
///
/// ```swift
/// let terminal = CursesTerminal(options: CursesTerminalOptions(noColor: noColor))
/// try terminal.start()
/// defer { terminal.restore() }
/// ```
public final class CursesTerminal: TerminalBackend {
    /// The options given at creation.
    public let options: CursesTerminalOptions
    /// The colour depth in use (known after `start()`; monochrome before).
    public private(set) var colorDepth: ColorDepth = .monochrome
    /// Whether the screen is started and not restored.
    public private(set) var isStarted = false

    /// Colour numbers for styles.
    private var colorMapping = CursesColorMapping(depth: .monochrome)
    /// Colour pairs handed out so far.
    private var pairs = ColorPairAllocator(colorPairs: 0)
    /// Key decoding.
    private let decoder = CursesKeyDecoder()
    /// The last canvas presented; nil forces a full repaint.
    private var previousFrame: Canvas?

    /// Creates a backend; nothing touches the terminal until `start()`.
    public init(options: CursesTerminalOptions = CursesTerminalOptions()) {
        self.options = options
    }

    deinit {
        restore()
    }

    /// Enters curses mode: locale from the environment (for wide characters), `newterm` on
    /// stdout/stdin, cbreak or raw, no echo, keypad on, hidden cursor, colours with the
    /// terminal's defaults, and the `atexit` restore hook.
    /// - Throws: `CursesError` when stdin/stdout is not a terminal or ncurses cannot start.
    public func start() throws(CursesError) {
        guard !isStarted, !TerminalRestore.isScreenActive else {
            throw CursesError(.alreadyStarted, message: "the terminal is already in curses mode")
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CursesError(.notATerminal, message: "standard input and output must be a terminal")
        }
        ibt_setlocale_from_environment()
        TerminalRestore.saveTerminalAttributes()
        guard ibt_newterm() == ibt_ok() else {
            throw CursesError(.initializationFailed, message: "ncurses could not initialise the terminal (check TERM)")
        }
        guard ibt_can_address_cursor() != 0 else {
            // A terminal that cannot move the cursor would show one frozen frame: say so instead.
            endwin()
            let name = getenv("TERM").map { String(cString: $0) } ?? "unknown"
            throw CursesError(
                .initializationFailed,
                message: "TERM=\(name) cannot move the cursor, so the dashboard cannot be drawn; use a full-screen terminal (e.g. TERM=xterm-256color), or `ibterm quote`/`positions`/`orders` for plain output")
        }
        isStarted = true
        TerminalRestore.screenStarted()
        if options.restoreOnCrash { TerminalRestore.installCrashHandlers() }
        if options.rawInput { raw() } else { cbreak() }
        noecho()
        nonl()
        _ = ibt_keypad(1)
        _ = ibt_leaveok(1)
        curs_set(0)
        set_escdelay(options.escapeDelayMilliseconds)
        ibt_timeout(options.inputTimeoutMilliseconds)
        if options.mouse { _ = ibt_mouse_enable(1) }
        setUpColors()
        previousFrame = nil
    }

    /// Starts colour, asks for the terminal's default colours, and derives the colour depth.
    private func setUpColors() {
        var hasDefaults = false
        if !options.noColor, has_colors() {
            start_color()
            hasDefaults = use_default_colors() == ibt_ok()
        }
        colorDepth = options.noColor || !has_colors()
            ? .monochrome : ColorDepth(colorCount: Int(ibt_colors()))
        colorMapping = CursesColorMapping(depth: colorDepth, hasDefaultColors: hasDefaults)
        pairs = ColorPairAllocator(colorPairs: colorDepth == .monochrome ? 0 : Int(ibt_color_pairs()))
    }

    /// The terminal's current size in cells (zero before `start()`).
    public var size: Size {
        guard isStarted else { return .zero }
        var rows: Int32 = 0
        var columns: Int32 = 0
        ibt_getmaxyx(&rows, &columns)
        return Size(width: Int(columns), height: Int(rows))
    }

    /// Draws `canvas`, printing only what changed since the last presented canvas (everything
    /// after a resize, `invalidate()`, or the first frame), then updates the physical screen.
    public func present(_ canvas: Canvas) {
        guard isStarted else { return }
        flush(CanvasDiff(from: previousFrame, to: canvas))
        previousFrame = canvas
    }

    /// Rings the terminal bell (ncurses `beep`, which flashes the screen where the terminal has
    /// no audible bell). Nothing before `start()` or after `restore()`.
    public func bell() {
        guard isStarted else { return }
        _ = ibt_beep()
    }

    /// Makes the next `present` repaint the whole screen (after something else drew on it):
    /// the screen is cleared and every cell printed again, whatever ncurses believes is shown
    /// (Ctrl-L, SIGCONT).
    public func invalidate() {
        previousFrame = nil
    }

    /// Prints a diff's runs and calls `doupdate`. A full-redraw diff clears the screen first.
    public func flush(_ diff: CanvasDiff) {
        guard isStarted else { return }
        if diff.isFullRedraw {
            _ = ibt_erase()
            _ = ibt_clearok(1)
        }
        for run in diff.runs {
            printRun(run)
        }
        _ = ibt_noutrefresh()
        doupdate()
    }

    /// Prints one run, one `mvaddstr` per stretch of equally styled cells. A wide character's
    /// continuation cell is never printed (the terminal advances two columns by itself).
    private func printRun(_ run: CanvasDiff.Run) {
        var index = 0
        while index < run.cells.count {
            let style = run.cells[index].style
            let startX = run.origin.x + index
            var text = ""
            while index < run.cells.count,
                  run.cells[index].isContinuation || run.cells[index].style == style || text.isEmpty {
                if !run.cells[index].isContinuation { text.append(run.cells[index].character) }
                index += 1
            }
            guard !text.isEmpty else { continue }
            apply(style)
            _ = ibt_mvaddstr(Int32(run.origin.y), Int32(startX), text)
        }
    }

    /// Sets the current attributes and colour pair for `style`, allocating a pair if needed.
    private func apply(_ style: Style) {
        let (foreground, background) = colorMapping.numbers(for: style)
        let allocation = pairs.pair(foreground: foreground, background: background)
        if case let .new(pair) = allocation {
            init_pair(pair, foreground, background)
        }
        _ = ibt_attr_set(CursesAttributes.bits(for: style), Int32(allocation.pair))
    }

    /// Reads the next input event, waiting as `inputTimeoutMilliseconds` says. Returns nil when
    /// the wait ended without input. Keys with no meaning here are skipped. A resize returns
    /// the new size and makes the next `present` repaint everything.
    public func readEvent() -> InputEvent? {
        guard isStarted else { return nil }
        while true {
            var code: UInt32 = 0
            let status = ibt_get_wch(&code)
            switch decoder.decode(status: status, code: code) {
            case .none:
                return nil
            case .ignored:
                continue
            case let .key(key):
                return .key(key)
            case .resize:
                previousFrame = nil
                return .resize(size)
            case .mouse:
                var x: Int32 = 0, y: Int32 = 0
                var buttons: UInt = 0
                guard ibt_get_mouse(&x, &y, &buttons) == ibt_ok(),
                      let event = CursesMouse.event(buttons: buttons, x: Int(x), y: Int(y)) else { continue }
                return .mouse(event)
            }
        }
    }

    /// Changes how long `readEvent()` waits: negative blocks, 0 polls, otherwise milliseconds.
    public func setInputTimeout(milliseconds: Int32) {
        guard isStarted else { return }
        ibt_timeout(milliseconds)
    }

    /// Gives the terminal back for a job-control stop and takes it again afterwards.
    ///
    /// `endwin` restores the shell's modes, the cursor and the normal screen; then `stop` runs
    /// (it stops the process, e.g. `TerminalSignalWatcher.stopProcess()`, and returns once the
    /// process is continued). Back in curses mode, input typed meanwhile is dropped and the
    /// next `present` repaints every cell: whatever the shell printed while we were stopped
    /// (`[1]+ Stopped`, `fg`, which may have scrolled the screen) is not what ncurses last drew,
    /// so a diff against the last frame would leave stale, shifted cells on screen.
    public func suspend(_ stop: () -> Void) {
        guard isStarted, !isendwin() else {
            stop()
            return
        }
        _ = def_prog_mode()
        endwin()
        _ = fflush(nil)
        stop()
        // The next doupdate re-enters curses mode (program tty modes, alternate screen).
        _ = flushinp()
        previousFrame = nil
    }

    /// Takes the terminal back after the process was continued (SIGCONT, `fg`): the program's
    /// tty modes (raw, no echo), keypad mode and hidden cursor again, because a shell may have
    /// put its own back while we were stopped without `endwin` (SIGSTOP cannot be caught); and
    /// the next `present` repaints every cell, because the shell's lines (`[1]+ Stopped`, `fg`)
    /// may have scrolled the screen under the frame ncurses last drew.
    public func continued() {
        guard isStarted else { return }
        if !isendwin() {
            _ = reset_prog_mode()
            _ = ibt_keypad(1)
            curs_set(1)
            curs_set(0)
        }
        previousFrame = nil
    }

    /// Leaves curses mode and gives the terminal back as it was. Idempotent.
    public func restore() {
        guard isStarted else { return }
        isStarted = false
        previousFrame = nil
        TerminalRestore.restore()
    }
}
