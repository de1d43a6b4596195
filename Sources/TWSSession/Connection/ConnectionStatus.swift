/// A connection state together with the time the last inbound message arrived.
public struct ConnectionStatus: Hashable, Sendable {
    /// The state.
    public var state: ConnectionState
    /// When the last inbound message arrived on any connection; `nil` before the first.
    public var lastMessageReceivedAt: SessionInstant?

    /// Creates a status.
    public init(state: ConnectionState, lastMessageReceivedAt: SessionInstant?) {
        self.state = state
        self.lastMessageReceivedAt = lastMessageReceivedAt
    }
}
