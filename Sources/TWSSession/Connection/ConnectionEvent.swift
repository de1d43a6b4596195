/// Something that happened to the connection, fed to ``ConnectionStateMachine/handle(_:now:)``.
public enum ConnectionEvent: Hashable, Sendable {
    /// The user asked to connect.
    case connectRequested
    /// The socket connected.
    case socketConnected
    /// The handshake reply arrived (server version and connection time).
    case handshakeReply(serverVersion: Int, connectionTime: String)
    /// NEXT_VALID_ID arrived.
    case nextValidID(Int)
    /// MANAGED_ACCTS arrived, already split into account codes.
    case managedAccounts([String])
    /// Any other inbound message arrived.
    case messageReceived
    /// The peer closed the socket.
    case socketClosed
    /// The socket failed, or the inbound stream could not be decoded.
    case socketError(LostReason)
    /// The keepalive monitor declared the connection dead.
    case keepaliveDead(silentFor: Duration)
    /// Every subscription in the resubscribe plan has been handed to the pacing queue.
    case resubscriptionSent
    /// Open orders and executions since the loss have been received and applied.
    case reconcileFinished
    /// The user asked to disconnect; no reconnect follows.
    case userDisconnect
    /// The user asked to try now while waiting for a reconnect attempt.
    case retryRequested
    /// The gateway refused the client id as already in use (IB 326) while connecting.
    case clientIDInUse
}
