/// How many colours a terminal can show, from none to 24-bit.
public enum ColorDepth: Int, Comparable, CaseIterable, Hashable, Sendable {
    /// No colour at all: `NO_COLOR`, `TERM=dumb`, or a terminal without colour support.
    case monochrome = 0
    /// The 8 basic ANSI colours.
    case ansi8
    /// The 16 ANSI colours including bright variants.
    case ansi16
    /// The xterm 256-colour palette.
    case indexed256
    /// 24-bit RGB.
    case trueColor

    /// The depth for a terminal reporting `colorCount` colours (ncurses' `COLORS`). `noColor`
    /// (the user asked for no colour, e.g. through `NO_COLOR`) forces `.monochrome`.
    public init(colorCount: Int, noColor: Bool = false) {
        switch colorCount {
        case _ where noColor: self = .monochrome
        case ..<8: self = .monochrome
        case 8..<16: self = .ansi8
        case 16..<256: self = .ansi16
        case 256..<(1 << 24): self = .indexed256
        default: self = .trueColor
        }
    }

    /// Orders depths from fewest to most colours.
    public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
