/// The connection's state as the rest of the application sees it.
public enum ConnectionState: Hashable, Sendable {
    /// Not connected, and not trying to be (before `connect`, or after a user disconnect).
    case disconnected
    /// Opening the socket. Attempt 0 is the first connect; later numbers are retries.
    case connecting(attempt: Int)
    /// The socket is open; the handshake and start-up messages are under way.
    case handshaking
    /// Handshake finished: nextValidId and a non-empty managedAccounts have arrived.
    case connected(SessionInfo)
    /// Subscriptions are being re-sent and orders reconciled; not yet usable.
    case synchronizing(SessionInfo)
    /// Ready: requests and orders may be sent.
    case usable(SessionInfo)
    /// The connection was lost for this reason; a reconnect follows.
    case lost(LostReason)
    /// Waiting to make reconnect attempt `attempt` (from 1) at `nextTryAt`.
    case reconnecting(attempt: Int, nextTryAt: SessionInstant)

    /// Whether requests and orders may be sent.
    public var isUsable: Bool {
        if case .usable = self { true } else { false }
    }
}
