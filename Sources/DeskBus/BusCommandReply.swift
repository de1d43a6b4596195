/// What the bridge publishes on the desk's results stream for one command: its key, who sent
/// it and how it ended.
public struct BusCommandReply: Sendable, Hashable, Codable {
    /// The command's idempotency key.
    public var idempotencyKey: String
    /// The dashboard that sent it.
    public var origin: String
    /// How it ended.
    public var result: BusCommandResult

    /// Creates a reply.
    public init(idempotencyKey: String, origin: String, result: BusCommandResult) {
        self.idempotencyKey = idempotencyKey
        self.origin = origin
        self.result = result
    }
}
