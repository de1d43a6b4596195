import Vocabulary

/// One alert: its rule, whether it fired, and whether the trader has seen it.
///
/// An alert fires when its rule becomes true (an edge, not a level: a price above 275 fires once
/// when it crosses, not on every tick) and re-arms when the rule is false again. A fired alert
/// stays in the footer until acknowledged.
public struct Alert: Sendable, Hashable, Identifiable {
    /// Its number (`:alert rm N`).
    public var id: Int
    /// What it watches.
    public var rule: AlertRule
    /// A program to run when it fires (the alert as JSON on its standard input), if any.
    public var command: String?
    /// When it was set (a `stale` rule on a symbol that never had data counts from here).
    public var createdAt: SessionInstant?
    /// Whether the rule held at the last evaluation (it fires on the change to true).
    public var holds = false
    /// When it last fired (monotonic), and the value that fired it.
    public var firedAt: SessionInstant?
    /// The value that fired it (`275.10`), for the message.
    public var firedValue: String?
    /// The wall-clock time it fired, for the message and journal.
    public var firedWall: Timestamp?
    /// Whether the trader acknowledged its last firing.
    public var acknowledged = true

    /// Creates an armed alert.
    public init(id: Int, rule: AlertRule, command: String? = nil) {
        self.id = id
        self.rule = rule
        self.command = command
    }
}
