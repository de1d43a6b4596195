import TWSSession

/// What one connection's channel reports to the client, in order.
enum TransportEvent: Sendable {
    /// The frames decoded during one read of the socket, and when that read completed
    /// (monotonic): every message's `receivedAt`. The client asks for the next read once it
    /// has handled them.
    case frames([InboundFrame], receivedAt: SessionInstant)
    /// The peer closed the socket (or it was closed locally).
    case closed
    /// The socket failed.
    case failed(String)
    /// The byte stream lost its framing (see ``TWSFrameDecoder``): nothing after it can be read.
    case brokenFraming(String)
}
