import CNcurses
import TerminalUI

/// Turns ncurses' mouse button state into the dashboard's mouse events. Pure: tests pass the
/// real ncurses bit values without a screen.
public enum CursesMouse {
    /// The bits of button 1 pressed and the wheel (buttons 4 and 5) in the linked ncurses.
    public struct Bits: Hashable, Sendable {
        /// `BUTTON1_PRESSED`, `BUTTON4_PRESSED`, `BUTTON5_PRESSED` (0 where the library has no
        /// button 5).
        public var press: UInt, wheelUp: UInt, wheelDown: UInt

        /// The values of the ncurses headers this target links.
        public static let ncurses = Bits(press: ibt_button1_pressed(), wheelUp: ibt_button4_pressed(), wheelDown: ibt_button5_pressed())

        /// Creates a table of bits.
        public init(press: UInt, wheelUp: UInt, wheelDown: UInt) {
            self.press = press
            self.wheelUp = wheelUp
            self.wheelDown = wheelDown
        }
    }

    /// The event for a `getmouse` result, or nil for buttons the dashboard does not use
    /// (releases, other buttons, moves).
    public static func event(buttons: UInt, x: Int, y: Int, bits: Bits = .ncurses) -> MouseEvent? {
        guard x >= 0, y >= 0 else { return nil }
        let point = Point(x: x, y: y)
        if bits.wheelUp != 0, buttons & bits.wheelUp != 0 { return MouseEvent(.wheelUp, at: point) }
        if bits.wheelDown != 0, buttons & bits.wheelDown != 0 { return MouseEvent(.wheelDown, at: point) }
        if bits.press != 0, buttons & bits.press != 0 { return MouseEvent(.press, at: point) }
        return nil
    }
}
