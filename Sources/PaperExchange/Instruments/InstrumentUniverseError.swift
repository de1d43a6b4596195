/// Why an instrument data file could not be turned into an ``InstrumentUniverse``.
public struct InstrumentUniverseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, naming the instrument or the TOML position.
    public var message: String

    /// Creates an error with `message`.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
