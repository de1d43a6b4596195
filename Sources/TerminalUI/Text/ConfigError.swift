/// Why a theme or config file could not be read at all (as opposed to a `ConfigWarning`, which
/// leaves a usable result).
public struct ConfigError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The 1-based line of the problem, when known.
    public var line: Int?
    /// The 1-based column of the problem, when known.
    public var column: Int?
    /// What went wrong.
    public var message: String

    /// Creates an error.
    public init(message: String, line: Int? = nil, column: Int? = nil) {
        self.message = message
        self.line = line
        self.column = column
    }

    /// `line L, column C: message`.
    public var description: String {
        guard let line else { return message }
        return "line \(line)" + (column.map { ", column \($0)" } ?? "") + ": " + message
    }
}
