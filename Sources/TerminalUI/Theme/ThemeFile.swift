import TOMLKit
import Vocabulary

/// A theme parsed from TOML text, with what the file left out and what it got wrong.
///
/// The format names a style for each role under `[roles]`, either as a table or as a bare
/// foreground colour:
///
/// ```toml
/// name = "default"
/// [roles]
/// text  = "252"                                   # foreground only
/// stale = { fg = "#ff8700", underline = true }
/// paper = { fg = "black", bg = "220", bold = true }
/// ```
///
/// Style keys are `fg`, `bg`, `bold`, `underline`, `reverse` and `dim`. Colours are names
/// (`red`, `bright_red`), 256-palette indices (`"208"` or `208`), `#rrggbb` or `default`.
public struct ThemeFile: Sendable {
    /// The theme, complete for every role.
    public var theme: Theme
    /// Roles the file did not name; they took the fallback theme's style.
    public var missingRoles: [ThemeRole]
    /// Unknown keys and unusable values, in file order as far as TOML keeps it.
    public var warnings: [ConfigWarning]

    /// The top-level keys a theme file may have besides `[roles]`.
    static let metadataKeys: Set<String> = ["name", "description", "author", "dark"]

    /// Parses theme `text`. Roles the file leaves out, and values that do not parse, take
    /// `fallback`'s style. `defaultName` names the theme when the file has no `name` key.
    /// Throws `ConfigError` only when the text is not TOML or `[roles]` is not a table.
    public init(parsing text: String, defaultName: String = "custom", fallback: Theme = .builtinDefault) throws(ConfigError) {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(.syntax, line: error.source.begin.line, column: error.source.begin.column, keyPath: nil, message: error.description)
        } catch {
            throw ConfigError(.syntax, line: nil, keyPath: nil, message: "not a TOML document")
        }
        var warnings: [ConfigWarning] = []
        var name = defaultName
        for (key, value) in root where key != "roles" {
            if key == "name", let text = value.string {
                name = text
            } else if !Self.metadataKeys.contains(key) {
                warnings.append(ConfigWarning(keyPath: key, message: "unknown key, ignored"))
            }
        }
        var styles: [ThemeRole: Style] = [:]
        if let rolesValue = root["roles"] {
            guard let roles = rolesValue.table else { throw ConfigError(.wrongType, line: nil, keyPath: nil, message: "`roles` must be a table") }
            for (key, value) in roles {
                guard let role = ThemeRole(rawValue: key) else {
                    warnings.append(ConfigWarning(keyPath: "roles.\(key)", message: "unknown role, ignored"))
                    continue
                }
                styles[role] = Self.style(from: value, base: fallback[role], path: "roles.\(key)", warnings: &warnings)
            }
        } else {
            warnings.append(ConfigWarning(keyPath: "roles", message: "missing; every role uses the fallback theme"))
        }
        theme = Theme(name: name, styles: styles, fallback: fallback)
        missingRoles = ThemeRole.allCases.filter { styles[$0] == nil }
        self.warnings = warnings
    }

    /// Reads one role's style: a bare colour string or index, or a table of style keys.
    /// Keys not given start from the plain style (not from `base`), so a file fully decides how
    /// a role it names looks; an unusable value keeps `base`'s value for that key.
    static func style(
        from value: any TOMLValueConvertible, base: Style, path: String, warnings: inout [ConfigWarning]
    ) -> Style {
        if value.table == nil {
            guard let color = color(from: value) else {
                warnings.append(ConfigWarning(keyPath: path, message: "expected a colour or a table of style keys"))
                return base
            }
            return Style(foreground: color)
        }
        var style = Style()
        for (key, entry) in value.table! {
            let keyPath = "\(path).\(key)"
            switch key {
            case "fg", "bg":
                guard let color = color(from: entry) else {
                    warnings.append(ConfigWarning(keyPath: keyPath, message: "not a colour, using the fallback"))
                    if key == "fg" { style.foreground = base.foreground } else { style.background = base.background }
                    continue
                }
                if key == "fg" { style.foreground = color } else { style.background = color }
            case "bold", "underline", "reverse", "dim":
                guard let flag = entry.bool else {
                    warnings.append(ConfigWarning(keyPath: keyPath, message: "expected true or false"))
                    continue
                }
                switch key {
                case "bold": style.bold = flag
                case "underline": style.underline = flag
                case "reverse": style.reverse = flag
                default: style.dim = flag
                }
            default:
                warnings.append(ConfigWarning(keyPath: keyPath, message: "unknown style key, ignored"))
            }
        }
        return style
    }

    /// A colour from a string (`"red"`, `"#ff0000"`, `"196"`) or an integer palette index.
    static func color(from value: any TOMLValueConvertible) -> Color? {
        if let text = value.string { return Color(parsing: text) }
        if let index = value.int, (0...255).contains(index) { return .indexed(UInt8(index)) }
        return nil
    }
}
