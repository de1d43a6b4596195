import TWSWire

/// The messages of one write to a client's socket, as ``GatewayConfiguration/writeObserver``
/// sees them: everything the gateway queued for that connection since its previous write.
///
/// Benchmarks use it to stamp when each tick left the gateway (``messages`` keep their order
/// on the wire, so the n-th tick of a ticker id here is the n-th one the client decodes).
public struct GatewayWrite: Sendable {
    /// The connection's number, unique for the server's lifetime (1 for the first).
    public var connectionNumber: Int
    /// The client id the connection gave in START_API; `nil` before it.
    public var clientId: Int?
    /// The messages written, in wire order (the handshake reply is not a message and is left out).
    public var messages: [ServerMessage]

    /// Creates a write record.
    public init(connectionNumber: Int, clientId: Int?, messages: [ServerMessage]) {
        self.connectionNumber = connectionNumber
        self.clientId = clientId
        self.messages = messages
    }
}
