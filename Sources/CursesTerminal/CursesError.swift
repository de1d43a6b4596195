/// Why the curses terminal could not start.
public struct CursesError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: Hashable, Sendable {
        /// Standard input or output is not a terminal.
        case notATerminal
        /// ncurses could not initialise the terminal (unknown `TERM`, for example).
        case initializationFailed
        /// The terminal was already started.
        case alreadyStarted
    }

    /// The kind of failure.
    public var code: Code
    /// A sentence for the user.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
