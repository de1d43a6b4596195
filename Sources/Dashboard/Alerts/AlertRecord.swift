/// An alert as it is saved with the state and read back at start: its rule and command.
public struct AlertRecord: Sendable, Hashable, Codable {
    /// What it watches.
    public var rule: AlertRule
    /// The program to run when it fires, if any.
    public var command: String?

    /// Creates a record.
    public init(rule: AlertRule, command: String? = nil) {
        self.rule = rule
        self.command = command
    }
}
