/// Something in a theme or config file that was ignored (an unknown key, a value that does not
/// parse); loading goes on with the built-in value where the bad one was.
public struct ConfigWarning: Hashable, Sendable, CustomStringConvertible {
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
