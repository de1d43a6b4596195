import Dashboard
import Vocabulary

/// A dashboard's request to the bridge: one action, with the idempotency key that makes it run
/// at most once (``CommandLedger``), who asked and when.
public struct BusCommand: Sendable, Hashable, Codable {
    /// A UUID string the dashboard makes for the command; the bridge's done-hash is keyed by it.
    public var idempotencyKey: String
    /// The dashboard that sent it (its own id, a UUID string), so it can pick out its results.
    public var origin: String
    /// The dashboard's wall clock when it made the command (display and audit only).
    public var createdAt: Timestamp
    /// What to do.
    public var action: BusCommandAction

    /// Creates a command.
    public init(idempotencyKey: String, origin: String, createdAt: Timestamp, action: BusCommandAction) {
        self.idempotencyKey = idempotencyKey
        self.origin = origin
        self.createdAt = createdAt
        self.action = action
    }
}
