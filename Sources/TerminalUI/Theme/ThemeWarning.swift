/// Something in a theme file that was ignored (an unknown key, a colour that does not parse);
/// the theme still loads, with the built-in style where the bad value was.
public struct ThemeWarning: Hashable, Sendable, CustomStringConvertible {
    /// The dotted key path the warning is about (`roles.up.fg`).
    public var key: String
    /// What was wrong with it.
    public var message: String

    /// Creates a warning.
    public init(key: String, message: String) {
        self.key = key
        self.message = message
    }

    /// `key: message`.
    public var description: String { "\(key): \(message)" }
}
