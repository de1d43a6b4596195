/// Why a settings file (the configuration, a theme, key bindings) was refused, as opposed to a
/// ``ConfigWarning``, which leaves a usable result: where (line and column, when known), which
/// key, and what went wrong.
public struct ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// The text is not valid TOML.
        case syntax
        /// A key has a value of the wrong type.
        case wrongType
        /// A key has a value of the right type but out of range or malformed.
        case invalidValue
    }

    /// What went wrong.
    public var code: Code
    /// The 1-based line of the problem, if known.
    public var line: Int?
    /// The 1-based column of the problem, if known.
    public var column: Int?
    /// The dotted key path (`ticket.max_quantity`), if the problem is about a key.
    public var keyPath: String?
    /// A sentence describing the problem.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, line: Int?, column: Int? = nil, keyPath: String?, message: String) {
        self.code = code
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
    }

    /// `line 12: ticket.max_quantity: must be a whole number above 0`, or
    /// `line 2, column 7: message` where the column is known.
    public var description: String {
        var parts: [String] = []
        if let line { parts.append("line \(line)" + (column.map { ", column \($0)" } ?? "")) }
        if let keyPath { parts.append(keyPath) }
        parts.append(message)
        return parts.joined(separator: ": ")
    }
}
