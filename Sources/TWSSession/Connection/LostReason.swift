/// Why a connection was lost (or never became usable).
public enum LostReason: Hashable, Sendable {
    /// The peer closed the socket.
    case socketClosed
    /// The socket failed; the text is the I/O layer's description.
    case socketError(String)
    /// Nothing arrived for this long, including the answer to a keepalive probe.
    case keepaliveTimeout(silentFor: Duration)
    /// The socket did not connect, or the handshake did not finish, in time.
    case establishTimeout
    /// Resubscription and order reconciliation did not finish in time.
    case synchronizationTimeout
    /// The server chose a version outside the range this client speaks.
    case unsupportedServerVersion(Int)
    /// The peer broke the protocol (bad framing, undecodable message); the text says how.
    case protocolError(String)
}
