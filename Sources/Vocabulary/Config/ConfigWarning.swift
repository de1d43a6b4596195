/// A problem in a settings file (the configuration, a theme, key bindings) that does not stop
/// ibterm, such as an unknown key (often a typo, so it is always reported): loading goes on with
/// the built-in value where the bad one was.
public struct ConfigWarning: Sendable, Hashable, CustomStringConvertible {
    /// The 1-based line, if known.
    public var line: Int?
    /// The dotted key path.
    public var keyPath: String
    /// A sentence describing the problem.
    public var message: String

    /// Creates a warning.
    public init(line: Int? = nil, keyPath: String, message: String) {
        self.line = line
        self.keyPath = keyPath
        self.message = message
    }

    /// `line 7: gatway: unknown key, ignored`.
    public var description: String {
        (line.map { "line \($0): " } ?? "") + "\(keyPath): \(message)"
    }
}
