/// The 16 standard terminal colours; raw values are their ANSI indices (0-7 normal, 8-15 bright).
public enum NamedColor: Int, CaseIterable, Hashable, Sendable {
    /// ANSI 0.
    case black = 0
    /// ANSI 1.
    case red
    /// ANSI 2.
    case green
    /// ANSI 3.
    case yellow
    /// ANSI 4.
    case blue
    /// ANSI 5.
    case magenta
    /// ANSI 6.
    case cyan
    /// ANSI 7.
    case white
    /// ANSI 8.
    case brightBlack
    /// ANSI 9.
    case brightRed
    /// ANSI 10.
    case brightGreen
    /// ANSI 11.
    case brightYellow
    /// ANSI 12.
    case brightBlue
    /// ANSI 13.
    case brightMagenta
    /// ANSI 14.
    case brightCyan
    /// ANSI 15.
    case brightWhite

    /// The theme-file spelling: `red`, `bright_red`, ...
    public var name: String {
        let base = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"][rawValue % 8]
        return rawValue < 8 ? base : "bright_" + base
    }

    /// Looks a colour up by its theme-file spelling (`bright_red`, `bright-red`, `grey` for bright black).
    public init?(name: String) {
        let key = String(name.lowercased().map { $0 == "-" ? "_" : $0 })
        if key == "gray" || key == "grey" {
            self = .brightBlack
            return
        }
        guard let found = NamedColor.allCases.first(where: { $0.name == key }) else { return nil }
        self = found
    }

    /// The normal (non-bright) colour of the same hue.
    public var normal: NamedColor { NamedColor(rawValue: rawValue % 8)! }

    /// The approximate RGB value xterm uses for this colour.
    public var rgb: (r: UInt8, g: UInt8, b: UInt8) {
        let table: [(UInt8, UInt8, UInt8)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
            (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
            (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        let entry = table[rawValue]
        return (entry.0, entry.1, entry.2)
    }
}
