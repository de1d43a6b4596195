/// Something the terminal reports: a key press or a new size.
public enum InputEvent: Hashable, Sendable {
    /// A key was pressed.
    case key(KeyEvent)
    /// The terminal now has this size (SIGWINCH / ncurses' KEY_RESIZE).
    case resize(Size)
    /// A click or a turn of the wheel (only when the mouse is turned on).
    case mouse(MouseEvent)
}
