import DashboardRuntime
import TerminalUI

/// The headless presentation back end of `tick-to-screen`: what a terminal back end does with
/// a frame short of the terminal itself. TerminalUI has no byte-producing renderer, so the
/// "flush" is the canvas diff against the previous frame (what `CursesTerminal` prints),
/// applied to an in-memory screen as a terminal would apply the printed runs.
final class HeadlessTerminal: LoopTerminal {
    let size: Size
    let colorDepth = ColorDepth.trueColor
    private(set) var screen: Canvas
    private var previousFrame: Canvas?
    /// Cells printed so far (the runs' lengths).
    private(set) var cellsPrinted = 0

    init(size: Size) {
        self.size = size
        screen = Canvas(size: size)
    }

    func present(_ canvas: Canvas) {
        let diff = CanvasDiff(from: previousFrame, to: canvas)
        screen.apply(diff)
        cellsPrinted += diff.cellCount
        previousFrame = canvas
    }

    func invalidate() { previousFrame = nil }
    func readEvent() -> InputEvent? { nil }
    func restore() {}
    /// Nothing to give back: the benchmark never suspends.
    func suspend(_ stop: () -> Void) { stop() }
    func continued() { previousFrame = nil }
}
