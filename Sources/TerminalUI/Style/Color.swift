/// A terminal colour: the terminal's default, one of the 16 named colours, a 256-palette index,
/// or 24-bit RGB. Use `degraded(to:)` to fit it to what a terminal can show.
public enum Color: Hashable, Sendable, CustomStringConvertible {
    /// The terminal's own foreground or background colour.
    case `default`
    /// One of the 16 ANSI colours.
    case named(NamedColor)
    /// An index into the xterm 256-colour palette.
    case indexed(UInt8)
    /// A 24-bit colour.
    case rgb(UInt8, UInt8, UInt8)

    /// Parses a theme-file colour: `default`, a name (`red`, `bright_blue`), an index (`208`,
    /// `color208`) or `#rrggbb`. Returns nil for anything else.
    public init?(parsing text: String) {
        let trimmed = text.trimmedOfSpaces().lowercased()
        if trimmed == "default" || trimmed == "none" {
            self = .default
        } else if let named = NamedColor(name: trimmed) {
            self = .named(named)
        } else if trimmed.hasPrefix("#") {
            let hex = trimmed.dropFirst()
            guard hex.count == 6, let value = UInt32(hex, radix: 16) else { return nil }
            self = .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
        } else {
            let digits = trimmed.hasPrefix("color") ? String(trimmed.dropFirst(5)) : trimmed
            guard let index = UInt8(digits) else { return nil }
            self = .indexed(index)
        }
    }

    /// The theme-file spelling of this colour (round-trips through `init(parsing:)`).
    public var description: String {
        switch self {
        case .default: return "default"
        case let .named(named): return named.name
        case let .indexed(index): return String(index)
        case let .rgb(r, g, b):
            return "#" + [r, g, b].map { value in
                let hex = String(value, radix: 16)
                return hex.count == 1 ? "0" + hex : hex
            }.joined()
        }
    }

    /// The colour fitted to `depth`: RGB becomes the nearest 256-palette entry, 256-palette
    /// entries become the nearest of 16 or 8 named colours, and everything becomes `.default`
    /// on a monochrome terminal.
    public func degraded(to depth: ColorDepth) -> Color {
        switch (self, depth) {
        case (.default, _), (_, .trueColor):
            return self
        case (_, .monochrome):
            return .default
        case let (.rgb(r, g, b), .indexed256):
            return .indexed(ColorPalette.nearestIndex(r: r, g: g, b: b))
        case (.indexed, .indexed256), (.named, .indexed256), (.named, .ansi16):
            return self
        case let (.named(named), .ansi8):
            return .named(named.normal)
        case let (.indexed(index), .ansi16):
            return .named(ColorPalette.nearestNamed(index: index, brights: true))
        case let (.indexed(index), .ansi8):
            return .named(ColorPalette.nearestNamed(index: index, brights: false))
        case let (.rgb(r, g, b), .ansi16), let (.rgb(r, g, b), .ansi8):
            return Color.indexed(ColorPalette.nearestIndex(r: r, g: g, b: b)).degraded(to: depth)
        }
    }
}
