/// Why a scenario file could not be read.
public struct ScenarioError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, naming the fault entry or the TOML position.
    public var message: String

    /// Creates an error with `message`.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
