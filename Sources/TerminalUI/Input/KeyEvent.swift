/// One key press, decoded from the terminal. Control combinations that terminals cannot tell
/// apart from a named key are folded into it: ctrl-i is `.tab`, ctrl-m and ctrl-j are `.enter`,
/// ctrl-h is `.backspace`, ctrl-[ is `.escape`.
public enum KeyEvent: Hashable, Sendable, CustomStringConvertible {
    /// A printable character (case matters: `c` and `C` differ).
    case character(Character)
    /// Ctrl plus a lowercase letter, e.g. `.control("c")` for ctrl-c.
    case control(Character)
    /// Arrow up.
    case up
    /// Arrow down.
    case down
    /// Arrow left.
    case left
    /// Arrow right.
    case right
    /// Home.
    case home
    /// End.
    case end
    /// Page up.
    case pageUp
    /// Page down.
    case pageDown
    /// Insert.
    case insert
    /// Delete (forward).
    case delete
    /// Tab.
    case tab
    /// Shift-Tab.
    case backTab
    /// Enter / Return.
    case enter
    /// Escape.
    case escape
    /// Backspace.
    case backspace
    /// Function key F1-F24.
    case function(Int)

    /// Spellings of named keys, canonical spelling first.
    static let namedKeys: [(names: [String], key: KeyEvent)] = [
        (["up"], .up), (["down"], .down), (["left"], .left), (["right"], .right),
        (["home"], .home), (["end"], .end),
        (["pageup", "page-up", "pgup"], .pageUp), (["pagedown", "page-down", "pgdn", "pgdown"], .pageDown),
        (["insert", "ins"], .insert), (["delete", "del"], .delete),
        (["tab"], .tab), (["shift-tab", "backtab", "btab", "s-tab"], .backTab),
        (["enter", "return", "ret"], .enter), (["esc", "escape"], .escape),
        (["backspace", "bs"], .backspace), (["space"], .character(" ")),
    ]

    /// Parses a key name as written in a config file: a single character (`q`, `C`, `?`),
    /// `space`, a named key (`enter`, `esc`, `shift-tab`, `pgup`, ...), a function key (`F5`),
    /// or a control combination (`ctrl-c`, `c-c`, `^c`). Names are case-insensitive except a
    /// single character. Returns nil for anything else.
    public init?(name: String) {
        let trimmed = name.trimmedOfSpaces()
        if trimmed.count == 1, let only = trimmed.first {
            guard DisplayWidth.of(only) > 0 else { return nil }
            self = .character(only)
            return
        }
        let lower = trimmed.lowercased()
        if let named = KeyEvent.namedKeys.first(where: { $0.names.contains(lower) }) {
            self = named.key
            return
        }
        if lower.hasPrefix("f"), let number = Int(lower.dropFirst()), (1...24).contains(number) {
            self = .function(number)
            return
        }
        for prefix in ["ctrl-", "ctrl+", "c-", "^"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            guard rest.count == 1, let letter = rest.first else { return nil }
            guard let key = KeyEvent.fromControl(letter) else { return nil }
            self = key
            return
        }
        if lower.hasPrefix("shift-"), trimmed.count == 7, let letter = trimmed.last, letter.isLetter {
            self = .character(Character(letter.uppercased()))
            return
        }
        return nil
    }

    /// The key for ctrl plus `letter` (a-z or `[`), folding combinations that equal named keys.
    public static func fromControl(_ letter: Character) -> KeyEvent? {
        switch letter {
        case "i": return .tab
        case "m", "j": return .enter
        case "h": return .backspace
        case "[": return .escape
        case "a"..."z": return .control(letter)
        default: return nil
        }
    }

    /// The canonical config-file name (`q`, `C`, `space`, `ctrl-c`, `shift-tab`, `F5`), which
    /// `init(name:)` parses back to the same key.
    public var name: String {
        switch self {
        case .character(" "): return "space"
        case let .character(character): return String(character)
        case let .control(letter): return "ctrl-\(letter)"
        case let .function(number): return "F\(number)"
        default: return KeyEvent.namedKeys.first(where: { $0.key == self })?.names[0] ?? "?"
        }
    }

    /// The canonical name.
    public var description: String { name }
}
