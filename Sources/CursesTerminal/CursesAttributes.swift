import CNcurses
import TerminalUI

/// The ncurses attribute bits for a style's text attributes. Pure: the bit values come from
/// the headers, no screen is needed.
public enum CursesAttributes {
    /// The `A_*` bits for bold, underline, reverse and dim in `style` (colours excluded).
    public static func bits(for style: Style) -> UInt32 {
        var bits = ibt_a_normal()
        if style.bold { bits |= ibt_a_bold() }
        if style.underline { bits |= ibt_a_underline() }
        if style.reverse { bits |= ibt_a_reverse() }
        if style.dim { bits |= ibt_a_dim() }
        return bits
    }
}
