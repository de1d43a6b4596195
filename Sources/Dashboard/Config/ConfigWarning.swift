/// A problem in the configuration that does not stop ibterm, such as an unknown key (often a
/// typo, so it is always reported).
public struct ConfigWarning: Sendable, Hashable, CustomStringConvertible {
    /// The 1-based line, if known.
    public var line: Int?
    /// The dotted key path.
    public var keyPath: String
    /// A sentence describing the problem.
    public var message: String

    /// Creates a warning.
    public init(line: Int?, keyPath: String, message: String) {
        self.line = line
        self.keyPath = keyPath
        self.message = message
    }

    /// `line 7: gatway: unknown key, ignored`.
    public var description: String {
        (line.map { "line \($0): " } ?? "") + "\(keyPath): \(message)"
    }
}
