import TWSWire

/// One frame from the gateway as the channel pipeline decodes it (``TWSFrameDecoder``).
enum InboundFrame: Hashable, Sendable {
    /// The handshake reply: the connection's first frame.
    case hello(ServerHello)
    /// Every later frame: a message, or one that could not be read (the client skips and
    /// reports it, code 508).
    case message(InboundMessage)
}
