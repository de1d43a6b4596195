/// An in-memory `TerminalBackend` for tests: it keeps the screen as a canvas updated only
/// through diffs (as a real terminal is), records every diff, hands out scripted input, and
/// counts restores.
public final class VirtualTerminal: TerminalBackend {
    /// The current size; change it with `resize(to:)`.
    public private(set) var size: Size
    /// What the screen shows, built only from the diffs presented.
    public private(set) var screen: Canvas
    /// Every diff presented, oldest first.
    public private(set) var diffs: [CanvasDiff] = []
    /// Input still to be read, oldest first.
    public var pendingEvents: [InputEvent] = []
    /// How many times `restore()` was called.
    public private(set) var restoreCount = 0
    /// The last canvas presented; nil forces a full redraw.
    private var previousFrame: Canvas?

    /// Creates a virtual terminal of `size`.
    public init(size: Size) {
        self.size = size
        self.screen = Canvas(size: size)
    }

    /// Shows `canvas` by diffing it against the previous frame and applying the diff to
    /// `screen`.
    public func present(_ canvas: Canvas) {
        let diff = CanvasDiff(from: previousFrame, to: canvas)
        diffs.append(diff)
        screen.apply(diff)
        previousFrame = canvas
    }

    /// Makes the next `present` a full redraw.
    public func invalidate() {
        previousFrame = nil
    }

    /// Pops the oldest pending event, or nil when none is left.
    public func readEvent() -> InputEvent? {
        pendingEvents.isEmpty ? nil : pendingEvents.removeFirst()
    }

    /// Counts the call.
    public func restore() {
        restoreCount += 1
    }

    /// Scrolls what the screen shows up by `lines` rows (blank rows enter at the bottom) behind
    /// the backend's back: what a shell's output does while the dashboard is suspended
    /// (`[1]+ Stopped`, `fg`). The last frame presented is kept, so the next `present` diffs
    /// against a frame the screen no longer shows, unless `invalidate()` came first.
    public func scrollScreen(by lines: Int) {
        var scrolled = Canvas(size: screen.size)
        for y in 0..<max(0, screen.size.height - lines) {
            for (x, cell) in screen.row(y + lines).enumerated() where !cell.isContinuation {
                scrolled.set(cell, at: Point(x: x, y: y))
            }
        }
        screen = scrolled
    }

    /// Changes the size and queues the `.resize` event a real terminal would deliver; the next
    /// `present` is a full redraw.
    public func resize(to newSize: Size) {
        size = newSize
        previousFrame = nil
        pendingEvents.append(.resize(newSize))
    }
}
