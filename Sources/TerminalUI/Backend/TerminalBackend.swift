/// What a render loop needs from a terminal: its size, a way to show a frame, input, and a way
/// to give the terminal back. `CursesTerminal` is the real one; `VirtualTerminal` an in-memory
/// one for tests of the loop (frames shown, restore called exactly once).
public protocol TerminalBackend: AnyObject {
    /// The current size in cells.
    var size: Size { get }
    /// Shows `canvas`, printing only what changed since the previous frame.
    func present(_ canvas: Canvas)
    /// Makes the next `present` repaint everything.
    func invalidate()
    /// The next input event, or nil when the wait ended without one.
    func readEvent() -> InputEvent?
    /// Gives the terminal back to the shell. Idempotent.
    func restore()
}
