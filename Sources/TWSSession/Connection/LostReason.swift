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
    /// The gateway refused the client id as already in use (IB 326); `next` is the id the
    /// client connects as at once, `nil` when the id is pinned (retried after the backoff).
    case clientIDInUse(Int, next: Int?)
    /// Every id of the client-id range was refused as in use (IB 326); the next attempt, after
    /// the backoff, starts over from the range's first id.
    case clientIDsInUse(ClosedRange<Int>)

    /// Whether the client connects again at once, under another client id, without a backoff.
    public var movesToNextClientID: Bool {
        if case .clientIDInUse(_, next: .some) = self { return true }
        return false
    }
}
