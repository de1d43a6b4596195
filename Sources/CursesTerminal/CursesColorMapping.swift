import TerminalUI

/// Maps `Color` values to ncurses colour numbers for a terminal's colour depth. Pure.
public struct CursesColorMapping: Hashable, Sendable {
    /// The depth colours are degraded to. True colour is treated as 256 colours, since
    /// ncurses colour pairs address palette entries.
    public var depth: ColorDepth
    /// Whether `use_default_colors` succeeded, so -1 means "the terminal's own colour".
    /// Without it the default foreground is white (7) and the default background black (0).
    public var hasDefaultColors: Bool

    /// Creates a mapping.
    public init(depth: ColorDepth, hasDefaultColors: Bool = true) {
        self.depth = min(depth, .indexed256)
        self.hasDefaultColors = hasDefaultColors
    }

    /// The ncurses colour number for `color` used as a foreground (`isBackground` false) or
    /// background.
    public func number(for color: Color, isBackground: Bool = false) -> Int16 {
        switch color.degraded(to: depth) {
        case .default:
            return hasDefaultColors ? -1 : (isBackground ? 0 : 7)
        case let .named(named):
            return Int16(named.rawValue)
        case let .indexed(index):
            return Int16(index)
        case .rgb:
            return hasDefaultColors ? -1 : (isBackground ? 0 : 7)
        }
    }

    /// The foreground and background colour numbers of `style`.
    public func numbers(for style: Style) -> (foreground: Int16, background: Int16) {
        (number(for: style.foreground), number(for: style.background, isBackground: true))
    }
}
